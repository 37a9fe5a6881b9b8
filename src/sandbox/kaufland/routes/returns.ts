import { parseJsonBody, validateBody } from '../body.ts';
import type { ApiContext } from '../context.ts';
import { fieldError } from '../errors.ts';
import { ok, page, type SandboxResponse } from '../http-io.ts';
import { enumArray, idParam, isoParam, pagingParams, storefrontParam } from '../query.ts';
import type { ReturnStatus } from '../records.ts';
import { extendReturn, findReturn, initializeReturnSchema, startReturn } from '../returns.ts';
import { initializedReturnView, returnDetailsView, returnView, type ReturnEmbed } from '../return-views.ts';
import type { Router } from '../router.ts';
import { FULFILLMENT_TYPES } from './orders.ts';

export const RETURN_SORTS = ['ts_created:desc', 'ts_updated:desc'] as const;
const RETURN_STATUSES = [
  'return_requested',
  'label_generated',
  'package_sent',
  'package_received',
  'label_deleted',
] as const satisfies readonly ReturnStatus[];
const RETURN_EMBEDS = ['buyer', 'return_units'] as const satisfies readonly ReturnEmbed[];

export function returnRoutes(router: Router<ApiContext>): void {
  router.add('GET', '/v2/returns', listReturns);
  // Seller-initiated: the sandbox plays a seller with Kaufland's return service, so it is always allowed.
  router.add('POST', '/v2/returns', (ctx) => {
    const lines = validateBody(initializeReturnSchema, parseJsonBody(ctx.rawBody));
    const record = startReturn(ctx.store, ctx.seller, lines);
    return ok(initializedReturnView(ctx.store, record), 201);
  });
  router.add('GET', '/v2/returns/{id_return}', (ctx, params) => {
    const embedded = enumArray(ctx.query, 'embedded', RETURN_EMBEDS);
    const record = findReturn(ctx.store, ctx.seller, idParam(params, 'id_return'));
    return ok(returnDetailsView(ctx.store, record, embedded));
  });
  router.add('PUT', '/v2/returns/{id_return}', (ctx, params) => {
    const lines = validateBody(initializeReturnSchema, parseJsonBody(ctx.rawBody));
    const record = findReturn(ctx.store, ctx.seller, idParam(params, 'id_return'));
    return ok(initializedReturnView(ctx.store, extendReturn(ctx.store, ctx.seller, record, lines)), 201);
  });
}

export function sortParam(query: URLSearchParams): (typeof RETURN_SORTS)[number] {
  const sort = query.get('sort') ?? 'ts_created:desc';
  const known = RETURN_SORTS.find((candidate) => candidate === sort);
  if (known === undefined) throw fieldError('sort', `must be one of ${RETURN_SORTS.join(', ')}`);
  return known;
}

/** Newest first by creation or last change; `*_from_iso` filters include their second. */
function listReturns(ctx: ApiContext): SandboxResponse {
  const storefront = storefrontParam(ctx.query, ctx.seller, false);
  const createdFrom = isoParam(ctx.query, 'ts_created_from_iso');
  const updatedFrom = isoParam(ctx.query, 'ts_updated_from_iso');
  const trackingCode = ctx.query.get('tracking_code');
  const statuses = enumArray(ctx.query, 'status', RETURN_STATUSES);
  const fulfillment = enumArray(ctx.query, 'fulfillment_type', FULFILLMENT_TYPES);
  const key = sortParam(ctx.query) === 'ts_updated:desc' ? 'ts_updated_iso' : 'ts_created_iso';
  const paging = pagingParams(ctx.query, { min: 1, max: 100 });
  const merchantWanted = fulfillment.length === 0 || fulfillment.includes('fulfilled_by_merchant');
  const returns = [...ctx.store.returns.values()]
    .filter((record) => record.id_seller === ctx.seller.id_seller && merchantWanted)
    .filter((record) => storefront === undefined || record.storefront === storefront)
    .filter((record) => statuses.length === 0 || statuses.includes(record.status))
    .filter((record) => trackingCode === null || record.tracking_code === trackingCode)
    .filter((record) => createdFrom === undefined || Date.parse(record.ts_created_iso) >= createdFrom)
    .filter((record) => updatedFrom === undefined || Date.parse(record.ts_updated_iso) >= updatedFrom)
    .sort((a, b) => b[key].localeCompare(a[key]) || b.id_return - a.id_return);
  return page(returns, paging, returnView);
}
