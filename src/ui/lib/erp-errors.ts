import { ApiError } from '../api.ts';
import { currentLanguage, i18n } from '../i18n/index.ts';
import { toFormFailure, type FieldMessages, type FormFailure } from './form-errors.ts';

export type ErpAction = 'connect' | 'update-key' | 'verify' | 'settings';

interface Explanation {
  tone: 'error' | 'warning';
  /** Said after the outcome: "Not connected: …" (a key of the `erp` catalogue's `failure` group). */
  what: string;
  hint?: string;
}

const say = (key: string) => i18n.t(key, { ns: 'erp' });

const UNREACHABLE: Explanation = { tone: 'warning', what: 'unreachable', hint: 'unreachableHint' };

/** The server's message says what happened; this adds a title and the one thing to do about it. */
function explain(error: ApiError, action: ErpAction): Explanation | undefined {
  switch (error.code) {
    case 'odoo.auth_failed':
      return {
        tone: 'error',
        what: 'authFailed',
        hint: action === 'update-key' ? 'authFailedHintKey' : 'authFailedHint',
      };
    case 'odoo.unknown_database':
      return { tone: 'error', what: 'unknownDatabase', hint: 'unknownDatabaseHint' };
    case 'odoo.access_denied':
      return { tone: 'error', what: 'accessDenied', hint: 'accessDeniedHint' };
    case 'odoo.not_odoo':
      return { tone: 'error', what: 'notOdoo', hint: 'notOdooHint' };
    case 'odoo.unreachable':
    case 'odoo.timeout':
      return UNREACHABLE;
    case 'erp.already_connected':
      return { tone: 'error', what: 'alreadyConnected', hint: 'alreadyConnectedHint' };
    case 'network':
      return { tone: 'warning', what: 'network' };
  }
  if (error.status >= 502 && error.status <= 504) {
    return { tone: 'warning', what: 'serverError', hint: 'serverErrorHint' };
  }
  return undefined;
}

/**
 * The server speaks English. On an English screen its sentences stand (they may name the missing right); in
 * another language the catalogue's sentence for the error code or the input replaces them where there is one.
 */
function translated(key: string): string | undefined {
  if (currentLanguage() === 'en' || !i18n.exists(key, { ns: 'erp' })) return undefined;
  return say(key);
}

/** A field's message is replaced only when it is the very sentence the catalogue knows in English for it. */
function translatedFields(fields: FieldMessages): FieldMessages {
  return Object.fromEntries(
    Object.entries(fields).map(([name, message]) => {
      const key = `fieldMessage.${name}`;
      const known = message === i18n.t(key, { ns: 'erp', lng: 'en' });
      return [name, (known && translated(key)) || message];
    }),
  );
}

/** Like toFormFailure, with a title and a "what to do" line per ERP error code, in the language on screen. */
export function toErpFailure(error: unknown, shownFields: readonly string[], action: ErpAction): FormFailure {
  const failure = toFormFailure(error, shownFields);
  const fields = translatedFields(failure.fields);
  if (!failure.form || !(error instanceof ApiError)) return { ...failure, fields };
  const outcome = say(`failure.outcome.${action}`);
  const message = translated(`serverMessage.${error.code}`) ?? failure.form.message;
  const explained = explain(error, action);
  if (!explained) return { fields, form: { ...failure.form, title: outcome, message } };
  return {
    fields,
    form: {
      tone: explained.tone,
      title: i18n.t('failure.titled', { ns: 'erp', outcome, what: say(`failure.${explained.what}`) }),
      message,
      ...(explained.hint !== undefined && { hint: say(`failure.${explained.hint}`) }),
    },
  };
}
