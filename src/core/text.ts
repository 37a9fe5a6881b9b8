import { z } from 'zod';

/**
 * PostgreSQL refuses U+0000 in `text` and `jsonb`, and `jsonb` refuses a lone UTF-16 surrogate (`"\\ud800"`, which
 * JSON may spell), so such a value that reached a query made the server answer 500. Every text field of
 * AdlerDo's inputs is built on `text()`: these characters are refused at the boundary with a sentence.
 */
export const NUL_MESSAGE = 'Remove the NUL character (\\u0000): AdlerDo cannot store it.';
export const SURROGATE_MESSAGE =
  'Remove the broken character (an unpaired UTF-16 surrogate, \\ud800–\\udfff): AdlerDo cannot store it.';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasNoNul(value: string): boolean {
  return !value.includes('\u0000');
}

export function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** `z.string()` that PostgreSQL can store; chain `.trim()`, `.min()`, `.max()`, `.regex()` as usual. */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(hasNoNul, NUL_MESSAGE).refine(isWellFormed, SURROGATE_MESSAGE);
}

/** An http(s) URL without NUL bytes (the WHATWG parser would percent-encode one in the path, not refuse it). */
export function httpUrl(error: string) {
  return z
    .url({ protocol: /^https?$/, error })
    .max(2000, 'Use at most 2,000 characters.')
    .refine(hasNoNul, NUL_MESSAGE)
    .refine(isWellFormed, SURROGATE_MESSAGE);
}
