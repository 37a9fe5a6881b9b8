import type { components } from '../../connectors/kaufland/generated/openapi.d.ts';

export type Storefront = components['schemas']['Storefront'];
export type Currency = components['schemas']['Currency'];

export const STOREFRONTS = [
  'de',
  'cz',
  'sk',
  'pl',
  'at',
  'fr',
  'it',
] as const satisfies readonly Storefront[];

interface StorefrontFacts {
  currency: Currency;
  /** Standard VAT rate in percent, shown as `vat` on order units. */
  vat: number;
  /** Highest listing_price in cents: 1 million EUR, 4.5 million PLN; 25 million CZK exceeds int32, so int32 caps it. */
  maxPrice: number;
  /** ISO 3166-1 alpha-2, the sandbox's choice for address `country` (NOTES.md: "ISO-2 expected"). */
  country: string;
}

const INT32_MAX = 2_147_483_647;

export const STOREFRONT_FACTS: Readonly<Record<Storefront, StorefrontFacts>> = {
  de: { currency: 'EUR', vat: 19, maxPrice: 100_000_000, country: 'DE' },
  at: { currency: 'EUR', vat: 20, maxPrice: 100_000_000, country: 'AT' },
  sk: { currency: 'EUR', vat: 23, maxPrice: 100_000_000, country: 'SK' },
  fr: { currency: 'EUR', vat: 20, maxPrice: 100_000_000, country: 'FR' },
  it: { currency: 'EUR', vat: 22, maxPrice: 100_000_000, country: 'IT' },
  cz: { currency: 'CZK', vat: 21, maxPrice: INT32_MAX, country: 'CZ' },
  pl: { currency: 'PLN', vat: 23, maxPrice: 450_000_000, country: 'PL' },
};

export function isStorefront(value: string): value is Storefront {
  return (STOREFRONTS as readonly string[]).includes(value);
}
