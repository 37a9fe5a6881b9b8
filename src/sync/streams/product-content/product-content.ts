import { randomBytes } from 'node:crypto';
import { isAppError } from '../../../core/errors.ts';
import type { ErpProductContent } from '../../../core/ports/erp.port.ts';
import type { ProductContent, ProductContentDraft } from '../../../core/ports/marketplace.port.ts';
import { runIndependentPhases } from '../../independent-phases.ts';
import type { StepContext, StepHandler } from '../../step-context.ts';
import { systemNames, type SystemNames } from '../offers/system-names.ts';
import { PRODUCT_CONTENT_REFUSED, raiseRefused } from './content-issues.ts';
import { pictureUrlFor } from './picture-url.ts';
import {
  addContentRows,
  channelContents,
  holdWaitingOffers,
  mappedCategories,
  rowsInState,
  recordChannelSend,
  rowsToPrepare,
  storePicture,
  updateChannelState,
  unlistedWithNewEan,
  updateContent,
  type ContentRow,
} from './product-content.repository.ts';

/**
 * Per run and account: 50 new EANs looked up, 50 products prepared or sent, 50 statuses read. New EANs take
 * Kaufland hours to days, so a few calls every catalog run (5 min) keep up, within the marketplace's pace.
 */
const BATCH = 50;

/**
 * The catalog step followed by product content (issue 13): a phase of its own, run even when the catalog read
 * failed on a transient error (it works from what the hub stored).
 */
export function withProductContent(catalog: StepHandler): StepHandler {
  return (ctx) => runIndependentPhases([() => catalog(ctx), () => syncProductContent(ctx)]);
}

/**
 * Products whose offers stay unlisted because the marketplace's catalogue has no product for their EAN: their
 * content (name, description, picture, maker, category) is sent from the ERP and followed until live. A refusal
 * becomes an issue on that product alone; the others go on.
 */
export async function syncProductContent(ctx: StepContext): Promise<void> {
  const { marketplace, erp } = ctx;
  if (!marketplace.productExists || !marketplace.sendProductContent || !erp.productContent) return;
  const names = await systemNames(ctx);
  await discover(ctx);
  await prepareAndSend(ctx);
  await followStatus(ctx, names);
  await holdWaitingOffers(ctx.db, ctx.account.id);
}

/** Unlisted offers with an EAN not looked at yet: does the catalogue know it? */
async function discover(ctx: StepContext): Promise<void> {
  const candidates = await unlistedWithNewEan(ctx.db, ctx.account.id, BATCH);
  for (const candidate of candidates) {
    const known = await ctx.marketplace.productExists!(candidate.channel, candidate.ean);
    await addContentRows(ctx.db, ctx.account.id, [{ ...candidate, state: known ? 'known' : 'queued' }]);
  }
}

async function prepareAndSend(ctx: StepContext): Promise<void> {
  const rows = await rowsToPrepare(ctx.db, ctx.account.id, BATCH);
  if (rows.length === 0) return;
  const skus = rows.map((row) => row.sku);
  const contents = new Map((await ctx.erp.productContent!(skus)).map((content) => [content.sku, content]));
  const catalog = new Map(
    (
      await ctx.db
        .selectFrom('catalog_products')
        .select(['sku', 'name', 'price_minor'])
        .where('sku', 'in', skus)
        .execute()
    ).map((product) => [product.sku, product]),
  );
  const mapping = await mappedCategories(ctx.db, ctx.account.id);
  const names = await systemNames(ctx);
  const texts = await textsByLanguage(ctx, skus);
  // One product's refusal (or a failed call after the retries) does not hold back the others'.
  await runIndependentPhases(
    rows.map((row) => async () => {
      const content = contents.get(row.sku);
      const product = catalog.get(row.sku);
      if (!content || !product) return; // gone from the ERP: the catalog step takes its offer down
      const draft = {
        title: product.name,
        description: content.description ?? '',
        brand: content.manufacturer ?? content.companyName,
        priceMinor: product.price_minor,
      };
      const ready = await prepareOne(ctx, row, content, draft, mapping);
      if (ready) await sendInEveryLanguage(ctx, names, row, ready, texts);
    }),
  );
}

/** The channels a product's content goes to: every channel the account sells on, its first one included. */
function contentChannels(ctx: StepContext, row: ContentRow): string[] {
  return [...new Set([row.channel, ...ctx.channels])];
}

/** Per content language: the ERP's names and descriptions in it, or null when the ERP lacks that language. */
type TextsByLanguage = Map<string, { erpLanguage: string; bySku: Map<string, ErpText> } | null>;
type ErpText = { name: string; description: string | null };

/** One ERP read per language of the account's channels for the whole batch (not one per product). */
async function textsByLanguage(ctx: StepContext, skus: readonly string[]): Promise<TextsByLanguage> {
  const texts: TextsByLanguage = new Map();
  const { marketplace } = ctx;
  if (!marketplace.productContentLanguage || !ctx.erp.productTexts) return texts;
  for (const language of new Set(ctx.channels.map((c) => marketplace.productContentLanguage!(c)))) {
    const read = await ctx.erp.productTexts(skus, language);
    texts.set(
      language,
      read && {
        erpLanguage: read.language,
        bySku: new Map(read.texts.map((t) => [t.sku, { name: t.name, description: t.description }])),
      },
    );
  }
  return texts;
}

/**
 * The product's content in each channel's language: the ERP's translation where the ERP has that language,
 * else its default text (recorded, so the seller sees which languages went out untranslated). A language the
 * marketplace refuses outright becomes that product's issue; its other languages and other products go on.
 */
async function sendInEveryLanguage(
  ctx: StepContext,
  names: SystemNames,
  row: ContentRow,
  content: ProductContent,
  texts: TextsByLanguage,
): Promise<void> {
  const sends = contentChannels(ctx, row).map((channel) => async () => {
    const language = ctx.marketplace.productContentLanguage?.(channel) ?? channel;
    const translation = texts.get(language) ?? null;
    const text = translation?.bySku.get(row.sku);
    const inLanguage: ProductContent = {
      ...content,
      title: text?.name || content.title,
      description: text?.description ?? content.description,
    };
    const sent = { channel, language, text_language: translation?.erpLanguage ?? null };
    try {
      await ctx.marketplace.sendProductContent!(channel, inLanguage);
      await recordChannelSend(ctx.db, ctx.account.id, row.ean, { ...sent, state: 'sent' });
    } catch (error) {
      if (!isAppError(error) || error.kind !== 'rejected') throw error;
      // Refused outright (not in the marketplace's later check): the same issue, in its words.
      const refusals = [
        // value '' (not null): a field the marketplace refused is not a missing attribute.
        ...(error.fields ?? []).map((f) => ({ attribute: f.field, value: '', reason: f.message })),
        ...(error.fields?.length ? [] : [{ attribute: null, value: null, reason: error.message }]),
      ];
      await recordChannelSend(ctx.db, ctx.account.id, row.ean, { ...sent, state: 'refused', refusals });
    }
  });
  // The languages that went out are recorded even when another one failed on a transient error.
  try {
    await runIndependentPhases(sends);
  } finally {
    await settle(ctx, names, row, { sent: true });
  }
}

/**
 * The product's state from its languages: being checked while any is; then refused when any was (an issue
 * naming the languages and reasons), else live.
 */
async function settle(
  ctx: StepContext,
  names: SystemNames,
  row: ContentRow,
  mark: { sent?: boolean } = {},
): Promise<void> {
  const languages = await channelContents(ctx.db, ctx.account.id, row.ean);
  if (languages.length === 0) return;
  const refusals = languages.flatMap((l) =>
    l.state === 'refused' ? l.refusals.map((r) => ({ ...r, language: l.language })) : [],
  );
  const key = [ctx.db, ctx.account.id, row.ean] as const;
  if (refusals.length > 0) await raiseRefused(ctx, names, row, refusals);
  if (languages.some((l) => l.state === 'sent')) {
    await updateContent(...key, { state: 'sent', refusals, sent: mark.sent === true, checked: true });
    if (mark.sent) ctx.counts.updated += 1;
    return;
  }
  if (refusals.length > 0) {
    await updateContent(...key, { state: 'refused', refusals, checked: true });
    ctx.counts.failed += 1;
    return;
  }
  await updateContent(...key, { state: 'live', refusals: [], checked: true, live: true });
  await ctx.issues.resolve(PRODUCT_CONTENT_REFUSED, [row.sku]);
  ctx.counts.created += 1;
}

/**
 * The category and picture a product needs before it can be sent: the content to send, or undefined when the
 * seller has to act first (the row then says which).
 */
async function prepareOne(
  ctx: StepContext,
  row: ContentRow,
  content: ErpProductContent,
  draft: ProductContentDraft,
  mapping: Map<string, { id: string; name: string }>,
): Promise<ProductContent | undefined> {
  const key = { db: ctx.db, account: ctx.account.id, ean: row.ean };
  const erpCategory = {
    erp_category_id: content.category?.id ?? null,
    erp_category_name: content.category?.name ?? null,
  };
  const category =
    row.category_id !== null && row.category_name !== null
      ? { id: row.category_id, name: row.category_name }
      : content.category
        ? mapping.get(content.category.id)
        : undefined;
  if (!category) {
    const suggestions =
      row.suggestions.length > 0 || !ctx.marketplace.suggestCategories
        ? row.suggestions
        : (await ctx.marketplace.suggestCategories(row.channel, draft)).slice(0, 5);
    await updateContent(key.db, key.account, key.ean, {
      ...erpCategory,
      suggestions,
      state: 'needs_category',
    });
    return undefined;
  }
  const pictureUrl = await pictureFor(ctx, row, content);
  await updateContent(key.db, key.account, key.ean, {
    ...erpCategory,
    category_id: category.id,
    category_name: category.name,
    ...(pictureUrl === undefined && { state: 'needs_picture' }),
  });
  if (pictureUrl === undefined) return undefined;
  return { ...draft, ean: row.ean, pictureUrls: [pictureUrl], category };
}

/** The seller's picture URL; else the ERP's picture, served at the public URL; else none. */
async function pictureFor(
  ctx: StepContext,
  row: ContentRow,
  content: ErpProductContent,
): Promise<string | undefined> {
  if (row.picture_url !== null) return row.picture_url;
  if (!content.image || ctx.publicUrl === undefined) return undefined;
  const token = await storePicture(
    ctx.db,
    ctx.account.id,
    row.ean,
    content.image,
    randomBytes(32).toString('base64url'),
  );
  return pictureUrlFor(ctx.publicUrl, token, content.image.contentType);
}

async function followStatus(ctx: StepContext, names: SystemNames): Promise<void> {
  const rows = await rowsInState(ctx.db, ctx.account.id, 'sent', BATCH);
  const phases = rows.map((row) => async () => {
    const languages = await channelContents(ctx.db, ctx.account.id, row.ean);
    const checking = languages.filter((l) => l.state === 'sent');
    // Sent before content went out per language (or its languages are gone): send it again, in each.
    if (checking.length === 0) {
      await updateContent(ctx.db, ctx.account.id, row.ean, { state: 'queued', checked: true });
      return;
    }
    let moved = false;
    for (const { channel } of checking) {
      const status = await ctx.marketplace.productContentState!(channel, row.ean);
      if (status.state === 'processing') continue;
      if (status.state === 'none') {
        // The marketplace has no content in this language (deleted, or never taken): send it again.
        await updateContent(ctx.db, ctx.account.id, row.ean, { state: 'queued', checked: true });
        return;
      }
      moved = true;
      await updateChannelState(ctx.db, ctx.account.id, row.ean, channel, {
        state: status.state,
        refusals: status.state === 'refused' ? status.refusals : [],
      });
    }
    if (moved) await settle(ctx, names, row);
    else await updateContent(ctx.db, ctx.account.id, row.ean, { checked: true });
  });
  // One product's failed status read does not hold back the others' (a refusal never blocks other products).
  await runIndependentPhases(phases);
}
