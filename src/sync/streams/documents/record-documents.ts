import type { ErpDocument } from '../../../core/ports/erp.port.ts';
import type { StepContext } from '../../step-context.ts';
import { documentFileName } from './file-name.ts';

/**
 * Records the posted ERP documents of this account's orders, once each (a document seen again changes
 * nothing). Drafts are not the buyer's invoice yet; documents of sale orders the hub did not create belong to
 * no order of this account. Returns how many were new.
 */
export async function recordDocuments(ctx: StepContext, documents: readonly ErpDocument[]): Promise<number> {
  const posted = documents.filter((d) => d.posted);
  const saleOrderIds = [...new Set(posted.map((d) => d.saleOrderId))];
  if (saleOrderIds.length === 0) return 0;
  const orders = await ctx.db
    .selectFrom('hub_orders')
    .select(['id', 'erp_order_id'])
    .where('account_id', '=', ctx.account.id)
    .where('erp_order_id', 'in', saleOrderIds)
    .execute();
  const orderBySaleOrder = new Map(orders.map((o) => [o.erp_order_id!, o.id]));
  const rows = posted.flatMap((doc) => {
    const orderId = orderBySaleOrder.get(doc.saleOrderId);
    return orderId ? [{ orderId, doc }] : [];
  });
  if (rows.length === 0) return 0;
  ctx.counts.read += rows.length;
  const inserted = await ctx.db
    .insertInto('hub_order_documents')
    .values(
      rows.map(({ orderId, doc }) => ({
        account_id: ctx.account.id,
        order_id: orderId,
        erp_document_id: doc.id,
        kind: doc.kind,
        number: doc.number,
        total_minor: doc.totalMinor,
        currency: doc.currency,
        document_date: doc.date,
        file_name: documentFileName(doc.number),
      })),
    )
    .onConflict((oc) => oc.columns(['account_id', 'order_id', 'erp_document_id']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
