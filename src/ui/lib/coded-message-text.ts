import type { CodedMessage } from '../../core/coded-message.ts';
import { currentLanguage, i18n } from '../i18n/index.ts';

/**
 * A sentence the server sent as code + values (core/coded-message.ts), said from the `errors` catalogue
 * (`code.<code>`) in the language asked for, with the values filled in. `values` replaces the server's where a
 * caller formats them first (money in the reader's locale). A code the catalogue does not have (a newer server,
 * a row stored before codes) is shown as the server wrote it.
 */
export function codedMessageText(
  note: CodedMessage,
  language: string = currentLanguage(),
  values: Record<string, string | number> = note.values,
): string {
  const key = `code.${note.code}`;
  // Only a sentence counts: `code.push` alone is a group of sentences, not one.
  if (typeof i18n.getResource(language, 'errors', key) !== 'string') return note.message;
  return i18n.t(key, { ns: 'errors', lng: language, ...values });
}

/** An error's code as the reader's sentence: the catalogue's in their language, else the server's words. */
export function causeText(code: string, serverWords: string, language: string): string {
  if (language === 'en') return serverWords; // the server's own English names what exactly went wrong
  const text: unknown = i18n.getResource(language, 'errors', `code.${code}`);
  return typeof text === 'string' ? text : serverWords;
}
