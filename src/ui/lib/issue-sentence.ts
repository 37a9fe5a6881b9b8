import type { i18n as I18n } from 'i18next';
import { intlLocale, isLanguage } from '../i18n/language.ts';
import { formatMoneyIn } from './money-format.ts';

/** What an issue's sentences are made from (the dashboard's Issue and the server's issue row both fit). */
export interface IssueFacts {
  code: string;
  subject: string;
  message: string;
  hint: string | null;
  details?: Record<string, unknown> | null;
}

/*
 * An issue's sentences from the `issueTexts` catalogue, filled with its subject and details. Pure (the i18next
 * instance is given): the web app says them with its own instance, the alert e-mails and webhooks
 * (src/alerts/issue-words.ts) with a server-side one over the same catalogue files, so both read alike.
 */

/** Sentences that differ by a fact in the details (the catalogue key gets `_<variant>`). */
const VARIANTS: Record<string, (details: Record<string, unknown>) => string> = {
  'price.currency_without_rate': (d) => (typeof d.state === 'string' ? d.state : ''),
  'price.rate_held': (d) =>
    typeof d.rate === 'number' && d.rate <= 0 ? 'zero' : d.accepted == null ? 'first' : 'jump',
  // Issues opened before the outage's start was recorded have no `since`.
  'erp.unreachable': (d) => (typeof d.since === 'string' ? 'since' : ''),
  // The stage at which the marketplace refused a whole file of new offers.
  'offer.file_refused': (d) => (typeof d.cause === 'string' ? d.cause : 'refused'),
};

/** The detail that picks the singular or plural sentence. */
const COUNTED_BY: Record<string, string> = {
  'orders.held_too_long': 'orders',
  'order.erp_cancelled_after_shipping': 'shipped',
};

/** Amounts in minor units and the detail naming their currency. */
const MONEY: Record<string, readonly string[]> = {
  erpTotal: ['erpCurrency', 'currency'],
  paid: ['currency'],
};

function shown(
  i18n: I18n,
  key: string,
  value: unknown,
  details: Record<string, unknown>,
  language: string,
): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'number') {
    const currency = MONEY[key]?.map((k) => details[k]).find((c): c is string => typeof c === 'string');
    if (currency) return formatMoneyIn(value, currency, language);
    return new Intl.NumberFormat(intlLocale(isLanguage(language) ? language : 'en')).format(value);
  }
  if (typeof value !== 'string') return JSON.stringify(value);
  if (key === 'since' && !Number.isNaN(Date.parse(value)))
    return new Intl.DateTimeFormat(intlLocale(isLanguage(language) ? language : 'en'), {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(value));
  if (key === 'step')
    return i18n.t(`step.${value}.name`, { ns: 'labels', lng: language, defaultValue: value });
  if (key === 'channel') return value.toUpperCase(); // the storefront, as the marketplace writes it
  return value;
}

/**
 * Issues quoting a run's error ("Last error: …") also name its code: outside English the `errors` catalogue's
 * sentence for it replaces the server's English, like the Runs page does (coded-text.ts).
 */
const QUOTES_RUN_ERROR = new Set(['sync.step_failing', 'erp.unreachable']);

function runErrorText(
  i18n: I18n,
  issue: Pick<IssueFacts, 'code' | 'details'>,
  language: string,
): string | undefined {
  const code = issue.details?.code;
  if (language === 'en' || !QUOTES_RUN_ERROR.has(issue.code) || typeof code !== 'string') return undefined;
  const text: unknown = i18n.getResource(language, 'errors', `code.${code}`);
  return typeof text === 'string' ? text : undefined;
}

/** One sentence of a code (`message`, `hint`, `hold`), filled; undefined when unknown or a value is missing. */
export function issueSentence(
  i18n: I18n,
  issue: Pick<IssueFacts, 'code' | 'subject' | 'details'>,
  field: string,
  language: string,
): string | undefined {
  const details = issue.details ?? {};
  const values: Record<string, string> = { subject: issue.subject };
  for (const [key, value] of Object.entries(details)) {
    const text = shown(i18n, key, value, details, language);
    if (text !== undefined) values[key] = text;
  }
  const reason = runErrorText(i18n, issue, language);
  if (reason !== undefined) values.reason = reason;
  const countKey = COUNTED_BY[issue.code];
  const count = countKey ? details[countKey] : undefined;
  const variant = field === 'message' ? VARIANTS[issue.code]?.(details) : undefined;
  const key = `${issue.code}.${field}${variant ? `_${variant}` : ''}`;
  const options = { ns: 'issueTexts', lng: language, ...(typeof count === 'number' ? { count } : {}) };
  if (!i18n.exists(key, options)) return undefined;
  const text = i18n.t(key, { ...options, ...values, interpolation: { escapeValue: false } });
  // A placeholder left unfilled means a value is missing: the server's sentence says it right.
  return text.includes('{{') ? undefined : text;
}

/**
 * An issue's message and hint: the catalogue's sentences, or the server's English ones when the catalogue has
 * no sentence for the code or a value it needs is missing.
 */
export function issueWordsWith(
  i18n: I18n,
  issue: IssueFacts,
  language: string,
): { message: string; hint: string | null } {
  const message = issueSentence(i18n, issue, 'message', language);
  if (message === undefined) return { message: issue.message, hint: issue.hint };
  return { message, hint: issueSentence(i18n, issue, 'hint', language) ?? issue.hint };
}
