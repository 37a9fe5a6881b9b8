import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../store/schema.ts';
import { toCsv } from './csv.ts';

export interface SkuCheck {
  /** In the ERP (active, with stock or not) but not offered on the marketplace account. */
  erpNotOnMarketplace: { sku: string; name: string; ean: string | null; reason: string }[];
  /** Offered on the marketplace under a SKU the ERP does not have. */
  marketplaceNotInErp: { sku: string; channel: string }[];
  /** One EAN on several SKUs: the marketplace keys products by EAN, so only one of them can be offered. */
  duplicateEans: { ean: string; skus: string[] }[];
}

/** The guide's "keep SKUs consistent between your ERP and Kaufland", made visible. */
export async function skuCheck(db: Kysely<DB>, accountId: string): Promise<SkuCheck> {
  const erpNotOnMarketplace = await db
    .selectFrom('catalog_products as c')
    .select(['c.sku', 'c.name', 'c.ean'])
    .where('c.active', '=', true)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('offers as o')
            .select('o.sku')
            .whereRef('o.sku', '=', 'c.sku')
            .where('o.account_id', '=', accountId)
            .where('o.offer_id', 'is not', null),
        ),
      ),
    )
    .orderBy('c.sku')
    .execute();
  const marketplaceNotInErp = await sql<{ sku: string; channel: string }>`
    SELECT o.sku, o.channel FROM offers o
    WHERE o.account_id = ${accountId} AND o.offer_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM catalog_products c WHERE c.sku = o.sku)
    UNION
    SELECT i.subject AS sku, coalesce(i.details->>'channel', '') AS channel FROM sync_issues i
    WHERE i.account_id = ${accountId} AND i.code = 'sku.not_in_erp_offer' AND i.resolved_at IS NULL
    ORDER BY sku`.execute(db);
  const duplicateEans = await sql<{ ean: string; skus: string[] }>`
    SELECT ean, array_agg(sku ORDER BY sku) AS skus FROM catalog_products
    WHERE ean IS NOT NULL GROUP BY ean HAVING count(*) > 1 ORDER BY ean`.execute(db);
  return {
    erpNotOnMarketplace: erpNotOnMarketplace.map((p) => ({
      ...p,
      reason: p.ean
        ? 'Not offered yet (turn on product & stock sync, or wait for the next stock run)'
        : 'No EAN in the ERP',
    })),
    marketplaceNotInErp: marketplaceNotInErp.rows,
    duplicateEans: duplicateEans.rows,
  };
}

/** One CSV for the seller's spreadsheet: kind, SKU, detail (see csv.ts: quoted, formulas neutralised). */
export function skuCheckCsv(check: SkuCheck): string {
  const rows = [
    ['kind', 'sku', 'detail'],
    ...check.erpNotOnMarketplace.map((p) => ['in ERP, not on marketplace', p.sku, p.reason]),
    ...check.marketplaceNotInErp.map((o) => ['on marketplace, not in ERP', o.sku, `channel ${o.channel}`]),
    ...check.duplicateEans.flatMap((d) => d.skus.map((sku) => ['duplicate EAN', sku, d.ean])),
  ];
  return toCsv(rows);
}
