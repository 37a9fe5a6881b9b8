import { toAppError } from '../../../core/errors.ts';
import type { StepContext } from '../../step-context.ts';
import { sendStoredOutcome } from './send-outcome.ts';

export const ISSUE_RETURN_ANSWER_REFUSED = 'order.return_answer_refused';

/**
 * Accepts on the marketplace the returns the warehouse has booked back in the ERP, when the account accepts
 * automatically (`autoAcceptReturns`); otherwise they wait for the seller's click. Answers stored but not
 * sent yet (a run or a request that died midway) go out here too, each once.
 */
export async function answerReturns(ctx: StepContext): Promise<void> {
  if (ctx.account.settings.autoAcceptReturns) {
    await ctx.db
      .updateTable('hub_return_lines')
      .set({ outcome: 'accept', outcome_source: 'auto', updated_at: new Date() })
      .where('account_id', '=', ctx.account.id)
      .where('erp_return_done_at', 'is not', null)
      .where('outcome', 'is', null)
      .where('status', 'in', ['announced', 'arrived'])
      .execute();
  }
  const unsent = await ctx.db
    .selectFrom('hub_return_lines')
    .select(['id', 'marketplace_return_line_id', 'marketplace_order_id', 'outcome', 'outcome_message'])
    .where('account_id', '=', ctx.account.id)
    .where('outcome', 'is not', null)
    .where('outcome_sent_at', 'is', null)
    .where('outcome_error', 'is', null)
    .where('outcome_source', '<>', 'marketplace')
    .orderBy('id')
    .execute();
  for (const line of unsent) {
    try {
      await sendStoredOutcome(ctx.db, ctx.marketplace, { ...line, outcome: line.outcome! });
      ctx.counts.updated++;
      await ctx.issues.resolve(ISSUE_RETURN_ANSWER_REFUSED, [line.marketplace_order_id]);
    } catch (thrown) {
      const error = toAppError(thrown);
      if (error.kind !== 'rejected') throw error;
      await ctx.issues.raise({
        code: ISSUE_RETURN_ANSWER_REFUSED,
        subject: line.marketplace_order_id,
        message: `The marketplace refused to ${line.outcome} the return of order ${line.marketplace_order_id}: ${error.message}`,
        hint: 'Open the order on the Returns page and answer the return again (or in the marketplace’s seller portal).',
        details: { outcome: line.outcome, error: error.message },
      });
      ctx.counts.failed++;
    }
  }
}
