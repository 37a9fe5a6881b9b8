import type { Issue } from '../dashboard-types.ts';
import { currentLanguage, i18n, intlLocale } from '../i18n/index.ts';
import { isLanguage } from '../i18n/language.ts';
import { stepName } from './labels.ts';
import { formatMoney } from './money.ts';

/**
 * What the seller reads for an issue code: a plain title and, for issues that stop syncing, the one action that
 * leads to the fix. Codes stay in the JSON API and the logs, never on screen. The words live in the
 * `issueCodes` catalogue (locales/<lang>/issueCodes.json, keyed by code); where each action leads is here.
 */
export interface IssueAction {
  label: string;
  to: string;
}

const keysOf = (issue: Issue) => `/accounts?keys=${encodeURIComponent(issue.accountId ?? '')}`;

const ACTION_TARGETS: Record<string, (issue: Issue) => string> = {
  'account.credentials_invalid': keysOf,
  'secrets.unreadable': keysOf,
  'erp.refusing': () => '/erp',
  'erp.unreachable': () => '/erp',
  'sync.step_failing': (issue) => `/runs?account=${encodeURIComponent(issue.accountId ?? '')}`,
  'orders.held_too_long': () => '/orders?state=held',
  // The order's own page: its timeline says what was sent and what came back.
  'shipment.rejected': (issue) =>
    issue.orderId ? `/orders/${issue.orderId}` : `/orders?q=${encodeURIComponent(issue.subject)}`,
  'shipment.carrier_unmapped': (issue) =>
    `/carriers?account=${encodeURIComponent(issue.accountId ?? '')}&carrier=${encodeURIComponent(issue.subject)}`,
};

/** The title for an issue's code (a general one for codes not in the catalogue yet) and its action, if any. */
export function issueText(
  issue: Issue,
  language: string = currentLanguage(),
): { title: string; action?: IssueAction } {
  const t = i18n.getFixedT(language, 'issueCodes');
  const known = i18n.exists(`${issue.code}.title`, { ns: 'issueCodes', lng: language });
  const title = known
    ? t(`${issue.code}.title`)
    : t(issue.attention ? 'fallback.attention' : 'fallback.held');
  const target = ACTION_TARGETS[issue.code];
  return {
    title,
    action: target && {
      label: t(`${issue.code}.action`, { carrier: issue.subject }),
      to: target(issue),
    },
  };
}

/** What an issue's message and hint need: its code, subject and the values its producer wrote into details. */
export type IssueWordsInput = Pick<Issue, 'code' | 'subject' | 'message' | 'hint' | 'details'>;

/** Sentences that differ by a fact in the details (the catalogue key gets `_<variant>`). */
const VARIANTS: Record<string, (details: Record<string, unknown>) => string> = {
  'price.currency_without_rate': (d) => (typeof d.state === 'string' ? d.state : ''),
  'price.rate_held': (d) =>
    typeof d.rate === 'number' && d.rate <= 0 ? 'zero' : d.accepted == null ? 'first' : 'jump',
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
  key: string,
  value: unknown,
  details: Record<string, unknown>,
  language: string,
): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'number') {
    const currency = MONEY[key]?.map((k) => details[k]).find((c): c is string => typeof c === 'string');
    if (currency) return formatMoney(value, currency, language);
    return new Intl.NumberFormat(intlLocale(isLanguage(language) ? language : 'en')).format(value);
  }
  if (typeof value !== 'string') return JSON.stringify(value);
  if (key === 'step') return stepName(value);
  if (key === 'channel') return value.toUpperCase(); // the storefront, as the marketplace writes it
  return value;
}

/** One sentence of a code (`message`, `hint`, `hold`), filled; undefined when unknown or a value is missing. */
function sentence(
  issue: Pick<Issue, 'code' | 'subject' | 'details'>,
  field: string,
  language: string,
): string | undefined {
  const details = issue.details ?? {};
  const values: Record<string, string> = { subject: issue.subject };
  for (const [key, value] of Object.entries(details)) {
    const text = shown(key, value, details, language);
    if (text !== undefined) values[key] = text;
  }
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
 * An issue's message and hint in the reader's language: the `issueTexts` sentence for its code, filled with the
 * subject and the details its producer wrote. The server's English sentence stays when the catalogue has no
 * sentence for the code or a value it needs is missing (an issue raised before its producer wrote that detail).
 */
export function issueWords(
  issue: IssueWordsInput,
  language: string = currentLanguage(),
): { message: string; hint: string | null } {
  const message = sentence(issue, 'message', language);
  if (message === undefined) return { message: issue.message, hint: issue.hint };
  return { message, hint: sentence(issue, 'hint', language) ?? issue.hint };
}

/** A held order's reason, short: by the code and details of the issue that holds it, else the stored text. */
export function holdReasonText(
  order: {
    marketplaceOrderId: string;
    holdReason: string | null;
    holdCode?: string | null;
    holdDetails?: Record<string, unknown> | null;
  },
  language: string = currentLanguage(),
): string | null {
  if (!order.holdCode) return order.holdReason;
  const issue = { code: order.holdCode, subject: order.marketplaceOrderId, details: order.holdDetails ?? {} };
  return sentence(issue, 'hold', language) ?? order.holdReason;
}
