import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { readSettings } from '../accounts/account-settings.ts';
import { readErpSettings } from '../erp/erp-settings.ts';
import type { DB } from '../store/schema.ts';
import { marketplaceConnectors } from '../connectors/index.ts';
import { readCursor } from '../sync/cursors.repository.ts';
import { storedChannelPrice } from '../sync/streams/offers/channel-prices.ts';
import { channelPriceMinor } from '../sync/streams/offers/channel-price.ts';
import { desiredAmount, offerRules } from '../sync/streams/offers/desired-offer.ts';
import { readStockCursor } from '../sync/streams/offers/stock-cursor.ts';

export type OfferFilter = 'all' | 'out_of_sync' | 'no_ean' | 'not_on_marketplace';

export interface OfferRow {
  sku: string;
  ean: string | null;
  name: string;
  /** The ERP's free quantity. */
  erpQuantity: number;
  /** Pieces sold on any account that the ERP has not reserved yet, as the last stock run counted them. */
  reservedQty: number;
  /** The ERP's and the account's safety buffers together. */
  bufferQty: number;
  /** What AdlerDo offers: free − reserved − buffers (0 for an archived product), before the marketplace confirms it. */
  offeredQty: number;
  /** Minor units of `erpCurrency`. */
  erpPriceMinor: number;
  /** ISO code of the ERP's prices (the company currency); null before the first stock run says it. */
  erpCurrency: string | null;
  /** ISO code of the channel's prices (`offeredPriceMinor`, `marketplacePriceMinor`). */
  currency: string | null;
  /** The ERP price converted at the ERP's rate with the channel's rule; null while that currency has no rate. */
  offeredPriceMinor: number | null;
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
  const { rules, price, erpCurrency, currency } = await rulesOf(db, query.accountId, query.channel);
  const rows = await base
    .select([
      'c.sku',
      'c.ean',
      'c.name',
      'c.free_qty',
      'c.reserved_qty',
      'c.active',
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
      reservedQty: r.reserved_qty,
      bufferQty: rules.erpSafetyBuffer + rules.accountSafetyBuffer,
      offeredQty: desiredAmount(Number(r.free_qty), r.active, rules, r.reserved_qty),
      erpPriceMinor: r.price_minor,
      erpCurrency,
      currency,
      offeredPriceMinor: price === null ? null : channelPriceMinor(r.price_minor, price),
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

/** The account's and the ERP's rules and the channel's price, as the stock step applies them. */
async function rulesOf(db: Kysely<DB>, accountId: string, channel: string) {
  const account = await db
    .selectFrom('marketplace_accounts')
    .select(['settings', 'type'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  const erp = await db.selectFrom('erp_connections').select('settings').limit(1).executeTakeFirst();
  const settings = readSettings(account?.settings);
  const state = readStockCursor(await readCursor(db, accountId, 'stock'));
  const currency = (account && marketplaceConnectors[account.type]?.channelCurrency(channel)) ?? null;
  const rule = settings.storefrontPriceRules[channel] ?? settings.priceRule;
  return {
    rules: offerRules(settings, readErpSettings(erp?.settings)),
    price: currency === null ? null : storedChannelPrice(state, currency, rule),
    erpCurrency: state.erpCurrency ?? null,
    currency,
  };
}
