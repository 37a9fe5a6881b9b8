import { randomBytes } from 'node:crypto';
import { isAppError } from '../../../core/errors.ts';
import type { ErpProductContent } from '../../../core/ports/erp.port.ts';
import type { ProductContent } from '../../../core/ports/marketplace.port.ts';
import { runIndependentPhases } from '../../independent-phases.ts';
import type { StepContext, StepHandler } from '../../step-context.ts';
import { systemNames, type SystemNames } from '../offers/system-names.ts';
import { PRODUCT_CONTENT_REFUSED, raiseRefused } from './content-issues.ts';
import { pictureUrlFor } from './picture-url.ts';
import {
  addContentRows,
  holdWaitingOffers,
  mappedCategories,
  rowsInState,
  rowsToPrepare,
  storePicture,
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
  const contents = new Map(
    (await ctx.erp.productContent!(rows.map((row) => row.sku))).map((content) => [content.sku, content]),
  );
  const catalog = new Map(
    (
      await ctx.db
        .selectFrom('catalog_products')
        .select(['sku', 'name', 'price_minor'])
        .where(
          'sku',
          'in',
          rows.map((row) => row.sku),
        )
        .execute()
    ).map((product) => [product.sku, product]),
  );
  const mapping = await mappedCategories(ctx.db, ctx.account.id);
  const names = await systemNames(ctx);
  // One product's refusal (or a failed call after the retries) does not hold back the others'.
  await runIndependentPhases(
    rows.map((row) => async () => {
      const content = contents.get(row.sku);
      const product = catalog.get(row.sku);
      if (!content || !product) return; // gone from the ERP: the catalog step takes its offer down
      try {
        await prepareOne(
          ctx,
          row,
          content,
          { title: product.name, priceMinor: product.price_minor },
          mapping,
        );
      } catch (error) {
        if (!isAppError(error) || error.kind !== 'rejected') throw error;
        // The marketplace refused the data outright (not in its later check): the same issue, its words.
        const refusals = [{ attribute: null, value: null, reason: error.message }];
        await updateContent(ctx.db, ctx.account.id, row.ean, { state: 'refused', refusals, checked: true });
        await raiseRefused(ctx, names, row, refusals);
        ctx.counts.failed += 1;
      }
    }),
  );
}

async function prepareOne(
  ctx: StepContext,
  row: ContentRow,
  content: ErpProductContent,
  product: { title: string; priceMinor: number },
  mapping: Map<string, { id: string; name: string }>,
): Promise<void> {
  const key = { db: ctx.db, account: ctx.account.id, ean: row.ean };
  const draft = {
    title: product.title,
    description: content.description ?? '',
    brand: content.manufacturer ?? content.companyName,
    priceMinor: product.priceMinor,
  };
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
    return;
  }
  const pictureUrl = await pictureFor(ctx, row, content);
  if (pictureUrl === undefined) {
    await updateContent(key.db, key.account, key.ean, {
      ...erpCategory,
      category_id: category.id,
      category_name: category.name,
      state: 'needs_picture',
    });
    return;
  }
  const sent: ProductContent = { ...draft, ean: row.ean, pictureUrls: [pictureUrl], category };
  await ctx.marketplace.sendProductContent!(row.channel, sent);
  await updateContent(key.db, key.account, key.ean, {
    ...erpCategory,
    category_id: category.id,
    category_name: category.name,
    refusals: [],
    state: 'sent',
    sent: true,
  });
  ctx.counts.updated += 1;
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
    const status = await ctx.marketplace.productContentState!(row.channel, row.ean);
    const key = [ctx.db, ctx.account.id, row.ean] as const;
    switch (status.state) {
      case 'processing':
        await updateContent(...key, { checked: true });
        return;
      case 'none':
        await updateContent(...key, { state: 'queued', checked: true });
        return;
      case 'live':
        await updateContent(...key, { state: 'live', refusals: [], checked: true, live: true });
        await ctx.issues.resolve(PRODUCT_CONTENT_REFUSED, [row.sku]);
        ctx.counts.created += 1;
        return;
      case 'refused':
        await updateContent(...key, { state: 'refused', refusals: status.refusals, checked: true });
        await raiseRefused(ctx, names, row, status.refusals);
        ctx.counts.failed += 1;
        return;
    }
  });
  // One product's failed status read does not hold back the others' (a refusal never blocks other products).
  await runIndependentPhases(phases);
}
