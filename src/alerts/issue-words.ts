import i18next from 'i18next';
import deErrors from '../ui/i18n/locales/de/errors.json' with { type: 'json' };
import deIssueTexts from '../ui/i18n/locales/de/issueTexts.json' with { type: 'json' };
import deLabels from '../ui/i18n/locales/de/labels.json' with { type: 'json' };
import enErrors from '../ui/i18n/locales/en/errors.json' with { type: 'json' };
import enIssueTexts from '../ui/i18n/locales/en/issueTexts.json' with { type: 'json' };
import enLabels from '../ui/i18n/locales/en/labels.json' with { type: 'json' };
import { issueWordsWith, type IssueFacts } from '../ui/lib/issue-sentence.ts';
import type { AlertLanguage } from './catalog.ts';

/*
 * Alerts say an issue in the words the web app uses for it: the same catalogue files (src/ui/i18n/locales) and
 * the same filling (ui/lib/issue-sentence.ts), through an i18next instance of their own on the server.
 */
const catalogue = i18next.createInstance();
void catalogue.init({
  resources: {
    de: { issueTexts: deIssueTexts, labels: deLabels, errors: deErrors },
    en: { issueTexts: enIssueTexts, labels: enLabels, errors: enErrors },
  },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['de', 'en'],
  ns: ['issueTexts', 'labels', 'errors'],
  defaultNS: 'issueTexts',
  // Plain text out (mail body, chat message): nothing to escape.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** An issue's message and hint in the alert language; the issue's own English words when the catalogue lacks them. */
export function issueWordsIn(
  language: AlertLanguage,
  issue: IssueFacts,
): { message: string; hint: string | null } {
  return issueWordsWith(catalogue, issue, language);
}
