import { currentLanguage } from '../i18n/index.ts';
import { formatMoneyIn } from './money-format.ts';

/**
 * Integer minor units → "12,99 €" / "349,00 CZK" in German, "€12.99" / "CZK 349.00" in English: the app's
 * language decides how it is written, the storefront's currency what it is (money-format.ts).
 */
export function formatMoney(minor: number, currency: string, language: string = currentLanguage()): string {
  return formatMoneyIn(minor, currency, language);
}

/** The currency a Kaufland storefront sells in. */
const STOREFRONT_CURRENCY: Record<string, string> = { cz: 'CZK', pl: 'PLN' };

export function storefrontCurrency(channel: string): string {
  return STOREFRONT_CURRENCY[channel] ?? 'EUR';
}
