import { sql, type Selectable } from 'kysely';
import type { OrderLine } from '../../../core/order.ts';
import type { HubOrderLinesTable, HubOrderState } from '../../../store/schema.ts';
import type { StepContext } from '../../step-context.ts';
import { recordSales } from '../offers/offers.repository.ts';

/**
 * Stores marketplace order lines in the hub — the ledger — before anything is sent to the ERP. Re-reading the
 * same lines (the overlap window, a retried run) changes nothing: orders and lines are unique per account.
 *
 * Lines still `open` (not released to ship) are stored too, for their SKU and quantity: from the first poll
 * that sees them their pieces count as reserved (offers/reservations.ts). Their order stays `open`, which the
 * ERP forwarding never picks up, until a line of it arrives `to_ship`; then it is `received` like any other.
 *
 * A new line means the marketplace lowered this account's offer of the SKU itself, at the sale: the hub's
 * record of that offer follows, or is forgotten when it cannot know (offers.repository.ts, recordSales).
 * Returns how many lines were new.
 */
export async function storeOrderLines(ctx: StepContext, lines: readonly OrderLine[]): Promise<number> {
  if (lines.length === 0) return 0;
  // The same line twice in one listing (a page shifted by a new order) would be one row written twice below.
  const unique = new Map(lines.map((line) => [line.lineId, line]));
  const byOrder = new Map<string, OrderLine[]>();
  for (const line of unique.values()) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
  const sales = new Map<string, { sku: string; pieces: number; soldAt: string }>();
  let added = 0;
  const late: { orderId: string; erpOrder: string; skus: string[]; units: number }[] = [];
  // Three statements for all the orders of a listing batch (up to 500 lines), not three per order: after an ERP
  // outage 10,000 orders are stored in one run.
  await ctx.db.transaction().execute(async (trx) => {
    const orders = await trx
      .insertInto('hub_orders')
      .values(
        [...byOrder].map(([orderId, orderLines]) => {
          const first = orderLines[0]!;
          const state: HubOrderState = orderLines.every((line) => line.status === 'open')
            ? 'open'
            : 'received';
          return {
            account_id: ctx.account.id,
            marketplace_order_id: orderId,
            channel: first.channel,
            currency: first.currency,
            buyer: JSON.stringify(first.buyer),
            billing_address: JSON.stringify(first.billingAddress),
            shipping_address: JSON.stringify(first.shippingAddress),
            marketplace_created_at: first.createdAt,
            total_minor: 0,
            state,
          };
        }),
      )
      .onConflict((oc) =>
        oc.columns(['account_id', 'marketplace_order_id']).doUpdateSet({
          // Addresses arrive late for lines read while still `open`: keep the newest non-empty ones.
          buyer: sql`coalesce(excluded.buyer, hub_orders.buyer)`,
          billing_address: sql`coalesce(excluded.billing_address, hub_orders.billing_address)`,
          shipping_address: sql`coalesce(excluded.shipping_address, hub_orders.shipping_address)`,
          // Released to ship: from now on forwarded to the ERP. No other state moves here.
          state: sql<HubOrderState>`CASE WHEN hub_orders.state = 'open' THEN excluded.state ELSE hub_orders.state END`,
        }),
      )
      .returning(['id', 'marketplace_order_id', 'state', 'erp_order_name'])
      .execute();
    const orderOf = new Map(orders.map((order) => [order.marketplace_order_id, order]));
    const written = await trx
      .insertInto('hub_order_lines')
      .values(
        [...unique.values()].map((line) => ({
          order_id: orderOf.get(line.orderId)!.id,
          account_id: ctx.account.id,
          marketplace_line_id: line.lineId,
          sku: line.sku,
          title: line.title,
          price_minor: line.priceMinor,
          shipping_minor: line.shippingMinor,
          vat_percent: line.vatPercent,
          marketplace_status: line.status,
          deemed_supplier: line.deemedSupplier,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['account_id', 'marketplace_line_id'])
          .doUpdateSet({ marketplace_status: (eb) => eb.ref('excluded.marketplace_status') })
          // Only a line seen `open` moves on (to `to_ship`); cancellations and shipments are other steps'.
          .where('hub_order_lines.marketplace_status', '=', 'open')
          .where('hub_order_lines.cancelled_at', 'is', null)
          .where('excluded.marketplace_status', '<>', 'open'),
      )
      .returning(['order_id', 'sku', sql<boolean>`xmax = 0`.as('inserted')])
      .execute();
    const newLinesOf = new Map<string, (string | null)[]>();
    for (const line of written)
      if (line.inserted) newLinesOf.set(line.order_id, [...(newLinesOf.get(line.order_id) ?? []), line.sku]);
    for (const [orderId, orderLines] of byOrder) {
      const order = orderOf.get(orderId)!;
      const newSkus = newLinesOf.get(order.id) ?? [];
      if (newSkus.length > 0 && (order.state === 'in_erp' || order.state === 'shipped'))
        late.push({
          orderId,
          erpOrder: order.erp_order_name ?? '',
          skus: [...new Set(newSkus.map((sku) => sku ?? '(no SKU)'))],
          units: newSkus.length,
        });
      const soldAt = orderLines[0]!.createdAt;
      for (const sku of newSkus) {
        added++;
        if (!sku) continue;
        // The earliest sale of the SKU decides whether the hub's record predates all of them.
        const sale = sales.get(sku) ?? { sku, pieces: 0, soldAt };
        sale.pieces += 1;
        if (Date.parse(soldAt) < Date.parse(sale.soldAt)) sale.soldAt = soldAt;
        sales.set(sku, sale);
      }
    }
    await sql`UPDATE hub_orders o SET total_minor = t.total, updated_at = now()
                FROM (SELECT order_id, sum(price_minor + shipping_minor) AS total FROM hub_order_lines
                       WHERE order_id = ANY(${orders.map((o) => o.id)}::uuid[]) GROUP BY order_id) t
               WHERE o.id = t.order_id`.execute(trx);
    await recordSales(trx, ctx.account.id, [...sales.values()]);
  });
  for (const order of late) await raiseLateLines(ctx, order);
  return added;
}

export const ISSUE_LINE_AFTER_ERP = 'order.line_after_erp';

/**
 * A line of an order that is already in the ERP: the sale order there lacks it. The hub never edits a confirmed
 * sale order on its own (the warehouse may be picking it), so the seller adds the unit by hand.
 */
async function raiseLateLines(
  ctx: StepContext,
  order: { orderId: string; erpOrder: string; skus: string[]; units: number },
): Promise<void> {
  await ctx.issues.raise({
    code: ISSUE_LINE_AFTER_ERP,
    subject: order.orderId,
    message: `Order ${order.orderId} got ${order.units === 1 ? 'a unit' : `${order.units} units`} (${order.skus.join(', ')}) after it was booked in the ERP as ${order.erpOrder}.`,
    hint: `Add ${order.skus.join(', ')} to ${order.erpOrder} in the ERP by hand, or cancel the unit on the marketplace.`,
    details: { erpOrder: order.erpOrder, skus: order.skus, units: order.units },
  });
}

/** The lines of these orders that are not cancelled, in one query. */
export function openLinesOf(
  db: StepContext['db'],
  orderIds: readonly string[],
): Promise<Selectable<HubOrderLinesTable>[]> {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('hub_order_lines')
    .selectAll()
    .where('order_id', 'in', [...orderIds])
    .where('cancelled_at', 'is', null)
    .execute();
}
