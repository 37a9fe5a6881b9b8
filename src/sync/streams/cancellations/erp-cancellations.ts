import { isAppError } from '../../../core/errors.ts';
import type { ErpSaleOrder } from '../../../core/ports/erp.port.ts';
import type { StepContext } from '../../step-context.ts';
import { readPages } from '../offers/read-pages.ts';
import { openLinesOf } from '../orders/ledger.ts';

export const ISSUE_CANCELLED_IN_ERP_AFTER_SHIPPING = 'order.erp_cancelled_after_shipping';
export const ISSUE_CANCEL_REFUSED = 'order.cancel_refused';

interface CancellationsCursor {
  /** The ERP's opaque cursor over cancelled sale orders. */
  erp?: string;
}

// Cancelled sale orders per ERP page; each costs one marketplace call per open line.
const PAGE = 200;

/**
 * Sale orders cancelled in the ERP before they shipped → their open lines cancelled on the marketplace with the
 * account's cancel reason (default NoInventory), so the buyer is told and the seller is not penalised for a
 * late shipment. Lines that already shipped stay as they are and the order is flagged. The cursor moves after
 * each page is applied; the first run reads every cancelled order there is, and only orders the hub forwarded
 * for this account are acted on.
 */
export async function applyErpCancellations(ctx: StepContext): Promise<void> {
  const from = ((await ctx.cursor.read<CancellationsCursor>()) ?? {}).erp ?? null;
  await readPages(
    (cursor) => ctx.erp.cancelledSaleOrdersSince(cursor, PAGE),
    from,
    async (page) => {
      await cancelOnMarketplace(ctx, page.items);
      // Re-read: the marketplace side of this step keeps its own part of the same cursor record.
      const stored = (await ctx.cursor.read<Record<string, unknown>>()) ?? {};
      await ctx.cursor.write({ ...stored, erp: page.cursor });
    },
  );
}

/**
 * Also called by the orders step for an order whose sale order it finds already cancelled (cancelled in Odoo
 * while the hub held the order, e.g. a draft Odoo refused to confirm).
 */
export async function cancelOnMarketplace(
  ctx: StepContext,
  saleOrders: readonly ErpSaleOrder[],
): Promise<void> {
  if (saleOrders.length === 0) return;
  const orders = await ctx.db
    .selectFrom('hub_orders')
    .selectAll()
    .where('account_id', '=', ctx.account.id)
    .where(
      'erp_order_id',
      'in',
      saleOrders.map((o) => o.id),
    )
    // Shipped ones too: Odoo lets a fully delivered order be cancelled, and the seller should hear of it.
    .where('state', 'in', ['in_erp', 'shipped'])
    .execute();
  if (orders.length === 0) return;
  const openLines = await openLinesOf(
    ctx.db,
    orders.map((o) => o.id),
  );
  const reason = ctx.account.settings.cancelReason;
  for (const order of orders) {
    ctx.counts.read++;
    const ref = order.marketplace_order_id;
    const lines = openLines.filter((l) => l.order_id === order.id);
    const shipped = lines.filter((l) => l.shipped_at !== null || l.confirmed_at !== null);
    let refused = 0;
    for (const line of lines.filter((l) => !shipped.includes(l))) {
      try {
        await ctx.marketplace.cancelLine(line.marketplace_line_id, reason);
      } catch (thrown) {
        if (!isAppError(thrown) || thrown.kind !== 'rejected') throw thrown;
        // Already cancelled there (an earlier run cut off before recording it) counts as done.
        const now = await ctx.marketplace.getOrderLine(line.marketplace_line_id);
        if (now.status !== 'cancelled') {
          refused++;
          await ctx.issues.raise({
            code: ISSUE_CANCEL_REFUSED,
            subject: ref,
            message: `Order ${ref} was cancelled in Odoo, but the marketplace refused to cancel an item: ${thrown.message}`,
            hint: 'Check the order on the marketplace: cancel it there by hand, or ship it if it should go out after all.',
            details: { error: thrown.message },
          });
          continue;
        }
      }
      await ctx.db
        .updateTable('hub_order_lines')
        .set({ cancelled_at: new Date(), marketplace_status: 'cancelled' })
        .where('id', '=', line.id)
        .execute();
    }
    if (shipped.length > 0) {
      await ctx.issues.raise({
        code: ISSUE_CANCELLED_IN_ERP_AFTER_SHIPPING,
        subject: ref,
        message: `Sale order ${order.erp_order_name ?? ''} was cancelled in Odoo after ${shipped.length} item(s) of order ${ref} shipped.`,
        hint: 'The shipped items stay confirmed on the marketplace: arrange a return or refund with the buyer there.',
        details: { erpOrder: order.erp_order_name, shipped: shipped.length },
      });
    } else if (refused === 0) {
      await ctx.db
        .updateTable('hub_orders')
        .set({ state: 'cancelled', updated_at: new Date() })
        .where('id', '=', order.id)
        .execute();
    }
    ctx.counts.updated++;
  }
}
