import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { OfferState } from '../../../core/offer.ts';
import { stockLatencySeconds } from '../../../metrics/metrics.ts';
import type { DB } from '../../../store/schema.ts';

/** 1,000 rows × 9 columns per statement, far below PostgreSQL's 65,535 parameters. */
const CHUNK = 1_000;

export interface OfferKey {
  accountId: string;
  channel: string;
}

/** Offers as the marketplace showed them (listed, created or found): confirmed, no longer pending or failed. */
export async function storeConfirmed(
  db: Kysely<DB>,
  key: OfferKey,
  offers: readonly OfferState[],
): Promise<void> {
  const unique = [...new Map(offers.map((offer) => [offer.sku, offer])).values()];
  for (let start = 0; start < unique.length; start += CHUNK) {
    await db
      .insertInto('offers')
      .values(
        unique.slice(start, start + CHUNK).map((offer) => ({
          account_id: key.accountId,
          channel: key.channel,
          sku: offer.sku,
          offer_id: offer.offerId,
          amount: offer.amount,
          price_minor: offer.priceMinor,
          handling_time_days: offer.handlingTimeDays,
          status: offer.status,
          confirmed_at: sql<Date>`now()`,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['account_id', 'channel', 'sku']).doUpdateSet((eb) => ({
          offer_id: eb.ref('excluded.offer_id'),
          amount: eb.ref('excluded.amount'),
          price_minor: eb.ref('excluded.price_minor'),
          handling_time_days: eb.ref('excluded.handling_time_days'),
          status: eb.ref('excluded.status'),
          confirmed_at: sql<Date>`now()`,
          pending_since: null,
          last_error: null,
          updated_at: sql<Date>`now()`,
        })),
      )
      .execute();
  }
}

/** Values the marketplace accepted in a bulk change. */
export async function storeAccepted(
  db: Kysely<DB>,
  key: OfferKey,
  accepted: readonly { sku: string; amount: number; priceMinor: number; handlingTimeDays: number }[],
): Promise<void> {
  for (let start = 0; start < accepted.length; start += CHUNK) {
    const rows = accepted.slice(start, start + CHUNK);
    const confirmed = await sql<{ latency: number | null }>`
      UPDATE offers o SET amount = v.amount, price_minor = v.price_minor, handling_time_days = v.handling_time_days,
        confirmed_at = now(), last_error = NULL, updated_at = now()
      FROM unnest(${rows.map((r) => r.sku)}::text[], ${rows.map((r) => r.amount)}::int[],
                  ${rows.map((r) => r.priceMinor)}::int[], ${rows.map((r) => r.handlingTimeDays)}::int[])
        AS v(sku, amount, price_minor, handling_time_days)
      WHERE o.account_id = ${key.accountId} AND o.channel = ${key.channel} AND o.sku = v.sku
      RETURNING (SELECT extract(epoch FROM now() - c.changed_at) FROM catalog_products c WHERE c.sku = o.sku) AS latency
    `.execute(db);
    for (const { latency } of confirmed.rows)
      if (latency !== null) stockLatencySeconds.observe(Number(latency));
  }
}

/** Marketplace clocks and ours may differ by a few seconds; a minute is the doubt allowed either way. */
const CLOCK_DOUBT = sql`interval '60 seconds'`;

/**
 * The marketplace lowered these offers itself at a sale (on all the account's channels: they share one amount).
 * When the hub confirmed an offer's amount well before the sale (a minute's doubt for the clocks), the
 * marketplace now shows that amount minus the pieces sold, and the hub's record follows — the next comparison
 * sends nothing if that is what it wants. Confirmed later, the hub's own absolute amount may have overwritten
 * the marketplace's decrement, so what it shows is not known: the amount is forgotten and the next comparison
 * sends the desired one whatever it is. `updated_at` stays: it times the retry of refused offers.
 */
export async function recordSales(
  db: Kysely<DB>,
  accountId: string,
  sales: readonly { sku: string; pieces: number; soldAt: string }[],
): Promise<void> {
  if (sales.length === 0) return;
  await sql`
    UPDATE offers o SET amount = CASE WHEN o.confirmed_at < v.sold_at - ${CLOCK_DOUBT}
      THEN greatest(0, o.amount - v.pieces) END
    FROM unnest(${sales.map((s) => s.sku)}::text[], ${sales.map((s) => s.pieces)}::int[],
                ${sales.map((s) => s.soldAt)}::timestamptz[]) AS v(sku, pieces, sold_at)
    WHERE o.account_id = ${accountId} AND o.sku = v.sku AND o.offer_id IS NOT NULL
  `.execute(db);
}

/** A refused create or change: the row keeps the last confirmed values, so the next comparison sends it again. */
export async function storeFailure(db: Kysely<DB>, key: OfferKey, sku: string, error: string): Promise<void> {
  await db
    .insertInto('offers')
    .values({ account_id: key.accountId, channel: key.channel, sku, last_error: error })
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'channel', 'sku'])
        .doUpdateSet({ last_error: error, updated_at: sql<Date>`now()` }),
    )
    .execute();
}

/** Created, but the marketplace did not show it yet: looked for on later runs instead of created again. */
export async function markPending(db: Kysely<DB>, key: OfferKey, sku: string): Promise<void> {
  await db
    .insertInto('offers')
    .values({ account_id: key.accountId, channel: key.channel, sku, pending_since: sql<Date>`now()` })
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'channel', 'sku'])
        .doUpdateSet({ pending_since: sql<Date>`now()`, last_error: null, updated_at: sql<Date>`now()` }),
    )
    .execute();
}

/** Pending offers, oldest first, with how long they have waited. */
export function pendingOffers(db: Kysely<DB>, key: OfferKey, limit: number) {
  return db
    .selectFrom('offers')
    .select(['sku', sql<number>`extract(epoch FROM now() - pending_since)`.as('waitedSeconds')])
    .where('account_id', '=', key.accountId)
    .where('channel', '=', key.channel)
    .where('offer_id', 'is', null)
    .where('pending_since', 'is not', null)
    .orderBy('pending_since')
    .limit(limit)
    .execute();
}

/** Stops waiting for a created offer that never appeared: it becomes a failed create, retried later. */
export async function abandonPending(
  db: Kysely<DB>,
  key: OfferKey,
  sku: string,
  error: string,
): Promise<void> {
  await db
    .updateTable('offers')
    .set({ pending_since: null, last_error: error, updated_at: sql<Date>`now()` })
    .where('account_id', '=', key.accountId)
    .where('channel', '=', key.channel)
    .where('sku', '=', sku)
    .execute();
}

/** Offers on the channel whose SKU the ERP catalog does not know. */
export async function offersWithoutProduct(db: Kysely<DB>, key: OfferKey): Promise<string[]> {
  const rows = await db
    .selectFrom('offers')
    .select('sku')
    .where('account_id', '=', key.accountId)
    .where('channel', '=', key.channel)
    .where('offer_id', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('catalog_products').select('sku').whereRef('catalog_products.sku', '=', 'offers.sku'),
        ),
      ),
    )
    .orderBy('sku')
    .execute();
  return rows.map((row) => row.sku);
}
