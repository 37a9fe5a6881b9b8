import type { Issue } from '../dashboard-types.ts';
import { currentLanguage, i18n } from '../i18n/index.ts';
import { issueSentence, issueWordsWith } from './issue-sentence.ts';

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

/**
 * An issue's message and hint in the reader's language: the `issueTexts` sentence for its code, filled with the
 * subject and the details its producer wrote. The server's English sentence stays when the catalogue has no
 * sentence for the code or a value it needs is missing (an issue raised before its producer wrote that detail).
 */
export function issueWords(
  issue: IssueWordsInput,
  language: string = currentLanguage(),
): { message: string; hint: string | null } {
  return issueWordsWith(i18n, issue, language);
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
  return issueSentence(i18n, issue, 'hold', language) ?? order.holdReason;
}
