import { z } from 'zod';
import { parseJsonBody, validateBody } from '../body.ts';
import { decideCategories } from '../categories.ts';
import type { ApiContext, ControlContext } from '../context.ts';
import { fieldError } from '../errors.ts';
import { noContent, ok, type SandboxResponse } from '../http-io.ts';
import {
  catalogueProduct,
  productDataBook,
  putProductData,
  recordKey,
  statusView,
  type ProductDataRecord,
} from '../product-data.ts';
import { storefrontParam } from '../query.ts';
import type { Router } from '../router.ts';
import { productView } from '../views.ts';
import { releaseUnit } from '../waiting-units.ts';

/** Locale (spec `Locale`) for product data; /categories/decide also takes en-US and zh-CN (`ProductDataLocale`). */
const LOCALES = ['de-DE', 'cs-CZ', 'sk-SK', 'de-AT', 'pl-PL', 'fr-FR', 'it-IT'] as const;
const DECIDE_LOCALES = [...LOCALES, 'en-US', 'zh-CN'] as const;
const EAN = /^\d{8,15}$/;

const productDataSchema = z.strictObject({
  ean: z.array(z.string().regex(EAN, 'must be 8 to 15 digits')).min(1, 'at least one EAN'),
  attributes: z.record(z.string(), z.unknown()),
});

const decideSchema = z.strictObject({
  item: z.strictObject({ title: z.string(), description: z.string(), manufacturer: z.string() }),
  price: z.number(),
});

const catalogueSchema = z.strictObject({
  unknown_eans: z.array(z.string().regex(EAN, 'must be 8 to 15 digits')).max(10_000).default([]),
  /** EANs whose product data PUT is refused outright (400), whatever the locale. */
  refused_eans: z.array(z.string().regex(EAN, 'must be 8 to 15 digits')).max(10_000).default([]),
});

function localeParam(
  query: URLSearchParams,
  allowed: readonly string[],
  required: boolean,
): string | undefined {
  const value = query.get('locale');
  if (value === null || value === '') {
    if (required) throw fieldError('locale', 'is required');
    return undefined;
  }
  if (!allowed.includes(value)) throw fieldError('locale', `must be one of ${allowed.join(', ')}`);
  return value;
}

/** These operations' 404 is the spec's NotFoundResponse: a message alone. */
const missing = (message: string): SandboxResponse => ({ status: 404, body: { message } });

function own(ctx: ApiContext, ean: string, locale: string): ProductDataRecord | undefined {
  return productDataBook(ctx.store).records.get(recordKey(ctx.seller.id_seller, ean, locale));
}

/** PUT /product-data, GET /product-data/status/{ean}, GET /product-data/{ean}, POST /categories/decide. */
export function productDataRoutes(router: Router<ApiContext>): void {
  router.add('PUT', '/v2/product-data', (ctx) => {
    const locale = localeParam(ctx.query, LOCALES, true)!;
    const input = validateBody(productDataSchema, parseJsonBody(ctx.rawBody));
    const refused = input.ean.find((ean) => productDataBook(ctx.store).refusedEans.has(ean));
    if (refused !== undefined)
      throw fieldError(
        'ean',
        `product data for EAN ${refused} is not accepted (sandbox setting refused_eans)`,
      );
    putProductData(ctx.core, ctx.seller, input, locale, releaseUnit);
    return ok([]);
  });
  router.add('GET', '/v2/product-data/status/{ean}', (ctx, params) => {
    const locale = localeParam(ctx.query, LOCALES, true)!;
    const found = own(ctx, params.ean ?? '', locale);
    return found ? ok(statusView(found)) : missing(`No product data for EAN ${params.ean}`);
  });
  router.add('GET', '/v2/product-data/{ean}', (ctx, params) => {
    const locale = localeParam(ctx.query, LOCALES, true)!;
    const found = own(ctx, params.ean ?? '', locale);
    if (!found) return missing(`No product data for EAN ${params.ean}`);
    return ok({ ean: [found.ean], attributes: found.attributes });
  });
  router.add('GET', '/v2/products/ean/{ean}', (ctx, params) => {
    const storefront = storefrontParam(ctx.query, ctx.seller, true);
    const product = catalogueProduct(ctx.store, params.ean ?? '');
    if (!product) return missing('Product not found');
    return ok(productView(product, storefront));
  });
  router.add('POST', '/v2/categories/decide', (ctx) => {
    storefrontParam(ctx.query, ctx.seller, true);
    localeParam(ctx.query, DECIDE_LOCALES, false);
    const { item } = validateBody(decideSchema, parseJsonBody(ctx.rawBody));
    const data = decideCategories(`${item.title} ${item.description}`);
    return { status: 200, body: { data, pagination: { offset: 0, limit: data.length, total: data.length } } };
  });
}

/** /_sandbox/catalogue: EANs the catalogue is to treat as new; what product data and held units it has. */
export function catalogueControlRoutes(router: Router<ControlContext>): void {
  router.add('POST', '/_sandbox/catalogue', ({ store, rawBody }) => {
    const { unknown_eans, refused_eans } = validateBody(catalogueSchema, parseJsonBody(rawBody));
    const book = productDataBook(store);
    for (const ean of unknown_eans) book.unknownEans.add(ean);
    for (const ean of refused_eans) book.refusedEans.add(ean);
    return noContent();
  });
  router.add('GET', '/_sandbox/catalogue', ({ store }) => {
    const book = productDataBook(store);
    return ok({
      unknown_eans: [...book.unknownEans],
      refused_eans: [...book.refusedEans],
      product_data: [...book.records.values()].map((record) => ({
        id_seller: record.id_seller,
        ean: record.ean,
        locale: record.locale,
        attributes: record.attributes,
        status: statusView(record),
      })),
      waiting_units: book.waiting.map((unit) => ({
        id_seller: unit.id_seller,
        storefront: unit.storefront,
        ean: unit.ean,
        id_offer: unit.input.id_offer,
      })),
    });
  });
}
