import type { StepContext } from '../../step-context.ts';
import { groupBy, quantitiesBySku } from './group-refs.ts';
import { assignBatchRefs, recordBatchRefusal } from './return-batches.ts';

export const ISSUE_RETURN_NOT_PREPARED = 'order.return_not_prepared';

/**
 * For returns on their way (announced or arrived), prepares the return receipt in the ERP on the order's
 * delivery, so the warehouse expects the parcel: one receipt per return, its reference stored on the lines
 * before the ERP is asked (the ERP finds it by that reference on a retry, never making a second).
 */
export async function prepareReturnReceipts(ctx: StepContext): Promise<void> {
  await assignBatchRefs(ctx, {
    column: 'erp_return_ref',
    // Only returns still on their way: the warehouse has nothing to expect for the others.
    eligible: (eb) => eb('r.status', 'in', ['announced', 'arrived']),
  });
  const lines = await ctx.db
    .selectFrom('hub_return_lines as r')
    .innerJoin('hub_orders as o', 'o.id', 'r.order_id')
    .select([
      'r.id',
      'r.erp_return_ref',
      'r.sku',
      'r.marketplace_order_id',
      'o.erp_order_id',
      'o.erp_order_name',
    ])
    .where('r.account_id', '=', ctx.account.id)
    .where('r.erp_return_ref', 'is not', null)
    .where('r.erp_return_id', 'is', null)
    .where('r.erp_return_error', 'is', null)
    .where('o.erp_order_id', 'is not', null)
    .orderBy('r.id')
    .execute();
  for (const [ref, group] of groupBy(lines, (l) => l.erp_return_ref!)) {
    const first = group[0]!;
    const ids = group.map((l) => l.id);
    try {
      const receipt = await ctx.erp.prepareReturn(first.erp_order_id!, {
        ref,
        lines: quantitiesBySku(group),
      });
      await ctx.db
        .updateTable('hub_return_lines')
        .set({ erp_return_id: receipt.id, erp_return_name: receipt.name, erp_return_prepared_at: new Date() })
        .where('id', 'in', ids)
        .execute();
      ctx.counts.created++;
    } catch (thrown) {
      await recordBatchRefusal(ctx, thrown, {
        lineIds: ids,
        errorColumn: 'erp_return_error',
        issue: (reason) => ({
          code: ISSUE_RETURN_NOT_PREPARED,
          subject: first.marketplace_order_id,
          message: `The ERP could not prepare the return receipt of order ${first.marketplace_order_id} (sale order ${first.erp_order_name ?? ''}): ${reason}`,
          hint: 'Book the return on the sale order in the ERP by hand when the parcel arrives, then accept it on the Returns page.',
          details: { erpOrder: first.erp_order_name, error: reason },
        }),
      });
    }
  }
}
