import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { ErpProduct } from '../../../core/ports/erp.port.ts';
import type { DB } from '../../../store/schema.ts';

export interface UpsertResult {
  created: string[];
  updated: string[];
}

/** 1,000 rows × 8 columns stays far below PostgreSQL's 65,535 parameters per statement. */
const CHUNK = 1_000;

export async function catalogIsEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('catalog_products').select('sku').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Stores products by SKU and reports which were new and which changed. Unchanged rows are not written, so
 * `updated_at` marks real changes only (the stock step compares just those); `changed_at` moves only with
 * quantity or price, the start of the stock latency measurement.
 */
export async function upsertProducts(db: Kysely<DB>, products: readonly ErpProduct[]): Promise<UpsertResult> {
  const result: UpsertResult = { created: [], updated: [] };
  const rows = uniqueBySku(products);
  for (let start = 0; start < rows.length; start += CHUNK) {
    const written = await upsertChunk(db, rows.slice(start, start + CHUNK));
    for (const row of written) (row.inserted ? result.created : result.updated).push(row.sku);
  }
  const created = new Set(result.created);
  await deactivateRenamed(
    db,
    rows.filter((row) => created.has(row.sku)),
  );
  return result;
}

function upsertChunk(db: Kysely<DB>, products: readonly ErpProduct[]) {
  return db
    .insertInto('catalog_products')
    .values(
      products.map((p) => ({
        sku: p.sku,
        erp_id: p.id,
        ean: p.ean,
        name: p.name,
        price_minor: p.price,
        free_qty: p.freeQty,
        on_hand: p.onHand,
        active: p.active,
      })),
    )
    .onConflict((oc) =>
      oc
        .column('sku')
        .doUpdateSet({
          erp_id: (eb) => eb.ref('excluded.erp_id'),
          ean: (eb) => eb.ref('excluded.ean'),
          name: (eb) => eb.ref('excluded.name'),
          price_minor: (eb) => eb.ref('excluded.price_minor'),
          free_qty: (eb) => eb.ref('excluded.free_qty'),
          on_hand: (eb) => eb.ref('excluded.on_hand'),
          active: (eb) => eb.ref('excluded.active'),
          changed_at: sql<Date>`CASE WHEN (catalog_products.price_minor, catalog_products.free_qty)
            IS DISTINCT FROM (excluded.price_minor, excluded.free_qty) THEN now() ELSE catalog_products.changed_at END`,
          updated_at: sql<Date>`now()`,
        })
        .where(
          sql<boolean>`(catalog_products.erp_id, catalog_products.ean, catalog_products.name, catalog_products.price_minor,
            catalog_products.free_qty, catalog_products.on_hand, catalog_products.active)
            IS DISTINCT FROM (excluded.erp_id, excluded.ean, excluded.name, excluded.price_minor, excluded.free_qty,
            excluded.on_hand, excluded.active)`,
        ),
    )
    .returning(['sku', sql<boolean>`xmax = 0`.as('inserted')])
    .execute();
}

/**
 * A SKU renamed in the ERP leaves its old row behind: it sells nothing any more (amount 0, never deleted).
 * Only new rows can be renames, so the unindexed erp_id lookup runs for few rows.
 */
async function deactivateRenamed(db: Kysely<DB>, products: readonly ErpProduct[]): Promise<void> {
  if (products.length === 0) return;
  await sql`
    UPDATE catalog_products c SET active = false, updated_at = now()
    FROM unnest(${products.map((p) => p.id)}::text[], ${products.map((p) => p.sku)}::text[]) AS p(erp_id, sku)
    WHERE c.erp_id = p.erp_id AND c.sku <> p.sku AND c.active
  `.execute(db);
}

/** One row per SKU: an ERP may hold two products with one SKU; the active one wins (the later one on a tie). */
function uniqueBySku(products: readonly ErpProduct[]): ErpProduct[] {
  const bySku = new Map<string, ErpProduct>();
  for (const product of products) {
    if (product.sku.trim() === '') continue;
    const earlier = bySku.get(product.sku);
    if (earlier === undefined || product.active || !earlier.active) bySku.set(product.sku, product);
  }
  return [...bySku.values()];
}

/** EANs among `eans` that more than one active SKU carries, with those SKUs. */
export async function sharedEans(db: Kysely<DB>, eans: readonly string[]): Promise<Map<string, string[]>> {
  const shared = new Map<string, string[]>();
  const unique = [...new Set(eans)];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const rows = await db
      .selectFrom('catalog_products')
      .select(['ean', sql<string[]>`array_agg(sku ORDER BY sku)`.as('skus')])
      .where('ean', 'in', unique.slice(start, start + CHUNK))
      .where('active', '=', true)
      .groupBy('ean')
      .having(sql<number>`count(*)`, '>', 1)
      .execute();
    for (const row of rows) if (row.ean !== null) shared.set(row.ean, row.skus);
  }
  return shared;
}
