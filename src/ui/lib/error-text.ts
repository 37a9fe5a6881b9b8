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

/** A message under one input: by the error's code where the catalogue knows it, else the server's. */
export function fieldMessage(
  error: ApiError,
  field: FieldError,
  language: string = currentLanguage(),
): string {
  return translated(`field.${error.code}`, language) ?? field.message;
}

function translated(key: string, language: string): string | undefined {
  if (language === 'en') return undefined;
  return i18n.exists(key, { ns: 'errors', lng: language })
    ? i18n.t(key, { ns: 'errors', lng: language })
    : undefined;
}
