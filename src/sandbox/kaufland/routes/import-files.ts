import { z } from 'zod';
import { parseJsonBody, validateBody } from '../body.ts';
import type { ApiContext, ControlContext } from '../context.ts';
import { fieldError, notFound } from '../errors.ts';
import { ok, page } from '../http-io.ts';
import { addInventoryFeed, importFileBook, importFileView } from '../import-files.ts';
import { idParam, pagingParams, storefrontParam } from '../query.ts';
import type { Router } from '../router.ts';

const STATUSES = new Set([
  'NEW',
  'DOWNLOADING',
  'DOWNLOADED',
  'DOWNLOADING_FAILED',
  'PENDING_CONVERSION',
  'CONVERTING',
  'CONVERSION_FAILED',
  'PREPARING',
  'PREPARED',
  'PREPARING_FAILED',
  'CHECKING',
  'CHECKED',
  'CHECKING_FAILED',
  'PREPROCESSING',
  'PREPROCESSED',
  'PREPROCESSING_FAILED',
  'IMPORTING',
  'IMPORTED',
  'IMPORTING_FAILED',
  'IMPORTING_STOPPED',
  'ABORTED',
]);
const SORTS = ['id:asc', 'id:desc', 'ts_created:asc', 'ts_created:desc'] as const;

const addSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL Kaufland can download' }).max(2048),
});
const settingsSchema = z.strictObject({
  import_ms: z.int().min(0).max(3_600_000).optional(),
  reject_files: z.boolean().optional(),
});

/** /v2/import-files/inventory-feed per the 2.27.0 spec: add a file URL, list the storefront's files, get one. */
export function importFileRoutes(router: Router<ApiContext>): void {
  router.add('POST', '/v2/import-files/inventory-feed', (ctx) => {
    const storefront = storefrontParam(ctx.query, ctx.seller, true);
    const { url } = validateBody(addSchema, parseJsonBody(ctx.rawBody));
    return ok(importFileView(addInventoryFeed(ctx.core, ctx.seller, storefront, url)), 201);
  });
  router.add('GET', '/v2/import-files/inventory-feed', (ctx) => {
    const storefront = storefrontParam(ctx.query, ctx.seller, true);
    const paging = pagingParams(ctx.query, { min: 0, max: 30 });
    const status = ctx.query.get('status');
    if (status !== null && status !== '' && !STATUSES.has(status))
      throw fieldError('status', `"${status}" is not an import status`);
    const sort = ctx.query.get('sort') ?? 'id:asc';
    if (!(SORTS as readonly string[]).includes(sort))
      throw fieldError('sort', `must be one of ${SORTS.join(', ')}`);
    const files = [...importFileBook(ctx.store).files.values()].filter(
      (f) =>
        f.id_seller === ctx.seller.id_seller &&
        f.storefront === storefront &&
        (!status || f.status === status),
    );
    // Ids grow with creation time, so both sorts are the same order.
    if (sort.endsWith(':desc')) files.reverse();
    return page(files, paging, importFileView);
  });
  router.add('GET', '/v2/import-files/inventory-feed/{id_import_file}', (ctx, params) => {
    const storefront = storefrontParam(ctx.query, ctx.seller, true);
    const id = idParam(params, 'id_import_file');
    const file = importFileBook(ctx.store).files.get(id);
    if (!file || file.id_seller !== ctx.seller.id_seller || file.storefront !== storefront)
      throw notFound(`Import file ${id} not found`);
    return ok(importFileView(file));
  });
}

/** /_sandbox: every file with its row errors and download count; the import time and whole-file refusals. */
export function importFileControlRoutes(router: Router<ControlContext>): void {
  router.add('GET', '/_sandbox/import-files', ({ store }) => {
    const book = importFileBook(store);
    return ok({
      settings: book.settings,
      files: [...book.files.values()].map((f) => ({
        ...importFileView(f),
        id_seller: f.id_seller,
        client_key: store.sellers.get(f.id_seller)?.client_key ?? '',
        downloads: f.downloads,
        row_errors: f.row_errors,
      })),
    });
  });
  router.add('POST', '/_sandbox/import-settings', ({ store, rawBody }) => {
    const book = importFileBook(store);
    book.settings = { ...book.settings, ...validateBody(settingsSchema, parseJsonBody(rawBody)) };
    return ok(book.settings);
  });
}
