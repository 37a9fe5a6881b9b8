import { z } from 'zod';
import type { ErpPage, ErpShipment } from '../../../core/ports/erp.port.ts';
import { changeCursorSchema, changedSince, decodeCursor, START } from '../cursor.ts';
import { many2one, text, type OdooClient } from '../odoo.client.ts';
import { PICKING_FIELDS, pickingSchema, toErpShipment } from '../odoo.mapper.ts';

const DONE_DELIVERIES = [
  ['picking_type_code', '=', 'outgoing'],
  ['state', '=', 'done'],
  ['sale_id', '!=', false],
];

/**
 * Done deliveries of sale orders changed since the cursor (by write_date, so a tracking number added after
 * validation shows the picking again), with the order reference and the moved quantity per SKU.
 * Four calls per page, whatever its size: pickings, moves, products, orders.
 */
export async function shipmentsSince(
  client: OdooClient,
  cursor: string | null,
  limit = 200,
): Promise<ErpPage<ErpShipment>> {
  const from = decodeCursor(cursor, changeCursorSchema, START);
  const changed = await changedSince(
    client,
    {
      model: 'stock.picking',
      domain: DONE_DELIVERIES,
      fields: PICKING_FIELDS,
      dateField: 'write_date',
      limit,
    },
    from,
  );
  const pickings = changed.rows.map((row) => pickingSchema.parse(row));
  const ids = pickings.map((p) => p.id);
  const qtyField = client.dialect.moveDoneField;
  const moveSchema = z
    .looseObject({ picking_id: many2one, product_id: many2one })
    .and(z.record(z.string(), z.unknown()));
  const moves = ids.length
    ? await client.searchRead(
        'stock.move',
        {
          domain: [
            ['picking_id', 'in', ids],
            ['state', '=', 'done'],
          ],
          fields: ['picking_id', 'product_id', qtyField],
        },
        moveSchema,
      )
    : [];
  const productIds = [...new Set(moves.flatMap((m) => (m.product_id ? [m.product_id[0]] : [])))];
  const skus = new Map(
    (
      await client.read(
        'product.product',
        productIds,
        ['default_code'],
        { active_test: false },
        z.looseObject({ id: z.number(), default_code: text }),
      )
    ).map((p) => [p.id, p.default_code]),
  );
  const orderIds = [...new Set(pickings.flatMap((p) => (p.sale_id ? [p.sale_id[0]] : [])))];
  const orders = new Map(
    (
      await client.read(
        'sale.order',
        orderIds,
        ['client_order_ref'],
        undefined,
        z.looseObject({ id: z.number(), client_order_ref: text }),
      )
    ).map((o) => [o.id, { ref: o.client_order_ref }]),
  );
  const backorders = ids.length ? await client.search('stock.picking', [['backorder_id', 'in', ids]]) : [];
  const withBackorder = new Set(
    backorders.length
      ? (
          await client.read(
            'stock.picking',
            backorders,
            ['backorder_id'],
            undefined,
            z.looseObject({ backorder_id: many2one }),
          )
        ).flatMap((b) => (b.backorder_id ? [b.backorder_id[0]] : []))
      : [],
  );
  const items = pickings.map((picking) => {
    const lines = moves
      .filter((m) => m.picking_id && m.picking_id[0] === picking.id)
      .map((m) => ({
        sku: m.product_id ? (skus.get(m.product_id[0]) ?? null) : null,
        quantity: z.number().parse(m[qtyField]),
      }));
    const order = picking.sale_id ? orders.get(picking.sale_id[0]) : undefined;
    return toErpShipment(picking, order, lines, withBackorder.has(picking.id));
  });
  return { items, cursor: JSON.stringify(changed.cursor), hasMore: changed.hasMore };
}
