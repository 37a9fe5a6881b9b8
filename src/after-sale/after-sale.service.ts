import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app-context.ts';
import { marketplaceConnector } from '../connectors/index.ts';
import { AppError, toAppError } from '../core/errors.ts';
import { formatMinor } from '../core/money-text.ts';
import type { MarketplaceSession } from '../core/ports/marketplace.port.ts';
import { withAccountLock } from '../sync/account-lock.ts';
import { bookRefund } from '../sync/streams/returns/refund-credit.ts';
import { OUTCOME_STATUS, sendStoredOutcome } from '../sync/streams/returns/send-outcome.ts';
import type { RefundInput, ReturnAnswerInput } from './after-sale-input.ts';

/** Statuses in which the marketplace takes no answer any more. */
const FINAL = new Set(['accepted', 'rejected', 'closed']);

export interface RefundResult {
  id: string;
  amountMinor: number;
  currency: string;
  reason: string;
  sentAt: string | null;
  creditNote: string | null;
  /** Why the ERP booked no credit note yet (the returns step tries again unless it refused). */
  creditNoteError: string | null;
  /** True when this key had been used before: nothing was sent this time. */
  repeated: boolean;
}

/**
 * The seller's after-sale actions (UI, CLI, API): answer a return line, refund part of a unit. Each runs under
 * the account's lock, so it never races the returns step answering the same line.
 */
export class AfterSaleService {
  constructor(private readonly app: Pick<AppContext, 'db' | 'accounts' | 'erp'>) {}

  async answerReturn(id: string, answer: ReturnAnswerInput): Promise<{ status: string; outcome: string }> {
    const line = await this.app.db
      .selectFrom('hub_return_lines')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!line) throw new AppError('not_found', 'return.not_found', `No return line ${id}.`);
    return withAccountLock(this.app.db, line.account_id, async () => {
      const current = await this.app.db
        .selectFrom('hub_return_lines')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      if (
        current.outcome === answer.outcome &&
        current.outcome_sent_at &&
        current.status === OUTCOME_STATUS[answer.outcome]
      )
        return { status: current.status, outcome: answer.outcome };
      if (FINAL.has(current.status))
        throw new AppError(
          'conflict',
          'return.already_final',
          `This return is ${current.status} already; the marketplace takes no other answer.`,
        );
      await this.app.db
        .updateTable('hub_return_lines')
        .set({
          outcome: answer.outcome,
          outcome_message: answer.message ?? null,
          outcome_source: 'seller',
          outcome_sent_at: null,
          outcome_error: null,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      const marketplace = await this.marketplaceFor(current.account_id);
      const answered = await sendStoredOutcome(this.app.db, marketplace, {
        id,
        marketplace_return_line_id: current.marketplace_return_line_id,
        outcome: answer.outcome,
        outcome_message: answer.message ?? null,
      });
      return { status: answered.status, outcome: answer.outcome };
    });
  }

  /** The refund reasons the order's marketplace takes. */
  async refundReasons(orderId: string): Promise<readonly string[]> {
    const order = await this.order(orderId);
    return (await this.marketplaceFor(order.account_id)).refundReasons;
  }

  async refund(orderId: string, input: RefundInput): Promise<RefundResult> {
    const order = await this.order(orderId);
    return withAccountLock(this.app.db, order.account_id, async () => {
      const key = input.idempotencyKey ?? randomUUID();
      const earlier = await this.app.db
        .selectFrom('hub_refunds')
        .selectAll()
        .where('account_id', '=', order.account_id)
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      if (earlier?.sent_at) return { ...resultOf(earlier), repeated: true };
      if (earlier && !earlier.send_error)
        throw new AppError(
          'conflict',
          'refund.outcome_unknown',
          'The refund with this key got no answer from the marketplace and may have been paid. Check the order on the marketplace; send it again (as a new refund) only if it was not paid.',
        );
      // Refused before: nothing was paid, so the key is free for the corrected refund.
      if (earlier) await this.app.db.deleteFrom('hub_refunds').where('id', '=', earlier.id).execute();

      const line = await this.app.db
        .selectFrom('hub_order_lines')
        .selectAll()
        .where('order_id', '=', order.id)
        .where('marketplace_line_id', '=', input.lineId)
        .executeTakeFirst();
      if (!line)
        throw new AppError(
          'input',
          'refund.unknown_line',
          `Unit ${input.lineId} is not part of this order.`,
          {
            fields: [{ field: 'lineId', message: 'Choose a unit of this order.' }],
          },
        );
      const marketplace = await this.marketplaceFor(order.account_id);
      if (!marketplace.refundReasons.includes(input.reason)) {
        const choose = `Choose one of the marketplace's refund reasons: ${marketplace.refundReasons.join(', ')}.`;
        throw new AppError('input', 'refund.unknown_reason', choose, {
          fields: [{ field: 'reason', message: choose }],
        });
      }
      const refunded = await this.app.db
        .selectFrom('hub_refunds')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount_minor'), eb.val('0')).as('sum'))
        .where('order_line_id', '=', line.id)
        .where('send_error', 'is', null)
        .executeTakeFirstOrThrow();
      const left = line.price_minor + line.shipping_minor - Number(refunded.sum);
      if (input.amountMinor > left) {
        const most = `At most ${formatMinor(Math.max(0, left), order.currency)} can be refunded on unit ${line.marketplace_line_id} (its price${Number(refunded.sum) > 0 ? ' less earlier refunds' : ''}).`;
        throw new AppError('input', 'refund.too_large', most, {
          fields: [{ field: 'amountMinor', message: most }],
        });
      }

      // Written before the call: a retried request with this key finds it and never sends again.
      const refund = await this.app.db
        .insertInto('hub_refunds')
        .values({
          account_id: order.account_id,
          order_id: order.id,
          order_line_id: line.id,
          idempotency_key: key,
          amount_minor: input.amountMinor,
          currency: order.currency,
          reason: input.reason,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      try {
        await marketplace.refundLine(line.marketplace_line_id, {
          amountMinor: input.amountMinor,
          reason: input.reason,
        });
      } catch (thrown) {
        const error = toAppError(thrown);
        // An unknown outcome stays in doubt (no error, not sent): the key is never sent again.
        const refused =
          (error.kind === 'rejected' || error.kind === 'input') && !error.code.endsWith('.outcome_unknown');
        if (refused)
          await this.app.db
            .updateTable('hub_refunds')
            .set({ send_error: error.message })
            .where('id', '=', refund.id)
            .execute();
        throw error;
      }
      const sent = await this.app.db
        .updateTable('hub_refunds')
        .set({ sent_at: new Date() })
        .where('id', '=', refund.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (!order.erp_order_id) return { ...resultOf(sent), repeated: false };
      const erp = await this.app.erp.openSession();
      const account = await this.app.accounts.get(order.account_id);
      try {
        if (erp)
          await bookRefund(
            this.app.db,
            erp.session,
            { ...sent, erp_order_id: order.erp_order_id },
            { accountType: account.type, post: account.settings.postCreditNotes },
          );
      } catch {
        // The ERP is down or slow: the returns step books it on its next run.
      }
      const booked = await this.app.db
        .selectFrom('hub_refunds')
        .selectAll()
        .where('id', '=', refund.id)
        .executeTakeFirstOrThrow();
      return { ...resultOf(booked), repeated: false };
    });
  }

  private async order(orderId: string) {
    const order = await this.app.db
      .selectFrom('hub_orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (!order) throw new AppError('not_found', 'order.not_found', `No order ${orderId}.`);
    return order;
  }

  private async marketplaceFor(accountId: string): Promise<MarketplaceSession> {
    const account = await this.app.accounts.get(accountId);
    return marketplaceConnector(account.type).openSession(await this.app.accounts.credentialsOf(accountId));
  }
}

function resultOf(row: {
  id: string;
  amount_minor: number;
  currency: string;
  reason: string;
  sent_at: Date | null;
  erp_credit_note_name: string | null;
  erp_credit_error: string | null;
}): Omit<RefundResult, 'repeated'> {
  return {
    id: row.id,
    amountMinor: row.amount_minor,
    currency: row.currency,
    reason: row.reason,
    sentAt: row.sent_at?.toISOString() ?? null,
    creditNote: row.erp_credit_note_name,
    creditNoteError: row.erp_credit_error,
  };
}
