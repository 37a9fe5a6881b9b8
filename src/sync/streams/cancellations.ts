import { sql } from 'kysely';
import type { StepContext, StepHandler } from '../step-context.ts';
import { applyErpCancellations } from './cancellations/erp-cancellations.ts';
import { applyLinesSince } from './lines-since.ts';
import { RESERVING_STATES } from './offers/reservations.ts';

export const ISSUE_CANCELLED_AFTER_SHIPPING = 'order.cancelled_after_shipping';
export const ISSUE_PARTIALLY_CANCELLED = 'order.partially_cancelled';

/**
 * Cancellations both ways. From the marketplace: lines cancelled there are marked in the hub; an order whose
 * every line is cancelled before anything shipped is cancelled in the ERP (or never sent there). An order
 * cancelled after shipping, or only in part, is flagged for the seller: the ERP port cancels whole orders only.
 * From the ERP: see cancellations/erp-cancellations.ts.
 */
export const syncCancellations: StepHandler = async (ctx) => {
  // The first run starts now, or at the oldest order the hub still holds short of the ERP, when the orders
  // step ran first: such an order cancelled before this step's first run would otherwise keep its pieces
  // reserved (and lower every account's offers) for good. Older cancellations concern no hub order.
  await applyLinesSince(ctx, ['cancelled'], await firstRunStart(ctx), (lines) =>
    applyCancellations(
      ctx,
      lines.map((line) => line.lineId),
    ),
  );
  await applyErpCancellations(ctx);
};

async function applyCancellations(ctx: Parameters<StepHandler>[0], lineIds: string[]): Promise<void> {
  if (lineIds.length === 0) return;
  const changed = await ctx.db
    .updateTable('hub_order_lines')
    .set({ cancelled_at: new Date(), marketplace_status: 'cancelled' })
    .where('account_id', '=', ctx.account.id)
    .where('marketplace_line_id', 'in', lineIds)
    .where('cancelled_at', 'is', null)
    .returning('order_id')
    .execute();
  const orderIds = [...new Set(changed.map((c) => c.order_id))];
  for (const orderId of orderIds) {
    const order = await ctx.db
      .selectFrom('hub_orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    const stats = await sql<{ open: string; shipped: string }>`
      SELECT count(*) FILTER (WHERE cancelled_at IS NULL) AS open,
             count(*) FILTER (WHERE shipped_at IS NOT NULL) AS shipped
      FROM hub_order_lines WHERE order_id = ${orderId}`.execute(ctx.db);
    const { open, shipped } = stats.rows[0] ?? { open: '0', shipped: '0' };
    const ref = order.marketplace_order_id;
    if (Number(shipped) > 0) {
      await ctx.issues.raise({
        code: ISSUE_CANCELLED_AFTER_SHIPPING,
        subject: ref,
        message: `Order ${ref} was cancelled on the marketplace after (part of) it shipped.`,
        hint: `Check sale order ${order.erp_order_name ?? ''} in Odoo: arrange a return or refund with the buyer.`,
        details: { erpOrder: order.erp_order_name },
      });
    } else if (Number(open) > 0) {
      // Not in the ERP yet: it is forwarded without the cancelled items, nothing for the seller to do.
      if (!order.erp_order_id) continue;
      await ctx.issues.raise({
        code: ISSUE_PARTIALLY_CANCELLED,
        subject: ref,
        message: `Some items of order ${ref} were cancelled on the marketplace.`,
        hint: `Remove the cancelled items from sale order ${order.erp_order_name ?? ''} in Odoo before shipping.`,
        details: { erpOrder: order.erp_order_name },
      });
    } else {
      if (order.erp_order_id) await ctx.erp.cancelSaleOrder(order.erp_order_id);
      await ctx.db
        .updateTable('hub_orders')
        .set({ state: 'cancelled', updated_at: new Date() })
        .where('id', '=', orderId)
        .execute();
      ctx.counts.updated++;
    }
  }
}

async function firstRunStart(ctx: StepContext): Promise<'from_now' | { from: string }> {
  const oldest = await ctx.db
    .selectFrom('hub_orders')
    .select((eb) => eb.fn.min('marketplace_created_at').as('at'))
    .where('account_id', '=', ctx.account.id)
    .where('state', 'in', [...RESERVING_STATES])
    .executeTakeFirst();
  const at = oldest?.at ? new Date(oldest.at) : undefined;
  return at && at.getTime() < Date.now() ? { from: at.toISOString() } : 'from_now';
}
