import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../store/schema.ts';
import type { Step } from './steps.ts';
import { isAttention } from './attention/attention-codes.ts';

export interface IssueInput {
  accountId: string | null;
  step: Step;
  /** Stable, e.g. `sku.not_in_erp`. */
  code: string;
  /** What it is about, e.g. the SKU or the order id; one open issue per (account, code, subject). */
  subject: string;
  /** The cause in plain words. */
  message: string;
  /** What the seller can do about it. */
  hint?: string;
  details?: Record<string, unknown>;
}

export interface IssueRecord {
  id: string;
  accountId: string | null;
  step: string;
  code: string;
  subject: string;
  message: string;
  hint: string | null;
  details: Record<string, unknown>;
  occurrences: number;
  createdAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  /** The hub's order an order or shipment issue is about, so its link opens that order's timeline. */
  orderId: string | null;
  /** Syncing has stopped until someone acts (src/sync/attention): counted and shown first. */
  attention: boolean;
}

/** Opens the issue, or counts one more occurrence of the open one. */
export async function raiseIssue(db: Kysely<DB>, issue: IssueInput): Promise<void> {
  await sql`
    INSERT INTO sync_issues (account_id, step, code, subject, message, hint, details)
    VALUES (${issue.accountId}, ${issue.step}, ${issue.code}, ${issue.subject}, ${issue.message}, ${issue.hint ?? null},
            ${JSON.stringify(issue.details ?? {})})
    ON CONFLICT (account_id, code, subject) WHERE resolved_at IS NULL
    DO UPDATE SET message = EXCLUDED.message, hint = EXCLUDED.hint, details = EXCLUDED.details,
                  occurrences = sync_issues.occurrences + 1, last_seen_at = now()
  `.execute(db);
}

/** Closes open issues whose cause is gone (e.g. the SKU now exists). */
export async function resolveIssues(
  db: Kysely<DB>,
  accountId: string | null,
  code: string,
  subjects: readonly string[],
): Promise<number> {
  if (subjects.length === 0) return 0;
  let query = db
    .updateTable('sync_issues')
    .set({ resolved_at: new Date() })
    .where('code', '=', code)
    .where('subject', 'in', subjects)
    .where('resolved_at', 'is', null);
  query =
    accountId === null ? query.where('account_id', 'is', null) : query.where('account_id', '=', accountId);
  return Number((await query.executeTakeFirst()).numUpdatedRows);
}

export async function openIssues(db: Kysely<DB>, accountId?: string): Promise<IssueRecord[]> {
  let query = db
    .selectFrom('sync_issues')
    // Order and shipment issues name the marketplace's order id; the hub's id is what the order page opens.
    .leftJoin('hub_orders', (join) =>
      join
        .onRef('hub_orders.account_id', '=', 'sync_issues.account_id')
        .onRef('hub_orders.marketplace_order_id', '=', 'sync_issues.subject')
        .on((eb) =>
          eb.or([eb('sync_issues.code', 'like', 'order.%'), eb('sync_issues.code', 'like', 'shipment.%')]),
        ),
    )
    .selectAll('sync_issues')
    .select('hub_orders.id as order_id')
    .where('sync_issues.resolved_at', 'is', null)
    .orderBy('sync_issues.last_seen_at', 'desc');
  // Issues without an account (the ERP) stop every account, so each account's list shows them too.
  if (accountId)
    query = query.where((eb) =>
      eb.or([eb('sync_issues.account_id', '=', accountId), eb('sync_issues.account_id', 'is', null)]),
    );
  return (await query.execute())
    .map((row) => ({
      id: row.id,
      accountId: row.account_id,
      step: row.step,
      code: row.code,
      subject: row.subject,
      message: row.message,
      hint: row.hint,
      details: row.details as Record<string, unknown>,
      occurrences: row.occurrences,
      createdAt: row.created_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      resolvedAt: row.resolved_at?.toISOString() ?? null,
      orderId: row.order_id ?? null,
      attention: isAttention(row.code),
    }))
    .sort((a, b) => Number(b.attention) - Number(a.attention));
}
