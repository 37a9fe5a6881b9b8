import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../store/schema.ts';
import { scaledMs } from '../../core/clock.ts';
import { currentErpOutage, erpDownCodes } from '../erp-outage.ts';
import { STEPS } from '../steps.ts';
import { ATTENTION, ATTENTION_STEP, type AttentionCode } from './attention-codes.ts';

export interface AttentionRules {
  /** A step is "failing" after this many failed runs in a row. */
  failedRunsInARow: number;
  /** Orders held back longer than this need the seller. */
  heldOrderMinutes: number;
}

/** One condition that is true now; the reconciler keeps exactly these open. */
export interface AttentionCondition {
  accountId: string | null;
  code: AttentionCode;
  subject: string;
  step: string;
  message: string;
  hint: string;
  details: Record<string, unknown>;
}

/**
 * Reads what is true now (account and ERP status, the latest runs, held orders) and names each condition that
 * stops syncing. No writes: src/sync/attention/reconcile.ts applies the result.
 */
export async function attentionConditions(
  db: Kysely<DB>,
  rules: AttentionRules,
): Promise<AttentionCondition[]> {
  const [accounts, erp, streaks, held] = await Promise.all([
    db.selectFrom('marketplace_accounts').select(['id', 'name', 'status', 'status_message']).execute(),
    db.selectFrom('erp_connections').select(['type', 'status', 'status_message']).executeTakeFirst(),
    // The last N finished runs of each step of each account (paused and skipped runs did not try anything),
    // read newest first through the (account_id, step, started_at) index: cheap enough for every Overview poll.
    sql<{
      account_id: string;
      step: string;
      statuses: string[];
      codes: (string | null)[];
      message: string | null;
    }>`
      SELECT a.id AS account_id, s.step, r.statuses, r.codes, r.message
      FROM marketplace_accounts a
      CROSS JOIN unnest(${[...STEPS]}::text[]) AS s(step)
      CROSS JOIN LATERAL (
        SELECT array_agg(x.status ORDER BY x.started_at DESC) AS statuses,
               array_agg(x.error_code ORDER BY x.started_at DESC) AS codes,
               (array_agg(x.error_message ORDER BY x.started_at DESC))[1] AS message
        FROM (SELECT status, error_code, error_message, started_at FROM sync_runs
              WHERE account_id = a.id AND step = s.step AND status IN ('succeeded', 'failed')
              ORDER BY started_at DESC LIMIT ${rules.failedRunsInARow}) x
      ) r
      WHERE r.statuses IS NOT NULL`.execute(db),
    sql<{ account_id: string; orders: string; oldest: Date }>`
      SELECT account_id, count(*) AS orders, min(received_at) AS oldest FROM hub_orders
      WHERE state = 'held'
        AND received_at < now() - make_interval(secs => ${scaledMs(rules.heldOrderMinutes * 60_000) / 1000})
      GROUP BY account_id`.execute(db),
  ]);
  const conditions: AttentionCondition[] = [];
  const nameOf = new Map(accounts.map((a) => [a.id, a.name]));

  for (const account of accounts) {
    if (account.status !== 'credentials_invalid') continue;
    conditions.push({
      accountId: account.id,
      code: ATTENTION.credentialsInvalid,
      subject: account.id,
      step: ATTENTION_STEP,
      message: `${account.name}: the marketplace refused the API keys, so this account has stopped syncing.`,
      hint: 'Generate new keys in the Seller Portal if needed, then click "Update keys" and enter the new pair.',
      details: { account: account.name },
    });
  }

  if (erp && erp.status !== 'connected') {
    conditions.push({
      accountId: null,
      code: ATTENTION.erpRefusing,
      subject: 'erp',
      step: ATTENTION_STEP,
      message: `The ERP refuses AdlerDo's connection, so no account syncs: ${erp.status_message ?? 'its login was rejected.'}`,
      hint: 'Check the ERP connection: update its API key or settings on the ERP page.',
      details: { status: erp.status, reason: erp.status_message },
    });
  }

  const erpDown = new Set(erpDownCodes(erp?.type ?? 'erp'));
  // The ERP is unreachable while the latest run of some step failed talking to it and no later run succeeded.
  const downRuns = streaks.rows.filter((r) => r.statuses[0] === 'failed' && erpDown.has(r.codes[0] ?? ''));
  // A run that reached the ERP after those failures ends the outage (erp-outage.ts), even while other steps of
  // that account wait behind a long run (an orders run draining a backlog) with their failed runs still last.
  const outage =
    erp?.status === 'connected' && downRuns.length > 0 ? await currentErpOutage(db, erp.type) : undefined;
  if (erp && outage) {
    // Since the first failure after the last run that reached it: the same for the whole outage.
    const since = outage.since;
    conditions.push({
      accountId: null,
      code: ATTENTION.erpUnreachable,
      subject: 'erp',
      step: ATTENTION_STEP,
      message: `The ERP does not answer (${erp.type} unreachable since ${since.toISOString()}), so orders and stock wait: ${downRuns[0]!.message ?? 'it cannot be reached.'}`,
      hint: 'Check the ERP connection: is the server up and its address right? AdlerDo retries on its own.',
      details: { code: downRuns[0]!.codes[0], reason: downRuns[0]!.message, since: since.toISOString() },
    });
  }

  const unreadable = new Set<string>();
  for (const run of streaks.rows) {
    const latest = run.codes[0];
    if (run.statuses[0] === 'failed' && latest === ATTENTION.secretsUnreadable) {
      if (unreadable.has(run.account_id)) continue;
      unreadable.add(run.account_id);
      conditions.push({
        accountId: run.account_id,
        code: ATTENTION.secretsUnreadable,
        subject: run.account_id,
        step: ATTENTION_STEP,
        message: `${nameOf.get(run.account_id) ?? 'An account'}: AdlerDo cannot read the stored keys of this account, so it has stopped syncing.`,
        hint: 'Start AdlerDo with the master key these keys were saved with, or enter the keys again with "Update keys".',
        details: { account: nameOf.get(run.account_id) ?? null },
      });
      continue;
    }
    const failing =
      run.statuses.length >= rules.failedRunsInARow && run.statuses.every((s) => s === 'failed');
    if (!failing || erpDown.has(latest ?? '') || latest === ATTENTION.secretsUnreadable) continue;
    conditions.push({
      accountId: run.account_id,
      code: ATTENTION.stepFailing,
      subject: run.step,
      step: run.step,
      message: `${nameOf.get(run.account_id) ?? 'An account'}: the ${run.step} step failed ${rules.failedRunsInARow} times in a row: ${run.message ?? 'see Runs.'}`,
      hint: 'See what the runs say on the Runs page; the step runs again on its own and this clears after a success.',
      details: {
        code: latest,
        account: nameOf.get(run.account_id) ?? null,
        step: run.step,
        times: rules.failedRunsInARow,
        reason: run.message,
      },
    });
  }

  for (const row of held.rows) {
    const orders = Number(row.orders);
    conditions.push({
      accountId: row.account_id,
      code: ATTENTION.ordersHeld,
      subject: row.account_id,
      step: 'orders',
      message: `${nameOf.get(row.account_id) ?? 'An account'}: ${orders} ${orders === 1 ? 'order is' : 'orders are'} held back for more than ${rules.heldOrderMinutes} minutes and not in the ERP yet.`,
      hint: 'Open the held orders to see why (often a product missing in the ERP), fix it, then click Retry.',
      details: {
        orders,
        oldest: row.oldest.toISOString(),
        account: nameOf.get(row.account_id) ?? null,
        minutes: rules.heldOrderMinutes,
      },
    });
  }
  return conditions;
}
