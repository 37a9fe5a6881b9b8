import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../store/schema.ts';
import { toCsv } from './csv.ts';

export interface SkuCheck {
  /** In the ERP (active, with stock or not) but not offered on the marketplace account. */
  erpNotOnMarketplace: {
    sku: string;
    name: string;
    ean: string | null;
    reason: string;
    /** Its offer waits for the marketplace's catalogue (issue 13): the state of its product data, else null. */
    contentState: string | null;
  }[];
  /** Offered on the marketplace under a SKU the ERP does not have. */
  marketplaceNotInErp: { sku: string; channel: string }[];
  /** One EAN on several SKUs: the marketplace keys products by EAN, so only one of them can be offered. */
  /** `names[i]` is the ERP's name of `skus[i]`. */
  duplicateEans: { ean: string; skus: string[]; names: string[] }[];
}

/** The guide's "keep SKUs consistent between your ERP and Kaufland", made visible. */
export async function skuCheck(db: Kysely<DB>, accountId: string): Promise<SkuCheck> {
  const erpNotOnMarketplace = await db
    .selectFrom('catalog_products as c')
    .leftJoin('product_content as pc', (join) =>
      join.onRef('pc.ean', '=', 'c.ean').on('pc.account_id', '=', accountId).on('pc.state', '!=', 'known'),
    )
    .select(['c.sku', 'c.name', 'c.ean', 'pc.state as contentState'])
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
  const duplicateEans = await sql<{ ean: string; skus: string[]; names: string[] }>`
    SELECT ean, array_agg(sku ORDER BY sku) AS skus, array_agg(name ORDER BY sku) AS names FROM catalog_products
    WHERE ean IS NOT NULL GROUP BY ean HAVING count(*) > 1 ORDER BY ean`.execute(db);
  return {
    erpNotOnMarketplace: erpNotOnMarketplace.map((p) => ({
      ...p,
      reason:
        p.contentState === 'refused'
          ? 'The marketplace refused its product data (see the product data list)'
          : p.contentState !== null
            ? 'Waiting for product data: the marketplace has no product with this EAN yet'
            : p.ean
              ? 'Not offered yet (turn on product & stock sync, or wait for the next stock run)'
              : 'No EAN in the ERP',
    })),
    marketplaceNotInErp: marketplaceNotInErp.rows,
    duplicateEans: duplicateEans.rows,
  };
}

/** "storefront DE" in words; an empty channel (an offer seen without one) says nothing about it. */
function onStorefront(channel: string): string {
  return channel ? ` on the ${channel.toUpperCase()} storefront` : '';
}

/**
 * One CSV for the seller's spreadsheet: what is wrong, the SKU, its name and EAN as the ERP has them, and what it
 * means in words (see csv.ts: quoted, formulas neutralised).
 */
export function skuCheckCsv(check: SkuCheck): string {
  const rows = [
    ['kind', 'sku', 'name', 'ean', 'detail'],
    ...check.erpNotOnMarketplace.map((p) => [
      'in ERP, not on marketplace',
      p.sku,
      p.name,
      p.ean ?? '',
      p.reason,
    ]),
    ...check.marketplaceNotInErp.map((o) => [
      'on marketplace, not in ERP',
      o.sku,
      '',
      '',
      `Offered${onStorefront(o.channel)}, but the ERP has no product with this SKU: its stock is not updated`,
    ]),
    ...check.duplicateEans.flatMap((d) =>
      d.skus.map((sku, i) => {
        const others = d.skus.filter((other) => other !== sku).join(', ');
        return [
          'duplicate EAN',
          sku,
          d.names[i] ?? '',
          d.ean,
          `Shares its EAN with ${others}: the marketplace knows a product by its EAN, so only one of them can be offered`,
        ];
      }),
    ),
  ];
  return toCsv(rows);
}
