/** The languages of the web app and how each is written for Intl (dates, numbers, money). */
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const INTL_LOCALE: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

export const STORAGE_KEY = 'adlerdo.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** 'de' → 'de-DE'; anything else → 'en-GB'. */
export function intlLocale(language: string | undefined): string {
  return isLanguage(language) ? INTL_LOCALE[language] : INTL_LOCALE.en;
}

/**
 * The seller's own choice (remembered in the browser) wins; else the browser's languages in their order, the
 * first German or English one; else English.
 */
export function detectLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
