import { sql, type Kysely } from 'kysely';
import type { DB, HubOrderState } from '../../../store/schema.ts';

/**
 * The reservation ledger: pieces sold on a marketplace that the ERP has not reserved yet. They are the lines,
 * not cancelled, of orders the hub holds in these states — seen but not released to ship (`open`), stored and
 * not forwarded yet or in flight (`received`), held (unknown SKU, ERP refusing). A confirmed sale order
 * (`in_erp`) is reserved by the ERP itself, which lowers its free quantity; a cancelled line gives its piece back.
 */
export const RESERVING_STATES = ['open', 'received', 'held'] as const satisfies readonly HubOrderState[];

/** Any constant works; it only has to be the same in every AdlerDo process sharing a database. */
const COUNT_LOCK_ID = 724_311_915;

/**
 * Counts the ledger into `catalog_products.reserved_qty` per SKU, across all accounts (they share one ERP
 * stock), and touches `updated_at`/`changed_at` of every SKU whose count changed, so each account's next
 * stock comparison sends its new amount. Cost: the reserving orders (a partial index) and the SKUs with a
 * count, not the catalog.
 *
 * `exact` may lower counts: the stock step runs it BEFORE it reads the ERP's stock, so a sale order confirmed
 * meanwhile is either released here and already in the free quantity read after, or still counted here while
 * the ERP may have reserved it too — one cycle's under-offer, never an oversell. `raise` only raises counts (a
 * new order, a SKU that just entered the catalog) and is safe at any time.
 *
 * One counter at a time (a transaction-scoped advisory lock): the stock steps of several accounts run at once.
 */
export async function countReservations(db: Kysely<DB>, mode: 'exact' | 'raise'): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${COUNT_LOCK_ID})`.execute(trx);
    const { rows } = await sql<{ sku: string }>`
      WITH counted AS (
        SELECT l.sku, count(*)::int AS n
        FROM hub_orders o JOIN hub_order_lines l ON l.order_id = o.id
        WHERE o.state IN (${sql.join(RESERVING_STATES.map((s) => sql.lit(s)))})
          AND l.cancelled_at IS NULL AND l.sku IS NOT NULL
        GROUP BY l.sku
      ),
      skus AS (SELECT sku FROM catalog_products WHERE reserved_qty <> 0 UNION SELECT sku FROM counted)
      UPDATE catalog_products c SET reserved_qty = t.n, changed_at = now(), updated_at = now()
      FROM (SELECT s.sku, coalesce(r.n, 0) AS n FROM skus s LEFT JOIN counted r ON r.sku = s.sku) t
      WHERE c.sku = t.sku AND ${mode === 'exact' ? sql`c.reserved_qty <> t.n` : sql`c.reserved_qty < t.n`}
      RETURNING c.sku`.execute(trx);
    return rows.map((row) => row.sku);
  });
}
