import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../../store/schema.ts';
import type {
  ProductContentStateName,
  StoredRefusal,
  StoredSuggestion,
} from '../../../store/product-content.schema.ts';

export interface ContentRow {
  ean: string;
  sku: string;
  channel: string;
  state: ProductContentStateName;
  erp_category_id: string | null;
  erp_category_name: string | null;
  suggestions: StoredSuggestion[];
  category_id: string | null;
  category_name: string | null;
  picture_url: string | null;
}

/**
 * Not live yet: the offer's create stands at the marketplace and waits for the product (a refused product's too,
 * until the seller sends it again).
 */
export const WAITING_STATES: readonly ProductContentStateName[] = [
  'needs_category',
  'needs_picture',
  'queued',
  'sent',
  'refused',
];

/**
 * Offers created on the marketplace but not listed (or given up on as not listed), with an EAN the hub has not
 * looked at yet: one per EAN, oldest wait first.
 */
export async function unlistedWithNewEan(
  db: Kysely<DB>,
  accountId: string,
  limit: number,
): Promise<{ channel: string; sku: string; ean: string }[]> {
  const rows = await sql<{ channel: string; sku: string; ean: string }>`
    SELECT DISTINCT ON (c.ean) o.channel, o.sku, c.ean
    FROM offers o JOIN catalog_products c ON c.sku = o.sku
    WHERE o.account_id = ${accountId} AND c.ean IS NOT NULL AND c.active
      AND (o.pending_since IS NOT NULL OR o.last_error LIKE 'sync.offer_not_listed%')
      AND NOT EXISTS (SELECT 1 FROM product_content p WHERE p.account_id = o.account_id AND p.ean = c.ean)
    ORDER BY c.ean, o.pending_since NULLS LAST
    LIMIT ${limit}
  `.execute(db);
  return rows.rows;
}

export async function addContentRows(
  db: Kysely<DB>,
  accountId: string,
  rows: readonly { ean: string; sku: string; channel: string; state: ProductContentStateName }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('product_content')
    .values(rows.map((row) => ({ account_id: accountId, ...row })))
    .onConflict((oc) => oc.columns(['account_id', 'ean']).doNothing())
    .execute();
}

const COLUMNS = [
  'ean',
  'sku',
  'channel',
  'state',
  'erp_category_id',
  'erp_category_name',
  'suggestions',
  'category_id',
  'category_name',
  'picture_url',
] as const;

/**
 * Rows the hub can move on: queued ones, ones waiting for a picture (the ERP may have one now), and ones waiting
 * for a category that a confirmed mapping of their ERP category now gives.
 */
export async function rowsToPrepare(db: Kysely<DB>, accountId: string, limit: number): Promise<ContentRow[]> {
  return db
    .selectFrom('product_content as p')
    .select(COLUMNS.map((c) => `p.${c}` as const))
    .where('p.account_id', '=', accountId)
    .where((eb) =>
      eb.or([
        eb('p.state', 'in', ['queued', 'needs_picture']),
        eb.and([
          eb('p.state', '=', 'needs_category'),
          eb.exists(
            eb
              .selectFrom('product_category_map as m')
              .select('m.category_id')
              .whereRef('m.account_id', '=', 'p.account_id')
              .whereRef('m.erp_category_id', '=', 'p.erp_category_id'),
          ),
        ]),
      ]),
    )
    .orderBy('p.updated_at')
    .limit(limit)
    .execute();
}

export async function rowsInState(
  db: Kysely<DB>,
  accountId: string,
  state: ProductContentStateName,
  limit: number,
): Promise<ContentRow[]> {
  return db
    .selectFrom('product_content')
    .select([...COLUMNS])
    .where('account_id', '=', accountId)
    .where('state', '=', state)
    .orderBy('checked_at', (ob) => ob.asc().nullsFirst())
    .limit(limit)
    .execute();
}

export async function mappedCategories(
  db: Kysely<DB>,
  accountId: string,
): Promise<Map<string, StoredSuggestion>> {
  const rows = await db
    .selectFrom('product_category_map')
    .select(['erp_category_id', 'category_id', 'category_name'])
    .where('account_id', '=', accountId)
    .execute();
  return new Map(rows.map((r) => [r.erp_category_id, { id: r.category_id, name: r.category_name }]));
}

export interface ContentUpdate {
  state?: ProductContentStateName;
  erp_category_id?: string | null;
  erp_category_name?: string | null;
  suggestions?: StoredSuggestion[];
  category_id?: string | null;
  category_name?: string | null;
  picture_url?: string | null;
  refusals?: StoredRefusal[];
  sent?: boolean;
  checked?: boolean;
  live?: boolean;
}

export async function updateContent(
  db: Kysely<DB>,
  accountId: string,
  ean: string,
  update: ContentUpdate,
): Promise<void> {
  const { suggestions, refusals, sent, checked, live, ...plain } = update;
  await db
    .updateTable('product_content')
    .set({
      ...plain,
      ...(suggestions !== undefined && { suggestions: JSON.stringify(suggestions) }),
      ...(refusals !== undefined && { refusals: JSON.stringify(refusals) }),
      ...(sent === true && { sent_at: sql<Date>`now()` }),
      ...(checked === true && { checked_at: sql<Date>`now()` }),
      ...(live === true && { live_at: sql<Date>`now()` }),
      updated_at: sql<Date>`now()`,
    })
    .where('account_id', '=', accountId)
    .where('ean', '=', ean)
    .execute();
}

/**
 * Keeps the creates of offers waiting for product content from counting as lost: the offers step gives a create
 * up after 6 h unlisted and makes it again, which the marketplace refuses as a duplicate while the first one
 * still waits for the product (hours to days for new EANs).
 */
export async function holdWaitingOffers(db: Kysely<DB>, accountId: string): Promise<void> {
  await sql`
    UPDATE offers o SET pending_since = now(), last_error = NULL, updated_at = now()
    FROM catalog_products c, product_content p
    WHERE o.account_id = ${accountId} AND c.sku = o.sku AND p.account_id = o.account_id AND p.ean = c.ean
      AND p.state = ANY(${[...WAITING_STATES]}::text[])
      AND (o.pending_since IS NOT NULL OR o.last_error LIKE 'sync.offer_not_listed%')
      AND (o.pending_since IS NULL OR o.pending_since < now() - interval '1 hour')
  `.execute(db);
}

/** The picture's token for this product (kept across updates, so the URL the marketplace has stays valid). */
export async function storePicture(
  db: Kysely<DB>,
  accountId: string,
  ean: string,
  picture: { contentType: string; bytes: Uint8Array },
  newToken: string,
): Promise<string> {
  const row = await db
    .insertInto('product_pictures')
    .values({
      token: newToken,
      account_id: accountId,
      ean,
      content_type: picture.contentType,
      bytes: Buffer.from(picture.bytes),
    })
    .onConflict((oc) =>
      oc.columns(['account_id', 'ean']).doUpdateSet((eb) => ({
        content_type: eb.ref('excluded.content_type'),
        bytes: eb.ref('excluded.bytes'),
      })),
    )
    .returning('token')
    .executeTakeFirstOrThrow();
  return row.token;
}

/** One product's content in one channel's language. */
export interface ChannelContent {
  channel: string;
  language: string;
  state: 'sent' | 'live' | 'refused';
  text_language: string | null;
  refusals: StoredRefusal[];
}

/** Records a send in one channel's language (again: the check starts over). */
export async function recordChannelSend(
  db: Kysely<DB>,
  accountId: string,
  ean: string,
  sent: Omit<ChannelContent, 'refusals'> & { refusals?: StoredRefusal[] },
): Promise<void> {
  const refusals = JSON.stringify(sent.refusals ?? []);
  await db
    .insertInto('product_content_channels')
    .values({ account_id: accountId, ean, ...sent, refusals })
    .onConflict((oc) =>
      oc.columns(['account_id', 'ean', 'channel']).doUpdateSet({
        language: sent.language,
        state: sent.state,
        text_language: sent.text_language,
        refusals,
        sent_at: sql<Date>`now()`,
        checked_at: null,
      }),
    )
    .execute();
}

export async function updateChannelState(
  db: Kysely<DB>,
  accountId: string,
  ean: string,
  channel: string,
  update: { state: ChannelContent['state']; refusals: StoredRefusal[] },
): Promise<void> {
  await db
    .updateTable('product_content_channels')
    .set({ state: update.state, refusals: JSON.stringify(update.refusals), checked_at: sql<Date>`now()` })
    .where('account_id', '=', accountId)
    .where('ean', '=', ean)
    .where('channel', '=', channel)
    .execute();
}

export async function channelContents(
  db: Kysely<DB>,
  accountId: string,
  ean: string,
): Promise<ChannelContent[]> {
  return db
    .selectFrom('product_content_channels')
    .select(['channel', 'language', 'state', 'text_language', 'refusals'])
    .where('account_id', '=', accountId)
    .where('ean', '=', ean)
    .orderBy('channel')
    .execute();
}
