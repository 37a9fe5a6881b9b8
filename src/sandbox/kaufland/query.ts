import { fieldError, ProblemError } from './errors.ts';
import type { SellerRecord } from './records.ts';
import { isStorefront, type Storefront } from './storefronts.ts';

/**
 * All values of an array parameter. The spec declares repeated keys (`status=a&status=b`); official examples also
 * use comma lists (`status=a,b`), and PHP clients send `status[]=a`. All three are accepted and may be mixed.
 */
export function arrayParam(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(name), ...query.getAll(`${name}[]`)]
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

export function enumArray<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T[] {
  const values = arrayParam(query, name);
  const wrong = values.find((value) => !(allowed as readonly string[]).includes(value));
  if (wrong !== undefined) throw fieldError(name, `"${wrong}" is not one of ${allowed.join(', ')}`);
  return values as T[];
}

/** Reads `storefront`; it must be a known storefront AND one of the seller's own. */
export function storefrontParam(query: URLSearchParams, seller: SellerRecord, required: true): Storefront;
export function storefrontParam(
  query: URLSearchParams,
  seller: SellerRecord,
  required: false,
): Storefront | undefined;
export function storefrontParam(
  query: URLSearchParams,
  seller: SellerRecord,
  required: boolean,
): Storefront | undefined {
  const value = query.get('storefront');
  if (value === null || value === '') {
    if (required) throw fieldError('storefront', 'is required');
    return undefined;
  }
  if (!isStorefront(value)) throw fieldError('storefront', `"${value}" is not a storefront`);
  if (!seller.storefronts.includes(value)) {
    throw new ProblemError(
      400,
      '/problems/storefront-not-configured',
      `Storefront ${value} is not configured`,
      [{ field: 'storefront', message: 'not configured for this seller' }],
    );
  }
  return value;
}

export interface Paging {
  limit: number;
  offset: number;
}

/** limit defaults to 30 everywhere; the maximum (100 for units/orders/order-units) and minimum come from the spec. */
export function pagingParams(query: URLSearchParams, bounds: { max: number; min: number }): Paging {
  const limit = intParam(query, 'limit', 30, bounds.min, bounds.max);
  const offset = intParam(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  return { limit, offset };
}

function intParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw fieldError(name, 'must be an integer');
  const value = Number(raw);
  if (value < min) throw fieldError(name, `must be greater than or equal to ${min}`);
  if (value > max) throw fieldError(name, `must be less than or equal to ${max}`);
  return value;
}

/** An ISO-8601 date-time filter as epoch ms; the spec asks for `YYYY-MM-ddTHH:mm:ssZ`, any offset form is accepted. */
export function isoParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)
    ? Date.parse(raw)
    : NaN;
  if (Number.isNaN(ms)) throw fieldError(name, 'must be an ISO-8601 date-time, e.g. 2021-07-24T19:26:05Z');
  return ms;
}

/** Path ids are positive integers (int64 in the spec); anything else is a 400, as for any invalid parameter. */
export function idParam(params: Readonly<Record<string, string>>, name: string): number {
  const raw = params[name] ?? '';
  const value = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw fieldError(name, 'must be a positive integer');
  return value;
}
