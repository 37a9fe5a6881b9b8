import { z } from 'zod';

/**
 * PostgreSQL refuses U+0000 in `text` and `jsonb`, so a NUL byte that reached a query made the server answer 500.
 * Every text field of AdlerDo's inputs is built on `text()`: the NUL is refused at the boundary with a sentence.
 */
export const NUL_MESSAGE = 'Remove the NUL character (\\u0000): AdlerDo cannot store it.';

export function hasNoNul(value: string): boolean {
  return !value.includes('\u0000');
}

/** `z.string()` that refuses NUL bytes; chain `.trim()`, `.min()`, `.max()`, `.regex()` as usual. */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(hasNoNul, NUL_MESSAGE);
}

/** An http(s) URL without NUL bytes (the WHATWG parser would percent-encode one in the path, not refuse it). */
export function httpUrl(error: string) {
  return z
    .url({ protocol: /^https?$/, error })
    .max(2000, 'Use at most 2,000 characters.')
    .refine(hasNoNul, NUL_MESSAGE);
}
