import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { AppError } from '../core/errors.ts';
import type {
  ProductContentStateName,
  StoredRefusal,
  StoredSuggestion,
} from '../store/product-content.schema.ts';
import type { DB } from '../store/schema.ts';
import type { ConfirmCategoryInput } from './product-content.schemas.ts';

export interface ProductContentView {
  ean: string;
  sku: string;
  /** The catalog's product name; null when the product left the catalog. */
  name: string | null;
  channel: string;
  state: ProductContentStateName;
  erpCategory: { id: string; name: string } | null;
  suggestions: StoredSuggestion[];
  category: StoredSuggestion | null;
  pictureUrl: string | null;
  refusals: StoredRefusal[];
  /** Per channel the content went to: its language, its state there, and the ERP language of its text. */
  languages: ProductContentLanguageView[];
  sentAt: string | null;
  liveAt: string | null;
  updatedAt: string;
}

export interface ProductContentLanguageView {
  channel: string;
  /** The channel's content language (e.g. cs-CZ). */
  language: string;
  state: 'sent' | 'live' | 'refused';
  /** The ERP language the title and description were read in; null: the ERP's default text (no translation). */
  textLanguage: string | null;
  refusals: StoredRefusal[];
}

/** Products whose EAN the marketplace did not know, newest change first ('known' ones only when asked for). */
export async function listProductContent(
  db: Kysely<DB>,
  accountId: string,
  state?: ProductContentStateName,
): Promise<ProductContentView[]> {
  let query = db
    .selectFrom('product_content as p')
    .leftJoin('catalog_products as c', 'c.sku', 'p.sku')
    .select([
      'p.ean',
      'p.sku',
      'c.name',
      'p.channel',
      'p.state',
      'p.erp_category_id',
      'p.erp_category_name',
      'p.suggestions',
      'p.category_id',
      'p.category_name',
      'p.picture_url',
      'p.refusals',
      'p.sent_at',
      'p.live_at',
      'p.updated_at',
    ])
    .where('p.account_id', '=', accountId)
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.ean')
    .limit(500);
  query = state ? query.where('p.state', '=', state) : query.where('p.state', '!=', 'known');
  const rows = await query.execute();
  const languages = await languagesOf(
    db,
    accountId,
    rows.map((row) => row.ean),
  );
  return rows.map((row) => ({
    ean: row.ean,
    sku: row.sku,
    name: row.name,
    channel: row.channel,
    state: row.state,
    erpCategory:
      row.erp_category_id === null ? null : { id: row.erp_category_id, name: row.erp_category_name ?? '' },
    suggestions: row.suggestions,
    category: row.category_id === null ? null : { id: row.category_id, name: row.category_name ?? '' },
    pictureUrl: row.picture_url,
    refusals: row.refusals,
    languages: languages.get(row.ean) ?? [],
    sentAt: row.sent_at?.toISOString() ?? null,
    liveAt: row.live_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  }));
}

async function languagesOf(
  db: Kysely<DB>,
  accountId: string,
  eans: readonly string[],
): Promise<Map<string, ProductContentLanguageView[]>> {
  const byEan = new Map<string, ProductContentLanguageView[]>();
  if (eans.length === 0) return byEan;
  const rows = await db
    .selectFrom('product_content_channels')
    .select(['ean', 'channel', 'language', 'state', 'text_language', 'refusals'])
    .where('account_id', '=', accountId)
    .where('ean', 'in', eans)
    .orderBy('channel')
    .execute();
  for (const row of rows) {
    const list = byEan.get(row.ean) ?? [];
    list.push({
      channel: row.channel,
      language: row.language,
      state: row.state,
      textLanguage: row.text_language,
      refusals: row.refusals,
    });
    byEan.set(row.ean, list);
  }
  return byEan;
}

async function findRow(db: Kysely<DB>, accountId: string, ean: string) {
  const row = await db
    .selectFrom('product_content')
    .select(['ean', 'state', 'suggestions', 'erp_category_id'])
    .where('account_id', '=', accountId)
    .where('ean', '=', ean)
    .executeTakeFirst();
  if (!row || row.state === 'known') {
    throw new AppError(
      'not_found',
      'product_content.not_found',
      `No product with EAN ${ean} is waiting for product data on this account.`,
    );
  }
  return row;
}

/** After a seller's change, everything but a live product goes (again) to the next run. */
const REQUEUE_FROM: readonly ProductContentStateName[] = [
  'needs_category',
  'needs_picture',
  'refused',
  'queued',
];

/**
 * The seller's category for a product: one of the marketplace's suggestions, or another named with its name.
 * Remembered for the product's ERP category, so its other products (waiting now or later) get it too.
 */
export async function confirmCategory(
  db: Kysely<DB>,
  accountId: string,
  ean: string,
  input: ConfirmCategoryInput,
): Promise<{ category: StoredSuggestion; alsoFor: number }> {
  const row = await findRow(db, accountId, ean);
  const suggested = row.suggestions.find((s) => s.id === input.categoryId);
  const name = input.categoryName ?? suggested?.name;
  if (name === undefined) {
    throw new AppError(
      'input',
      'product_content.category_unknown',
      `Category ${input.categoryId} was not suggested for EAN ${ean}: give its name as well (categoryName).`,
      { fields: [{ field: 'categoryName', message: 'Give the name of a category that was not suggested.' }] },
    );
  }
  const category = { id: input.categoryId, name };
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('product_content')
      .set({
        category_id: category.id,
        category_name: category.name,
        state: sql`CASE WHEN state = ANY(${[...REQUEUE_FROM]}::text[]) THEN 'queued' ELSE state END`,
        updated_at: sql`now()`,
      })
      .where('account_id', '=', accountId)
      .where('ean', '=', ean)
      .execute();
    if (row.erp_category_id === null) return { category, alsoFor: 0 };
    await trx
      .insertInto('product_category_map')
      .values({
        account_id: accountId,
        erp_category_id: row.erp_category_id,
        category_id: category.id,
        category_name: category.name,
      })
      .onConflict((oc) =>
        oc.columns(['account_id', 'erp_category_id']).doUpdateSet({
          category_id: category.id,
          category_name: category.name,
          updated_at: sql`now()`,
        }),
      )
      .execute();
    const others = await trx
      .updateTable('product_content')
      .set({
        category_id: category.id,
        category_name: category.name,
        state: 'queued',
        updated_at: sql`now()`,
      })
      .where('account_id', '=', accountId)
      .where('erp_category_id', '=', row.erp_category_id)
      .where('state', '=', 'needs_category')
      .where('ean', '!=', ean)
      .executeTakeFirst();
    return { category, alsoFor: Number(others.numUpdatedRows) };
  });
}

/** A picture URL the seller names for the product (null: the ERP's picture again); sent with the next run. */
export async function setPictureUrl(
  db: Kysely<DB>,
  accountId: string,
  ean: string,
  url: string | null,
): Promise<void> {
  await findRow(db, accountId, ean);
  await db
    .updateTable('product_content')
    .set({
      picture_url: url,
      state: sql`CASE WHEN state = ANY(${[...REQUEUE_FROM]}::text[]) THEN 'queued' ELSE state END`,
      updated_at: sql`now()`,
    })
    .where('account_id', '=', accountId)
    .where('ean', '=', ean)
    .execute();
}

/** Sends the product's content again with the next run (after fixing it in the ERP); a live one too. */
export async function resendProductContent(db: Kysely<DB>, accountId: string, ean: string): Promise<void> {
  const row = await findRow(db, accountId, ean);
  const state = row.state === 'needs_category' ? 'needs_category' : 'queued';
  await db
    .updateTable('product_content')
    .set({ state, updated_at: sql`now()` })
    .where('account_id', '=', accountId)
    .where('ean', '=', ean)
    .execute();
}

/** A picture the hub serves to the marketplace, by its token. */
export async function findPicture(
  db: Kysely<DB>,
  token: string,
): Promise<{ contentType: string; bytes: Buffer } | undefined> {
  const row = await db
    .selectFrom('product_pictures')
    .select(['content_type', 'bytes'])
    .where('token', '=', token)
    .executeTakeFirst();
  return row && { contentType: row.content_type, bytes: row.bytes };
}
