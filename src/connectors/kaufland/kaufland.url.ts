import { AppError } from '../../core/errors.ts';

export type QueryScalar = string | number | boolean;
export type QueryValue = QueryScalar | readonly QueryScalar[] | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/** Checks a configured API root (incl. `/v2`) once, up front: a typo should say so, not surface later as "unreachable". */
export function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw invalidBaseUrl(baseUrl);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidBaseUrl(baseUrl);
  if (url.search || url.hash) throw invalidBaseUrl(baseUrl);
  // A bare origin (https://sellerapi.kaufland.com) is a common paste; every v2 path lives under /v2.
  if (url.pathname === '/') url.pathname = '/v2';
  return url;
}

/** Fills `{name}` placeholders of a spec path template with URL-encoded values. */
export function fillPath(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) {
      throw new AppError('bug', 'kaufland.missing_path_param', `No value for {${name}} in ${template}.`);
    }
    return encodeURIComponent(String(value));
  });
}

/**
 * The absolute URL the request goes to AND the string it is signed with: base (incl. `/v2`) + path + query.
 * Values are URL-encoded, arrays repeat the key (`status=a&status=b`, as the spec declares), null/undefined drop.
 * The result goes through WHATWG URL serialisation because fetch sends that form (it would, for instance, turn
 * `'` into `%27`); signing anything else would fail Kaufland's check.
 */
export function buildUrl(base: URL, path: string, query: Query = {}): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values as readonly QueryValue[]) {
      if (item === undefined || item === null) continue;
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`);
    }
  }
  const root = base.href.replace(/\/+$/, '');
  return new URL(`${root}${path}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`).href;
}

function invalidBaseUrl(baseUrl: string): AppError {
  return new AppError(
    'config',
    'kaufland.invalid_base_url',
    `"${baseUrl}" is not a usable Kaufland API address: expected something like https://sellerapi.kaufland.com/v2.`,
    { fields: [{ field: 'baseUrl', message: 'Enter an http(s) address without query string.' }] },
  );
}
