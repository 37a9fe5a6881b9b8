import { z } from 'zod';
import type { ErpPage, ErpProduct } from '../../../core/ports/erp.port.ts';
import { changeCursorSchema, changedSince, decodeCursor, START } from '../cursor.ts';
import { many2one, type OdooClient } from '../odoo.client.ts';
import { readProducts } from './products.ts';
import { OdooScope } from './scope.ts';

const stockCursorSchema = z.object({ quants: changeCursorSchema, lines: changeCursorSchema });
const INTERNAL = [['location_id.usage', '=', 'internal']];
const TOUCHING_INTERNAL = [
  '|',
  ['location_id.usage', '=', 'internal'],
  ['location_dest_id.usage', '=', 'internal'],
];

/**
 * Quant and move-line rows are read this many times `limit` per call: they carry only a product id and a
 * date, so a read of 2,000 costs Odoo about what 500 products with stock do, and a 1 % change of 100,000 SKUs
 * (1,000 quants and 1,000 move lines, often in one second) is one read per source instead of three or more.
 */
const SOURCE_ROWS_PER_PRODUCT = 4;

/**
 * Stock moves and reservations do not touch `product.product.write_date`. Two sources cover them:
 * `stock.quant` (on hand and reserved are written there) and `stock.move.line` (done moves; and Odoo deletes a
 * quant that drops to zero, which only the move line still shows). Each keeps its own cursor. ERP calls: two
 * while nothing changed, three per page (quants, move lines, products: every product of the page in one
 * read), up to seven for a page that meets a second holding more records than the page (cursor.ts).
 */
export async function stockChangedSince(
  client: OdooClient,
  cursor: string | null,
  limit = 500,
  scope: OdooScope = new OdooScope(undefined),
): Promise<ErpPage<ErpProduct>> {
  const from = decodeCursor(cursor, stockCursorSchema, { quants: START, lines: START });
  const query = { fields: ['product_id'], dateField: 'write_date', limit: limit * SOURCE_ROWS_PER_PRODUCT };
  const quants = await changedSince(
    client,
    { ...query, model: 'stock.quant', domain: INTERNAL },
    from.quants,
  );
  const lines = await changedSince(
    client,
    { ...query, model: 'stock.move.line', domain: TOUCHING_INTERNAL },
    from.lines,
  );
  const ids = new Set<number>();
  for (const row of [...quants.rows, ...lines.rows]) {
    const product = many2one.parse(row.product_id);
    if (product) ids.add(product[0]);
  }
  return {
    items: await readProducts(client, [...ids], scope),
    cursor: JSON.stringify({ quants: quants.cursor, lines: lines.cursor }),
    hasMore: quants.hasMore || lines.hasMore,
  };
}

/**
 * A stock cursor at the newest change there is now: for a reader that is about to read every product with its
 * stock anyway (the first listing), so it need not page through the whole stock history too (~500 calls at
 * 100,000 SKUs). Two calls. The newest second is read again next time (`at` is inclusive), never skipped.
 */
export async function stockCursorNow(client: OdooClient): Promise<string> {
  const newest = async (model: string, domain: unknown[]) => {
    const [row] = await client.searchRead(
      model,
      { domain, fields: ['write_date'], order: 'write_date desc, id desc', limit: 1 },
      z.looseObject({ id: z.number(), write_date: z.string() }),
    );
    return row ? { ...START, at: row.write_date.slice(0, 19) } : START;
  };
  return JSON.stringify({
    quants: await newest('stock.quant', INTERNAL),
    lines: await newest('stock.move.line', TOUCHING_INTERNAL),
  });
}

/**
 * Sets absolute on-hand quantities in a location (WH/Stock when omitted): counted quantities on quants in
 * inventory mode, then applied, as NOTES.md describes. Two calls for any number of products.
 */
export async function setStock(
  client: OdooClient,
  quantities: readonly { productId: number; quantity: number }[],
  locationId?: number,
): Promise<void> {
  const location = locationId ?? (await stockLocationId(client));
  const context = { inventory_mode: true };
  const quantIds = await client.createMany(
    'stock.quant',
    quantities.map((q) => ({
      product_id: q.productId,
      location_id: location,
      inventory_quantity: q.quantity,
    })),
    context,
  );
  await client.call('stock.quant', 'action_apply_inventory', [...new Set(quantIds)], { context });
}

export async function stockLocationId(client: OdooClient): Promise<number> {
  const [warehouse] = await client.searchRead(
    'stock.warehouse',
    { fields: ['lot_stock_id'], limit: 1 },
    z.looseObject({ lot_stock_id: many2one }),
  );
  return warehouse?.lot_stock_id ? warehouse.lot_stock_id[0] : 8;
}
