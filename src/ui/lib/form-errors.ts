import { ApiError } from '../api.ts';
import { i18n } from '../i18n/index.ts';
import { errorMessage, fieldMessage } from './error-text.ts';

export type FieldMessages = Partial<Record<string, string>>;

export interface FormFailure {
  /** Messages to show under the form's own inputs, by the server's field name (e.g. `settings.safetyBuffer`). */
  fields: FieldMessages;
  /** What to show above the submit button; undefined when the field messages say it all. */
  form?: { tone: 'error' | 'warning'; title: string; message: string; hint?: string };
}

/**
 * Splits an API error into messages under inputs and one form-level message. Fields the form does not show
 * (e.g. `type` on a form without a type picker) go into the form-level message so nothing is swallowed.
 */
export function toFormFailure(error: unknown, shownFields: readonly string[]): FormFailure {
  if (!(error instanceof ApiError)) {
    return { fields: {}, form: { tone: 'error', title: say('title.generic'), message: String(error) } };
  }
  const fields: FieldMessages = {};
  const unshown: string[] = [];
  for (const fieldError of error.fields) {
    const { field } = fieldError;
    const message = fieldMessage(error, fieldError);
    // `settings.storefronts.0` belongs under the `settings.storefronts` input.
    const shown = shownFields.find((name) => field === name || field.startsWith(`${name}.`));
    if (shown) fields[shown] ??= message;
    else unshown.push(message);
  }
  if (Object.keys(fields).length > 0 && unshown.length === 0) return { fields };
  const message = unshown.length > 0 ? unshown.join(' ') : errorMessage(error);
  return { fields, form: { ...formTitle(error), message } };
}

function formTitle(error: ApiError): { tone: 'error' | 'warning'; title: string } {
  if (error.code.endsWith('.auth_failed')) return { tone: 'error', title: say('title.keysRejected') };
  if (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504) {
    return { tone: 'warning', title: say('title.unreachable') };
  }
  if (error.status === 404) return { tone: 'error', title: say('title.notFound') };
  return { tone: 'error', title: say('title.notSaved') };
}

const say = (key: string) => i18n.t(key, { ns: 'errors' });

/** The id of a field's input: `add-account-clientId`, `settings-1-settings-priceRule-factor`. */
export function fieldId(formId: string, field: string): string {
  return `${formId}-${field.replace(/[^\w-]/g, '-')}`;
}

/** The id of the element holding a field's message, for aria-describedby. */
export function errorId(formId: string, field: string): string {
  return `${fieldId(formId, field)}-error`;
}
