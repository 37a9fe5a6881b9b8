import { currentLanguage, i18n } from '../i18n/index.ts';

/**
 * A sentence the server stored with an error code (a run's error, an offer's refusal): in English the server's
 * own words (they may name the SKU or the wait), in another language the `errors:code.<code>` sentence when the
 * catalogue has one, else the server's words. Same rule as error-text.ts, for codes that arrive as data.
 */
export function codedText(
  code: string | null | undefined,
  message: string,
  language: string = currentLanguage(),
): string {
  if (!code || language === 'en') return message;
  // Only a sentence counts: `code.kaufland` alone is a group of sentences, not one.
  const text: unknown = i18n.getResource(language, 'errors', `code.${code}`);
  return typeof text === 'string' ? text : message;
}
