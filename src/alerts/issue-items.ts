import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Config } from '../config/config.ts';
import type { DB } from '../store/schema.ts';
import { ATTENTION, RECONCILED_CODES } from '../sync/attention/attention-codes.ts';
import { issueTextDe, type AlertLanguage } from './catalog.ts';
import type { AlertItem } from './compose.ts';

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

/** An issue in the alert language: English is the issue's own text, German comes from the catalogue. */
export function toAlertItem(
  row: IssueRow,
  language: AlertLanguage,
  config: Pick<Config, 'ADLERDO_ATTENTION_FAILED_RUNS' | 'ADLERDO_ATTENTION_HELD_MINUTES'>,
): AlertItem {
  const german =
    language === 'de'
      ? issueTextDe({
          code: row.code,
          subject: row.subject,
          account: row.account,
          details: row.details ?? {},
          failedRuns: config.ADLERDO_ATTENTION_FAILED_RUNS,
          heldMinutes: config.ADLERDO_ATTENTION_HELD_MINUTES,
        })
      : undefined;
  return german ?? { message: row.message, hint: row.hint };
}
