import type { ReturnLine } from '../../core/after-sale.ts';
import { runIndependentPhases } from '../independent-phases.ts';
import type { StepContext, StepHandler } from '../step-context.ts';
import { answerReturns } from './returns/answer-returns.ts';
import { creditAcceptedReturns } from './returns/credit-notes.ts';
import { prepareReturnReceipts } from './returns/prepare-receipts.ts';
import { recordReceiptsDone } from './returns/receipts-done.ts';
import { bookRefund, ISSUE_REFUND_NOT_BOOKED, refundsToBook } from './returns/refund-credit.ts';
import { storeReturnLines } from './returns/store-return-lines.ts';

interface ReturnsCursor {
  /** The newest return line change applied (the marketplace's time). */
  returnsUpdatedSince?: string;
  /** The ERP's cursor of validated return receipts. */
  receipts?: string | null;
}

// Return lines applied per batch; ERP receipts per page.
const BATCH = 200;
const PAGE = 200;

/**
 * Returns, both systems in step: return lines from the marketplace → stored in the hub → a return receipt
 * prepared in the ERP for each return on its way → once the warehouse validated it, accepted on the
 * marketplace (automatically or by the seller) → a credit note in the ERP for the accepted units. Refunds the
 * seller sent through the hub whose credit note is missing are booked here too.
 */
export const syncReturns: StepHandler = async (ctx) => {
  const cursor = (await ctx.cursor.read<ReturnsCursor>()) ?? {};
  // Each phase works from what the hub has stored, so one the marketplace or the ERP failed this run does not
  // hold back the others (a receipt validated earlier is still accepted while the return listing fails).
  await runIndependentPhases([
    () => readReturnLines(ctx, cursor),
    () => prepareReturnReceipts(ctx),
    async () => {
      for (;;) {
        const page = await ctx.erp.returnReceiptsDoneSince(cursor.receipts ?? null, PAGE);
        await recordReceiptsDone(ctx, page.items);
        cursor.receipts = page.cursor;
        await ctx.cursor.write(cursor);
        if (!page.hasMore) break;
      }
    },
    () => answerReturns(ctx),
    () => creditAcceptedReturns(ctx),
    () => bookMissingRefunds(ctx),
  ]);
};

async function readReturnLines(ctx: StepContext, cursor: ReturnsCursor): Promise<void> {
  let newest = cursor.returnsUpdatedSince;
  let batch: ReturnLine[] = [];
  const lines = ctx.marketplace.listReturnLines(newest ? { updatedSince: newest } : {});
  for await (const line of lines) {
    batch.push(line);
    if (!newest || line.updatedAt > newest) newest = line.updatedAt;
    if (batch.length >= BATCH) {
      await storeReturnLines(ctx, batch);
      batch = [];
    }
  }
  await storeReturnLines(ctx, batch);
  if (newest && newest !== cursor.returnsUpdatedSince) {
    cursor.returnsUpdatedSince = newest;
    await ctx.cursor.write(cursor);
  }
}

async function bookMissingRefunds(ctx: StepContext): Promise<void> {
  for (const refund of await refundsToBook(ctx.db, ctx.account.id)) {
    const booked = await bookRefund(
      ctx.db,
      ctx.erp,
      { ...refund, erp_order_id: refund.erp_order_id! },
      { accountType: ctx.account.type, post: ctx.account.settings.postCreditNotes },
    );
    if (booked.ok) {
      ctx.counts.created++;
      continue;
    }
    ctx.counts.failed++;
    await ctx.issues.raise({
      code: ISSUE_REFUND_NOT_BOOKED,
      subject: refund.marketplace_order_id,
      message: `The refund on order ${refund.marketplace_order_id} was paid on the marketplace, but the ERP made no credit note for it: ${booked.message}`,
      hint: `Create a credit note for the refunded amount on sale order ${refund.erp_order_name ?? ''} in the ERP by hand.`,
      details: { erpOrder: refund.erp_order_name, error: booked.message },
    });
  }
}
