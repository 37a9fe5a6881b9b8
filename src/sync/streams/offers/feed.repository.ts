import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../../store/schema.ts';
import type { OfferFeedsTable, OfferFeedState } from '../../../store/feed.schema.ts';
import type { OfferKey } from './offers.repository.ts';

export type OfferFeed = Selectable<OfferFeedsTable>;
type OpenFeed = Omit<OfferFeed, 'body'>;

const OPEN: OfferFeedState[] = ['prepared', 'registered'];
/** 1,000 SKUs per statement: far below PostgreSQL's 65,535 parameters. */
const CHUNK = 1_000;

/** The channel's file that is not finished yet (at most one: a unique index keeps it so). */
export function openFeed(db: Kysely<DB>, key: OfferKey): Promise<OpenFeed | undefined> {
  return db
    .selectFrom('offer_feeds')
    .select([
      'id',
      'account_id',
      'channel',
      'token',
      'content_type',
      'skus',
      'state',
      'import_id',
      'note',
      'error_rows',
      'created_at',
      'finished_at',
    ])
    .where('account_id', '=', key.accountId)
    .where('channel', '=', key.channel)
    .where('state', 'in', OPEN)
    .executeTakeFirst();
}

/** A file that ended within `hours`: the next listing goes one by one (no loop of files, no second try). */
export async function feedEndedRecently(db: Kysely<DB>, key: OfferKey, hours: number): Promise<boolean> {
  const row = await db
    .selectFrom('offer_feeds')
    .select('id')
    .where('account_id', '=', key.accountId)
    .where('channel', '=', key.channel)
    .where('state', 'not in', OPEN)
    .where('finished_at', '>', sql<Date>`now() - make_interval(hours => ${hours})`)
    .executeTakeFirst();
  return row !== undefined;
}

/** The body of an open file, for its public URL; undefined once the import ended (the URL then answers 404). */
export function openFeedByToken(
  db: Kysely<DB>,
  token: string,
): Promise<Pick<OfferFeed, 'content_type' | 'body'> | undefined> {
  return db
    .selectFrom('offer_feeds')
    .select(['content_type', 'body'])
    .where('token', '=', token)
    .where('state', 'in', OPEN)
    .executeTakeFirst();
}

/**
 * Stores the file and marks its new offers as pending in ONE transaction: after a crash either both exist
 * (the next run registers or finds the file) or neither (the next run compares and writes a file again).
 */
export async function storeFeed(
  db: Kysely<DB>,
  key: OfferKey,
  feed: { token: string; contentType: string; body: string; skus: readonly string[] },
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('offer_feeds')
      .values({
        account_id: key.accountId,
        channel: key.channel,
        token: feed.token,
        content_type: feed.contentType,
        body: feed.body,
        skus: [...feed.skus],
        state: 'prepared',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let start = 0; start < feed.skus.length; start += CHUNK) {
      const skus = feed.skus.slice(start, start + CHUNK);
      await sql`
        INSERT INTO offers (account_id, channel, sku, pending_since)
        SELECT ${key.accountId}, ${key.channel}, s, now() FROM unnest(${skus}::text[]) AS s
        ON CONFLICT (account_id, channel, sku)
        DO UPDATE SET pending_since = now(), last_error = NULL, updated_at = now()
      `.execute(trx);
    }
    return id;
  });
}

export async function markRegistered(db: Kysely<DB>, id: string, importId: string): Promise<void> {
  await db
    .updateTable('offer_feeds')
    .set({ state: 'registered', import_id: importId })
    .where('id', '=', id)
    .execute();
}

/**
 * Ends the file's life. Its text goes with it: the URL answers 404 from now on and nothing reads it again, while
 * a first listing of 100,000 offers is ~10 MB that would otherwise stay in the database for good.
 */
export async function finishFeed(
  db: Kysely<DB>,
  id: string,
  outcome: { state: 'imported' | 'rejected'; note: string; errorRows: number | null },
): Promise<void> {
  await db
    .updateTable('offer_feeds')
    .set({
      body: '',
      state: outcome.state,
      note: outcome.note,
      error_rows: outcome.errorRows,
      finished_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * The file's new offers that the marketplace did not list: no longer pending, so this run's comparison
 * creates each one alone (its refusal then names the reason). Answers those SKUs.
 */
export async function releaseUnlisted(
  db: Kysely<DB>,
  key: OfferKey,
  skus: readonly string[],
): Promise<string[]> {
  const released: string[] = [];
  for (let start = 0; start < skus.length; start += CHUNK) {
    const chunk = skus.slice(start, start + CHUNK);
    const { rows } = await sql<{ sku: string }>`
      UPDATE offers SET pending_since = NULL, updated_at = now()
      WHERE account_id = ${key.accountId} AND channel = ${key.channel} AND offer_id IS NULL
        AND sku = ANY(${chunk}::text[])
      RETURNING sku
    `.execute(db);
    released.push(...rows.map((row) => row.sku));
  }
  return released;
}

/** What the channel has now, to be repeated in a file that replaces the whole listing. */
export interface KeptOffer {
  sku: string;
  ean: string | null;
  offerId: string | null;
  amount: number | null;
  priceMinor: number | null;
  handlingTimeDays: number | null;
}

/** Offers listed on the channel or created and not yet seen there, with the EAN their catalog product has. */
export async function keptOffers(db: Kysely<DB>, key: OfferKey): Promise<KeptOffer[]> {
  const rows = await db
    .selectFrom('offers as o')
    .leftJoin('catalog_products as c', 'c.sku', 'o.sku')
    .select(['o.sku', 'c.ean', 'o.offer_id', 'o.amount', 'o.price_minor', 'o.handling_time_days'])
    .where('o.account_id', '=', key.accountId)
    .where('o.channel', '=', key.channel)
    .where((eb) => eb.or([eb('o.offer_id', 'is not', null), eb('o.pending_since', 'is not', null)]))
    .execute();
  return rows.map((row) => ({
    sku: row.sku,
    ean: row.ean,
    offerId: row.offer_id,
    amount: row.amount,
    priceMinor: row.price_minor,
    handlingTimeDays: row.handling_time_days,
  }));
}
