import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../../store/schema.ts';
import type { CatalogItem } from './desired-offer.ts';
import type { KnownOffer } from './offer-diff.ts';
import type { OfferKey } from './offers.repository.ts';

/** Which catalog rows a run compares: all of them, or those changed since a time plus a few named SKUs. */
export type RowScope = { kind: 'all' } | { kind: 'changed'; since: Date; skus: readonly string[] };

export interface OfferRow {
  item: CatalogItem;
  eanShared: boolean;
  offer: KnownOffer | undefined;
  /** Refused within the hour and its product unchanged since: sending it again would be refused again. */
  heldBack: boolean;
}

/**
 * A refused offer is sent again once an hour (and at once when its product changes): often enough to heal a
 * passing refusal, rare enough that a lasting one costs at most 24 extra requests a day.
 */
const RETRY_FAILED_AFTER = sql`interval '1 hour'`;

function scoped(db: Kysely<DB>, key: OfferKey, scope: RowScope) {
  return db
    .selectFrom('catalog_products as c')
    .leftJoin('offers as o', (join) =>
      join
        .onRef('o.sku', '=', 'c.sku')
        .on('o.account_id', '=', key.accountId)
        .on('o.channel', '=', key.channel),
    )
    .$if(scope.kind === 'changed', (qb) =>
      qb.where((eb) => {
        const { since, skus } = scope as Extract<RowScope, { kind: 'changed' }>;
        const retry = eb.and([
          eb('o.last_error', 'is not', null),
          eb('o.updated_at', '<', sql<Date>`now() - ${RETRY_FAILED_AFTER}`),
        ]);
        const named = skus.length > 0 ? [eb('c.sku', '=', eb.fn.any(eb.val([...skus])))] : [];
        // The marketplace changed the amount itself (a sale lowers it): what it shows is not known any more.
        const unknownAmount = eb.and([eb('o.offer_id', 'is not', null), eb('o.amount', 'is', null)]);
        return eb.or([eb('c.updated_at', '>=', since), retry, unknownAmount, ...named]);
      }),
    );
}

export async function countRows(db: Kysely<DB>, key: OfferKey, scope: RowScope): Promise<number> {
  const row = await scoped(db, key, scope)
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of rows in SKU order after `after` (keyset paging: each page is one indexed range read). */
export async function readRows(
  db: Kysely<DB>,
  key: OfferKey,
  scope: RowScope,
  after: string | null,
  limit: number,
): Promise<OfferRow[]> {
  const rows = await scoped(db, key, scope)
    .$if(after !== null, (qb) => qb.where('c.sku', '>', after ?? ''))
    .select([
      'c.sku',
      'c.ean',
      'c.price_minor',
      'c.free_qty',
      'c.reserved_qty',
      'c.active',
      'o.offer_id',
      'o.amount',
      'o.price_minor as offer_price_minor',
      'o.handling_time_days',
      'o.pending_since',
      'o.last_error',
      sql<boolean>`o.sku IS NOT NULL`.as('has_offer'),
      sql<boolean>`o.last_error IS NOT NULL AND o.updated_at >= c.updated_at
        AND o.updated_at >= now() - ${RETRY_FAILED_AFTER}`.as('held_back'),
      sql<boolean>`c.ean IS NOT NULL AND EXISTS (SELECT 1 FROM catalog_products d
        WHERE d.ean = c.ean AND d.sku <> c.sku AND d.active)`.as('ean_shared'),
    ])
    .orderBy('c.sku')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    item: {
      sku: row.sku,
      ean: row.ean,
      priceMinor: row.price_minor,
      freeQty: Number(row.free_qty),
      reservedQty: row.reserved_qty,
      active: row.active,
    },
    eanShared: row.ean_shared,
    heldBack: row.held_back,
    offer: row.has_offer
      ? {
          offerId: row.offer_id,
          amount: row.amount,
          priceMinor: row.offer_price_minor,
          handlingTimeDays: row.handling_time_days,
          pendingSince: row.pending_since,
          lastError: row.last_error,
        }
      : undefined,
  }));
}
