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

/**
 * An earlier run's BENCH-… products are archived and lose their SKU first (the hub looks SKUs up archived ones
 * included, and an order must not land on an old product), then the catalog is created with its stock. Answers
 * the Odoo product id per SKU.
 */
export async function seedReal(
  client: OdooClient,
  products: readonly RealProduct[],
  log: (line: string) => void,
): Promise<Map<string, number>> {
  const old = await client.search('product.product', [['default_code', '=like', 'BENCH-%']]);
  for (const ids of chunks(old, ARCHIVE_PER_CALL))
    await client.write('product.product', ids, { active: false, default_code: false });
  if (old.length > 0) log(`real Odoo: ${old.length} products of earlier bench runs archived`);
  const productIds = new Map<string, number>();
  for (const batch of chunks(products, PER_CALL)) {
    const ids = await createProducts(
      client,
      batch.map((p) => ({ sku: p.sku, ean: p.ean, name: p.name, price: Math.round(p.price * 100) })),
    );
    batch.forEach((p, i) => productIds.set(p.sku, ids[i]!));
    await setStock(
      client,
      batch.map((p, i) => ({ productId: ids[i]!, quantity: p.qty })),
    );
    if (productIds.size % 1000 === 0)
      log(`real Odoo: ${productIds.size} of ${products.length} products seeded`);
  }
  return productIds;
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
