import { ApiError, type FieldError } from '../api.ts';
import { currentLanguage, i18n } from '../i18n/index.ts';

/**
 * What the seller reads for a server error. The server speaks English and names each error with a code: an
 * English screen shows the server's own sentence (it may name the account or the wait), another language the
 * catalogue's sentence for that code (`errors:code.<code>`), or the server's sentence when the code is new.
 */
export function errorMessage(error: unknown, language: string = currentLanguage()): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  return translated(`code.${error.code}`, language) ?? error.message;
}

/** A message under one input: by the error's code (and field) where the catalogue knows it, else the server's. */
export function fieldMessage(
  error: ApiError,
  field: FieldError,
  language: string = currentLanguage(),
): string {
  return (
    translated(`field.${error.code}.${field.field}`, language) ??
    translated(`field.${error.code}`, language) ??
    field.message
  );
}

function translated(key: string, language: string): string | undefined {
  if (language === 'en') return undefined;
  // Only a sentence counts: a code with per-field entries is a group, not a message.
  const text: unknown = i18n.t(key, { ns: 'errors', lng: language, returnObjects: true, defaultValue: '' });
  return typeof text === 'string' && text !== '' ? text : undefined;
}
