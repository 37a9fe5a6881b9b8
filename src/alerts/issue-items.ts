import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../store/schema.ts';
import { ATTENTION, RECONCILED_CODES } from '../sync/attention/attention-codes.ts';
import type { AlertLanguage } from './catalog.ts';
import type { AlertItem } from './compose.ts';
import { issueWordsIn } from './issue-words.ts';

/** The attention issues that are alerted: what the reconciler keeps, plus refused shipment confirmations. */
export const ALERT_CODES: string[] = [...RECONCILED_CODES, ATTENTION.shipmentRejected];

export interface IssueRow {
  id: string;
  code: string;
  subject: string;
  message: string;
  hint: string | null;
  details: Record<string, unknown> | null;
  account: string | null;
}

/** Attention issues matching `where` (a condition on sync_issues `i`), oldest first, with their account's name. */
export async function readIssues(db: Kysely<DB>, where: RawBuilder<unknown>, order = sql`i.created_at`) {
  return (
    await sql<IssueRow>`
      SELECT i.id, i.code, i.subject, i.message, i.hint, i.details, a.name AS account
      FROM sync_issues i LEFT JOIN marketplace_accounts a ON a.id = i.account_id
      WHERE i.code = ANY(${ALERT_CODES}) AND ${where} ORDER BY ${order}`.execute(db)
  ).rows;
}

/** An issue in the alert language, in the web app's words for it (issue-words.ts). */
export function toAlertItem(row: IssueRow, language: AlertLanguage): AlertItem {
  return issueWordsIn(language, row);
}
