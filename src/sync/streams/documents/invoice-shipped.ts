import { sql } from 'kysely';
import { toAppError } from '../../../core/errors.ts';
import type { StepContext } from '../../step-context.ts';
import { recordDocuments } from './record-documents.ts';

// Orders invoiced per run: each is one ERP invoicing (a few calls).
const BATCH = 100;
export const ISSUE_INVOICE_FAILED = 'order.invoice_failed';
// Switching the setting on invoices what shipped lately, not years of history the seller invoiced elsewhere.
const RECENT = '14 days';

/**
 * For sellers who do not invoice in the ERP themselves (account setting `invoiceOnShipment`): every order of
 * which all units have shipped is invoiced through the ERP's own invoicing, once (the ERP answers the existing
 * invoice on a repeat). Orders the marketplace invoices itself are left alone.
 */
export async function invoiceShippedOrders(ctx: StepContext): Promise<void> {
  if (!ctx.account.settings.invoiceOnShipment) return;
  const orders = await ctx.db
    .selectFrom('hub_orders as o')
    .select(['o.id', 'o.erp_order_id', 'o.marketplace_order_id', 'o.erp_order_name'])
    .where('o.account_id', '=', ctx.account.id)
    .where('o.erp_order_id', 'is not', null)
    .where('o.erp_invoice_requested_at', 'is', null)
    .where('o.state', 'in', ['in_erp', 'shipped'])
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM hub_order_lines l WHERE l.order_id = o.id
                     AND l.cancelled_at IS NULL AND (l.shipped_at IS NULL OR l.deemed_supplier))`,
    )
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM hub_order_lines l WHERE l.order_id = o.id AND l.cancelled_at IS NULL
                     AND l.shipped_at > now() - ${RECENT}::interval)`,
    )
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM hub_order_documents d WHERE d.order_id = o.id AND d.kind = 'invoice')`,
    )
    .orderBy('o.marketplace_created_at')
    .limit(BATCH)
    .execute();
  for (const order of orders) {
    try {
      const invoice = await ctx.erp.invoiceSaleOrder(order.erp_order_id!);
      await recordDocuments(ctx, [invoice]);
      ctx.counts.created++;
      await ctx.issues.resolve(ISSUE_INVOICE_FAILED, [order.marketplace_order_id]);
    } catch (thrown) {
      const error = toAppError(thrown);
      if (error.kind !== 'rejected') throw error;
      await ctx.issues.raise({
        code: ISSUE_INVOICE_FAILED,
        subject: order.marketplace_order_id,
        message: `The ERP did not invoice sale order ${order.erp_order_name ?? ''} of order ${order.marketplace_order_id}: ${error.message}`,
        hint: 'Create and post the invoice in the ERP by hand; AdlerDo uploads it to the marketplace on the next cycle.',
        details: { erpOrder: order.erp_order_name, error: error.message },
      });
      ctx.counts.failed++;
    }
    // Asked once: an invoice made by hand after a refusal is picked up from the ERP's documents like any other.
    await ctx.db
      .updateTable('hub_orders')
      .set({ erp_invoice_requested_at: new Date() })
      .where('id', '=', order.id)
      .execute();
  }
}
