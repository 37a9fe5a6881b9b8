import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../store/schema.ts';

export type OfferFilter = 'all' | 'out_of_sync' | 'no_ean' | 'not_on_marketplace';

export interface OfferRow {
  sku: string;
  ean: string | null;
  name: string;
  erpQuantity: number;
  erpPriceMinor: number;
  marketplaceAmount: number | null;
  marketplacePriceMinor: number | null;
  confirmedAt: string | null;
  offerStatus: string | null;
  lastError: string | null;
  changedAt: string;
  /** Changed in the ERP after the marketplace last confirmed the offer (or never confirmed). */
  outOfSync: boolean;
}

/** Offers & stock: per SKU of the catalog, the ERP side next to what the marketplace last confirmed. */
export async function listOffers(
  db: Kysely<DB>,
  query: {
    accountId: string;
    channel: string;
    filter: OfferFilter;
    q?: string;
    page: number;
    pageSize: number;
  },
): Promise<{ offers: OfferRow[]; total: number }> {
  let base = db
    .selectFrom('catalog_products as c')
    .leftJoin('offers as o', (join) =>
      join
        .onRef('o.sku', '=', 'c.sku')
        .on('o.account_id', '=', query.accountId)
        .on('o.channel', '=', query.channel),
    );
  const outOfSync = sql<boolean>`(o.offer_id IS NOT NULL AND (o.confirmed_at IS NULL OR o.confirmed_at < c.changed_at))`;
  if (query.filter === 'out_of_sync') base = base.where(outOfSync);
  if (query.filter === 'no_ean') base = base.where('c.ean', 'is', null);
  if (query.filter === 'not_on_marketplace') base = base.where('o.offer_id', 'is', null);
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([eb('c.sku', 'ilike', like), eb('c.name', 'ilike', like), eb('c.ean', 'ilike', like)]),
    );
  }
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'c.sku',
      'c.ean',
      'c.name',
      'c.free_qty',
      'c.price_minor',
      'c.changed_at',
      'o.amount',
      'o.price_minor as offer_price_minor',
      'o.confirmed_at',
      'o.status',
      'o.last_error',
      outOfSync.as('out_of_sync'),
    ])
    .orderBy('c.sku')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    total: Number(total.n),
    offers: rows.map((r) => ({
      sku: r.sku,
      ean: r.ean,
      name: r.name,
      erpQuantity: Number(r.free_qty),
      erpPriceMinor: r.price_minor,
      marketplaceAmount: r.amount,
      marketplacePriceMinor: r.offer_price_minor,
      confirmedAt: r.confirmed_at?.toISOString() ?? null,
      offerStatus: r.status,
      lastError: r.last_error,
      changedAt: r.changed_at.toISOString(),
      outOfSync: r.out_of_sync,
    })),
  };
}
