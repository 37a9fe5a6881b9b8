import { sql, type Selectable } from 'kysely';
import type { OrderLine } from '../../../core/order.ts';
import type { HubOrderLinesTable } from '../../../store/schema.ts';
import type { StepContext } from '../../step-context.ts';

/**
 * Stores marketplace order lines in the hub — the ledger — before anything is sent to the ERP. Re-reading the
 * same lines (the overlap window, a retried run) changes nothing: orders and lines are unique per account.
 * Returns how many lines were new.
 */
export async function storeOrderLines(ctx: StepContext, lines: readonly OrderLine[]): Promise<number> {
  if (lines.length === 0) return 0;
  const byOrder = new Map<string, OrderLine[]>();
  for (const line of lines) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
  let added = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const [orderId, orderLines] of byOrder) {
      const first = orderLines[0]!;
      const order = await trx
        .insertInto('hub_orders')
        .values({
          account_id: ctx.account.id,
          marketplace_order_id: orderId,
          channel: first.channel,
          currency: first.currency,
          buyer: JSON.stringify(first.buyer),
          billing_address: JSON.stringify(first.billingAddress),
          shipping_address: JSON.stringify(first.shippingAddress),
          marketplace_created_at: first.createdAt,
          total_minor: 0,
        })
        .onConflict((oc) =>
          oc.columns(['account_id', 'marketplace_order_id']).doUpdateSet({
            // Addresses arrive late for lines read while still `open`: keep the newest non-empty ones.
            buyer: sql`coalesce(excluded.buyer, hub_orders.buyer)`,
            billing_address: sql`coalesce(excluded.billing_address, hub_orders.billing_address)`,
            shipping_address: sql`coalesce(excluded.shipping_address, hub_orders.shipping_address)`,
          }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      const inserted = await trx
        .insertInto('hub_order_lines')
        .values(
          orderLines.map((line) => ({
            order_id: order.id,
            account_id: ctx.account.id,
            marketplace_line_id: line.lineId,
            sku: line.sku,
            title: line.title,
            price_minor: line.priceMinor,
            shipping_minor: line.shippingMinor,
            vat_percent: line.vatPercent,
            marketplace_status: line.status,
          })),
        )
        .onConflict((oc) => oc.columns(['account_id', 'marketplace_line_id']).doNothing())
        .returning('id')
        .execute();
      added += inserted.length;
      await sql`UPDATE hub_orders SET total_minor = (SELECT coalesce(sum(price_minor + shipping_minor), 0)
                FROM hub_order_lines WHERE order_id = ${order.id}), updated_at = now() WHERE id = ${order.id}`.execute(
        trx,
      );
    }
  });
  return added;
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
