const formats = new Map<string, Intl.NumberFormat>();
// The reader's own locale ("12,99 €" in German, "€12.99" in English); en-GB where there is no browser.
const locale = typeof navigator === 'undefined' ? 'en-GB' : navigator.language || 'en-GB';

function formatFor(currency: string): Intl.NumberFormat {
  let format = formats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      // Not an ISO currency code: show the number with two decimals and the code as it came.
      format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    formats.set(currency, format);
  }
  return format;
}

/**
 * Integer minor units → "€12.99", "CZK 349.00" (in the reader's locale). The number of minor digits comes from the currency (2 for
 * EUR and CZK, 0 for JPY), so a total is never shown 100 times too large.
 */
export function formatMoney(minor: number, currency: string): string {
  const format = formatFor(currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const text = format.format(minor / 10 ** digits);
  return format.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
}

/** The currency a Kaufland storefront sells in. */
const STOREFRONT_CURRENCY: Record<string, string> = { cz: 'CZK', pl: 'PLN' };

export function storefrontCurrency(channel: string): string {
  return STOREFRONT_CURRENCY[channel] ?? 'EUR';
}
