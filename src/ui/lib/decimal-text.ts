import { currentLanguage } from '../i18n/index.ts';

/**
 * A number as the seller types it into an input: "1,15" in German, "1.15" in English, no thousands separators
 * (the drafts' parsers read either separator back).
 */
export function decimalText(value: number, digits?: number, language: string = currentLanguage()): string {
  const text = digits === undefined ? String(value) : value.toFixed(digits);
  return language === 'de' ? text.replace('.', ',') : text;
}
