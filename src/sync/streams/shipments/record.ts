import { sql } from 'kysely';
import type { ErpShipment } from '../../../core/ports/erp.port.ts';
import type { StepContext } from '../../step-context.ts';
import { resolveCarrier } from './carrier.ts';

/**
 * Marks the hub lines an ERP delivery shipped: per SKU, as many not-yet-shipped lines of the order as the
 * delivery moved (a partial delivery ships only some). A delivery seen twice (cursor overlap, a retried run)
 * changes nothing: lines already carrying its id are counted first.
 */
export async function recordShipments(ctx: StepContext, shipments: readonly ErpShipment[]): Promise<number> {
  const refs = [...new Set(shipments.flatMap((s) => (s.externalRef ? [s.externalRef] : [])))];
  if (refs.length === 0) return 0;
  const orders = await ctx.db
    .selectFrom('hub_orders')
    .select(['id', 'marketplace_order_id'])
    .where('account_id', '=', ctx.account.id)
    .where('marketplace_order_id', 'in', refs)
    .execute();
  const orderIdByRef = new Map(orders.map((o) => [o.marketplace_order_id, o.id]));
  let marked = 0;
  for (const shipment of shipments) {
    const orderId = shipment.externalRef ? orderIdByRef.get(shipment.externalRef) : undefined;
    if (!orderId) continue; // not an order of this account
    ctx.counts.read++;
    const erpCarrier = shipment.carrier?.name?.trim() || null;
    // Unmapped → null: the confirm step resolves it from erp_carrier once mapped (issue "Map carrier X").
    const carrier = resolveCarrier(ctx.account.settings, erpCarrier) ?? null;
    const tracking = (shipment.trackingRef ?? '').split(/[,;\s]+/).filter(Boolean);
    await ctx.db.transaction().execute(async (trx) => {
      for (const line of shipment.lines) {
        if (!line.sku) continue;
        const already = await trx
          .selectFrom('hub_order_lines')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('order_id', '=', orderId)
          .where('sku', '=', line.sku)
          .where('erp_shipment_id', '=', shipment.id)
          .executeTakeFirstOrThrow();
        const toMark = Math.floor(line.quantity) - Number(already.n);
        if (toMark <= 0) continue;
        const result = await sql`
          UPDATE hub_order_lines SET erp_shipment_id = ${shipment.id}, carrier = ${carrier},
                 erp_carrier = ${erpCarrier},
                 tracking_numbers = ${tracking}, shipped_at = ${shipment.shippedAt ?? new Date().toISOString()}
          WHERE id IN (SELECT id FROM hub_order_lines WHERE order_id = ${orderId} AND sku = ${line.sku}
                       AND shipped_at IS NULL AND cancelled_at IS NULL ORDER BY id LIMIT ${toMark})`.execute(
          trx,
        );
        marked += Number(result.numAffectedRows ?? 0);
      }
    });
  }
  ctx.counts.updated += marked;
  return marked;
}
