import { ApiError } from '../api.ts';
import { toFormFailure, type FormFailure } from './form-errors.ts';

export type ErpAction = 'connect' | 'update-key' | 'verify';

const OUTCOME: Record<ErpAction, string> = {
  connect: 'Not connected',
  'update-key': 'Key not saved',
  verify: 'Not verified',
};

interface Explanation {
  tone: 'error' | 'warning';
  /** Said after the outcome: "Not connected: …". */
  what: string;
  hint?: string;
}

const UNREACHABLE: Explanation = {
  tone: 'warning',
  what: 'Odoo could not be reached',
  hint: 'Check the URL, and that Odoo is running and reachable from the computer AdlerDo runs on. Then try again.',
};

/** The server's message says what happened; this adds a title and the one thing to do about it. */
function explain(error: ApiError, action: ErpAction): Explanation | undefined {
  switch (error.code) {
    case 'odoo.auth_failed':
      return {
        tone: 'error',
        what: 'Odoo refused the sign-in',
        hint:
          action === 'update-key'
            ? 'The stored key stays in use. Check the login and paste the new key again.'
            : 'Check the login (often an email address) and paste the key again. Lost the key? Create a new one in Odoo under Preferences → Account Security → New API Key.',
      };
    case 'odoo.unknown_database':
      return {
        tone: 'error',
        what: 'no such database',
        hint: 'Database names must match exactly. On Odoo Online it is usually the first part of the address: mycompany for mycompany.odoo.com.',
      };
    case 'odoo.access_denied':
      return {
        tone: 'error',
        what: 'the Odoo user lacks access rights',
        hint: 'In Odoo, open Settings → Users & Companies → Users and give this user Inventory and Sales rights, or connect as a user who has them.',
      };
    case 'odoo.not_odoo':
      return {
        tone: 'error',
        what: 'no Odoo at this address',
        hint: 'Enter the address you open Odoo with in the browser, without /web or /odoo at the end, e.g. https://mycompany.odoo.com.',
      };
    case 'odoo.unreachable':
    case 'odoo.timeout':
      return UNREACHABLE;
    case 'erp.already_connected':
      return {
        tone: 'error',
        what: 'an ERP is already connected',
        hint: 'Reload the page to see it. To connect a different one, disconnect it there first.',
      };
    case 'network':
      return { tone: 'warning', what: 'AdlerDo could not be reached' };
  }
  if (error.status >= 502 && error.status <= 504) {
    return { tone: 'warning', what: 'Odoo answered with an error', hint: 'Try again in a moment.' };
  }
  return undefined;
}

/** Like toFormFailure, with a title and a "what to do" line per ERP error code. */
export function toErpFailure(error: unknown, shownFields: readonly string[], action: ErpAction): FormFailure {
  const failure = toFormFailure(error, shownFields);
  if (!failure.form || !(error instanceof ApiError)) return failure;
  const explained = explain(error, action);
  if (!explained) return { ...failure, form: { ...failure.form, title: OUTCOME[action] } };
  return {
    ...failure,
    form: {
      tone: explained.tone,
      title: `${OUTCOME[action]}: ${explained.what}`,
      message: failure.form.message,
      ...(explained.hint !== undefined && { hint: explained.hint }),
    },
  };
}
