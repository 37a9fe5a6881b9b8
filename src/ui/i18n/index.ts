import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, intlLocale, isLanguage, STORAGE_KEY, type Language } from './language.ts';
import { NAMESPACES, RESOURCES } from './resources.ts';

function storedChoice(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode, policies): fall back to the browser's languages
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

function markDocument(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = isLanguage(language) ? language : 'en';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: RESOURCES,
  lng: detectLanguage(storedChoice(), browserLanguages()),
  fallbackLng: 'en',
  supportedLngs: ['de', 'en'],
  ns: NAMESPACES,
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  // Catalogues are bundled: init completes synchronously, the first render already has the words.
  initAsync: false,
});
markDocument(i18n.language);
i18n.on('languageChanged', markDocument);

/** The language on screen now ('de' or 'en'). */
export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : 'en';
}

/** The Intl locale of the language on screen ('de-DE' or 'en-GB'). */
export function currentLocale(): string {
  return intlLocale(currentLanguage());
}

/** Switches the app's language and remembers the choice in this browser. */
export function chooseLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered, still switched
  }
  void i18n.changeLanguage(language);
}

export { LANGUAGES, intlLocale, type Language } from './language.ts';
