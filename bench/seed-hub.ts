import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../src/app-context.ts';
import type { DB } from '../src/store/schema.ts';
import { writeCursor } from '../src/sync/cursors.repository.ts';
import { benchProducts, random, type BenchProduct } from './catalog.ts';
import type { Hub } from './hub.ts';
import type { ListedCatalog } from './ipc.ts';

/** Rows per INSERT: 7 arrays of 10,000 values, one statement. */
const CHUNK = 10_000;

/**
 * `--listed`, the hub's side: its catalog already holds every Odoo product, as after a catalog step, and its
 * stock cursor starts now (Odoo asked, as the stock step asks it), so the first measured stock cycle links the
 * listed Kaufland offers and compares every one instead of reading the whole ERP catalog first: the Odoo
 * sandbox answers a range read by scanning its records, so 2,000 pages of a million products take longer than
 * the bench may run. Rebuilt from the same seeded values as the host's, chunk by chunk: this process is the
 * one whose memory is measured.
 */
export async function seedHubCatalog(
  hub: Hub,
  skus: number,
  seed: number,
  listed: ListedCatalog,
): Promise<void> {
  await seedCatalogRows(hub.ctx.db, benchProducts(skus, random(seed)), listed.firstProductId);
  await startStockCursor(hub.ctx, hub.accountId);
}

/**
 * The hub's catalog rows for `products` in bulk, as a catalog step would store them: product i is the ERP's
 * product `firstProductId + i` (the Odoo sandbox's bulk seed gives consecutive ids). Read from the iterable one
 * chunk at a time, so a generator never has the whole catalog in memory.
 */
export async function seedCatalogRows(
  db: Kysely<DB>,
  products: Iterable<BenchProduct>,
  firstProductId: number,
): Promise<void> {
  const iterator = products[Symbol.iterator]();
  let done = false;
  for (let start = 0; !done; start += CHUNK) {
    const rows = { sku: [] as string[], erpId: [] as string[], ean: [] as string[], name: [] as string[] };
    const numbers = { price: [] as number[], qty: [] as number[] };
    for (let i = start; i < start + CHUNK; i += 1) {
      const next = iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      const p = next.value;
      rows.sku.push(p.sku);
      rows.erpId.push(String(firstProductId + i));
      rows.ean.push(p.ean);
      rows.name.push(p.name);
      numbers.price.push(Math.round(p.price * 100));
      numbers.qty.push(p.qty);
    }
    if (rows.sku.length === 0) break;
    await sql`
      INSERT INTO catalog_products (sku, erp_id, ean, name, price_minor, free_qty, on_hand)
      SELECT * FROM unnest(${rows.sku}::text[], ${rows.erpId}::text[], ${rows.ean}::text[], ${rows.name}::text[],
        ${numbers.price}::int[], ${numbers.qty}::numeric[], ${numbers.qty}::numeric[])
    `.execute(db);
  }
}

/** The account's stock cursor at the ERP's now: its next stock step reads only moves made from here on. */
export async function startStockCursor(ctx: AppContext, accountId: string): Promise<void> {
  const erp = await ctx.erp.openSession();
  if (!erp) throw new Error('bench: the hub has no ERP connection');
  const cursor = await erp.session.stockCursorNow();
  await writeCursor(ctx.db, accountId, 'stock', { erp: cursor, channels: {} });
}
