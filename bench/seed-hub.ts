import { sql } from 'kysely';
import { writeCursor } from '../src/sync/cursors.repository.ts';
import { benchProducts, random } from './catalog.ts';
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
  const products = benchProducts(skus, random(seed));
  for (let start = 0; start < skus; start += CHUNK) {
    const rows = { sku: [] as string[], erpId: [] as string[], ean: [] as string[], name: [] as string[] };
    const numbers = { price: [] as number[], qty: [] as number[] };
    for (let i = start; i < Math.min(skus, start + CHUNK); i += 1) {
      const next = products.next();
      if (next.done) break;
      const p = next.value;
      rows.sku.push(p.sku);
      rows.erpId.push(String(listed.firstProductId + i));
      rows.ean.push(p.ean);
      rows.name.push(p.name);
      numbers.price.push(Math.round(p.price * 100));
      numbers.qty.push(p.qty);
    }
    await sql`
      INSERT INTO catalog_products (sku, erp_id, ean, name, price_minor, free_qty, on_hand)
      SELECT * FROM unnest(${rows.sku}::text[], ${rows.erpId}::text[], ${rows.ean}::text[], ${rows.name}::text[],
        ${numbers.price}::int[], ${numbers.qty}::numeric[], ${numbers.qty}::numeric[])
    `.execute(hub.ctx.db);
  }
  const erp = await hub.ctx.erp.openSession();
  if (!erp) throw new Error('bench: the hub has no ERP connection');
  const cursor = await erp.session.stockCursorNow();
  await writeCursor(hub.ctx.db, hub.accountId, 'stock', { erp: cursor, channels: {} });
}
