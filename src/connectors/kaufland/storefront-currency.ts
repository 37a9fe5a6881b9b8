import { currencySchema, storefrontSchema } from './schemas/common.ts';

/** Kaufland's money is integer cents of the storefront's currency (reference/kaufland/NOTES.md). */
const CURRENCY: Record<(typeof storefrontSchema.options)[number], (typeof currencySchema.options)[number]> = {
  de: 'EUR',
  at: 'EUR',
  sk: 'EUR',
  fr: 'EUR',
  it: 'EUR',
  cz: 'CZK',
  pl: 'PLN',
};

export function storefrontCurrency(channel: string): string | undefined {
  const parsed = storefrontSchema.safeParse(channel.trim().toLowerCase());
  return parsed.success ? CURRENCY[parsed.data] : undefined;
}
