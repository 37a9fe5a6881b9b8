import { intlLocale } from '../i18n/language.ts';

const formats = new Map<string, Intl.NumberFormat>();

function formatFor(currency: string, language: string): Intl.NumberFormat {
  const key = `${language}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    const locale = intlLocale(language);
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      // Not an ISO currency code: show the number with two decimals and the code as it came.
      format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    formats.set(key, format);
  }
  return format;
}

/**
 * Integer minor units → "12,99 €" / "349,00 CZK" in German, "€12.99" / "CZK 349.00" in English: the app's
 * language decides how it is written, the storefront's currency what it is. The number of minor digits comes
 * from the currency (2 for EUR and CZK, 0 for JPY), so a total is never shown 100 times too large. No app state
 * here: the alert e-mails format with it on the server too.
 */
export function formatMoneyIn(minor: number, currency: string, language: string): string {
  const format = formatFor(currency, language);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const text = format.format(minor / 10 ** digits);
  return format.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
}
