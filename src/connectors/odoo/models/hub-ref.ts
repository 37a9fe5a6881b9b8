/**
 * The hub's reference on a record it made (a return receipt's `origin`, a credit note's `ref`), as a "[ref]"
 * suffix: Odoo has no free field for it on either, and the suffix keeps Odoo's own text readable. Found again
 * with `ilike`, then compared exactly (ilike treats `_` and `%` as wildcards).
 */
export const withHubRef = (text: string, ref: string): string => `${text} [${ref}]`;

/** The reference a text ends with, or null (a record made in Odoo itself). */
export function hubRefOf(text: string | null): string | null {
  const match = text?.match(/\[([^[\]]+)\]\s*$/);
  return match?.[1] ?? null;
}

export const hubRefDomain = (field: string, ref: string): unknown[] => [field, 'ilike', `[${ref}]`];
