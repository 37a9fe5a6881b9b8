import type { ErpReturnReceipt } from '../../../core/ports/erp.port.ts';
import type { StepContext } from '../../step-context.ts';

/**
 * Marks the return lines whose ERP receipt the warehouse validated: the goods are back in stock, so the
 * return can be accepted on the marketplace. Receipts the hub did not prepare (no reference) concern none.
 */
export async function recordReceiptsDone(
  ctx: StepContext,
  receipts: readonly ErpReturnReceipt[],
): Promise<number> {
  let marked = 0;
  for (const receipt of receipts) {
    if (!receipt.ref) continue;
    const result = await ctx.db
      .updateTable('hub_return_lines')
      .set({
        erp_return_done_at: receipt.doneAt,
        erp_return_id: receipt.receiptId,
        erp_return_name: receipt.name,
        updated_at: new Date(),
      })
      .where('account_id', '=', ctx.account.id)
      .where('erp_return_ref', '=', receipt.ref)
      .where('erp_return_done_at', 'is', null)
      .executeTakeFirst();
    marked += Number(result.numUpdatedRows);
  }
  ctx.counts.updated += marked;
  return marked;
}
