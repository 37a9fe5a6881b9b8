import { z } from 'zod';
import { connectOdoo, createProducts, setStock, type OdooClient } from '../../src/connectors/odoo/index.ts';
import { chunks } from '../../src/core/chunks.ts';
import type { RealOdoo, StockChange } from '../ipc.ts';
import type { World } from './world.ts';

/**
 * The bench's side of a real Odoo (`--odoo real`), through its external API like any integration: the catalog
 * is created in batches (products, then their stock as counted quants applied in inventory mode, as the
 * contract tests do), stock counts and checks are made the same way. A real Odoo creates ~200 products a second
 * on this machine, not 100,000 in seconds like the sandbox, hence the smaller default sizes (bench/args.ts).
 */

// Products per create call: ~1 s of Odoo's work each, far inside the connector's 30 s call timeout.
const PER_CALL = 200;
// Leftovers of earlier runs are archived this many per write.
const ARCHIVE_PER_CALL = 1000;

const qtyRow = z.looseObject({ id: z.number(), qty_available: z.number(), free_qty: z.number() });
const refRow = z.looseObject({ id: z.number(), client_order_ref: z.union([z.string(), z.literal(false)]) });

export function connectReal(odoo: RealOdoo): Promise<OdooClient> {
  // Seeding creates a few hundred records per call: a longer timeout than the hub's, no blind retry of a create.
  return connectOdoo({ ...odoo, timeoutMs: 120_000 });
}

export interface RealProduct {
  sku: string;
  ean: string;
  name: string;
  /** EUR. */
  price: number;
  qty: number;
}

// Earlier runs' sale orders are cancelled this many per call.
const CANCEL_PER_CALL = 50;

const benchRow = z.looseObject({ id: z.number(), default_code: z.string(), list_price: z.number() });

/**
 * Repeated runs reuse the BENCH-… products an earlier run left (SKU i is always the same product, its name and
 * EAN too), so the database does not grow by a catalog per run: the ones this run's catalog has get this run's
 * price where it differs and its stock count, the missing ones are created, and any beyond it (an earlier, larger
 * --skus) are archived and lose their SKU so neither the hub nor an order finds them. Earlier runs' confirmed
 * sale orders of bench products are cancelled first: their reservations would otherwise lower the free quantity
 * the hub lists, and their deliveries pile up. Answers the Odoo product id per SKU.
 */
export async function seedReal(
  client: OdooClient,
  products: readonly RealProduct[],
  log: (line: string) => void,
): Promise<Map<string, number>> {
  await cancelEarlierOrders(client, log);
  const wanted = new Map(products.map((p) => [p.sku, p]));
  const found = await client.searchRead(
    'product.product',
    { domain: [['default_code', '=like', 'BENCH-%']], fields: ['default_code', 'list_price'] },
    benchRow,
  );
  const productIds = new Map<string, number>();
  const extra: number[] = [];
  const repriced = new Map<number, number[]>();
  for (const row of found) {
    const product = wanted.get(row.default_code);
    if (!product || productIds.has(product.sku)) {
      extra.push(row.id);
      continue;
    }
    productIds.set(product.sku, row.id);
    if (Math.abs(row.list_price - product.price) >= 0.005)
      repriced.set(product.price, [...(repriced.get(product.price) ?? []), row.id]);
  }
  for (const ids of chunks(extra, ARCHIVE_PER_CALL))
    await client.write('product.product', ids, { active: false, default_code: false });
  for (const [price, ids] of repriced) await client.write('product.product', ids, { list_price: price });
  const missing = products.filter((p) => !productIds.has(p.sku));
  for (const batch of chunks(missing, PER_CALL)) {
    const ids = await createProducts(
      client,
      batch.map((p) => ({ sku: p.sku, ean: p.ean, name: p.name, price: Math.round(p.price * 100) })),
    );
    batch.forEach((p, i) => productIds.set(p.sku, ids[i]!));
  }
  log(
    `real Odoo: ${products.length - missing.length} bench products reused (${[...repriced.values()].flat().length} repriced), ` +
      `${missing.length} created, ${extra.length} archived`,
  );
  for (const batch of chunks(products, PER_CALL))
    await setStock(
      client,
      batch.map((p) => ({ productId: productIds.get(p.sku)!, quantity: p.qty })),
    );
  return productIds;
}

/** Confirmed sale orders an earlier run left on bench products, cancelled without asking (no mail). */
async function cancelEarlierOrders(client: OdooClient, log: (line: string) => void): Promise<void> {
  const domain = [
    ['state', '=', 'sale'],
    ['order_line.product_id.default_code', '=like', 'BENCH-%'],
  ];
  const ids = await client.search('sale.order', domain);
  if (ids.length === 0) return;
  const context = { disable_cancel_warning: true, tracking_disable: true };
  for (const batch of chunks(ids, CANCEL_PER_CALL))
    await client.call('sale.order', 'action_cancel', batch, { context });
  const left = await client.search('sale.order', domain);
  if (left.length > 0) throw new Error(`bench: ${left.length} earlier bench sale orders would not cancel`);
  log(`real Odoo: ${ids.length} sale orders of earlier bench runs cancelled`);
}

function productIdOf(world: World, sku: string): number {
  const id = world.productIds.get(sku);
  if (id === undefined) throw new Error(`bench: no Odoo product ${sku}`);
  return id;
}

async function quantities(client: OdooClient, ids: readonly number[]) {
  const rows = await client.read('product.product', ids, ['qty_available', 'free_qty'], undefined, qtyRow);
  return new Map(rows.map((row) => [row.id, row]));
}

/** A stock count of 1–5 more than on hand for each SKU, applied as an inventory adjustment (3 calls). */
export async function changeStockReal(
  world: World,
  client: OdooClient,
  skus: readonly string[],
): Promise<StockChange[]> {
  const ids = skus.map((sku) => productIdOf(world, sku));
  const before = await quantities(client, ids);
  await setStock(
    client,
    ids.map((id) => ({
      productId: id,
      quantity: (before.get(id)?.qty_available ?? 0) + 1 + Math.floor(world.rng() * 5),
    })),
  );
  const after = await quantities(client, ids);
  const at = Date.now();
  return skus.map((sku, i) => {
    const free = after.get(ids[i]!)?.free_qty ?? 0;
    world.sellable.set(sku, free);
    return { sku, freeQty: free, at };
  });
}

export async function odooFreeReal(
  world: World,
  client: OdooClient,
  skus: readonly string[],
): Promise<Record<string, number>> {
  const known = skus.filter((sku) => world.productIds.has(sku));
  const rows = await quantities(
    client,
    known.map((sku) => productIdOf(world, sku)),
  );
  return Object.fromEntries(known.map((sku) => [sku, rows.get(productIdOf(world, sku))?.free_qty ?? 0]));
}

/** One entry per sale order with one of these references (a duplicate shows twice). */
export async function saleOrdersReal(client: OdooClient, refs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const chunk of chunks([...new Set(refs)], 500)) {
    const rows = await client.searchRead(
      'sale.order',
      { domain: [['client_order_ref', 'in', chunk]], fields: ['client_order_ref'] },
      refRow,
    );
    for (const row of rows) if (row.client_order_ref) found.push(row.client_order_ref);
  }
  return found;
}
