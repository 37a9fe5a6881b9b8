import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../store/schema.ts';
import { emptyCounts, type CallCounts, type RunCounts } from './run-counts.ts';
import type { Step, Trigger } from './steps.ts';

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'paused' | 'skipped';

export interface RunRecord {
  id: string;
  accountId: string;
  step: Step;
  trigger: Trigger;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  counts: RunCounts;
  apiCalls: CallCounts;
  errorCode: string | null;
  errorMessage: string | null;
}

export async function startRun(
  db: Kysely<DB>,
  accountId: string,
  step: Step,
  trigger: Trigger,
): Promise<string> {
  const row = await db
    .insertInto('sync_runs')
    .values({ account_id: accountId, step, trigger })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishRun(
  db: Kysely<DB>,
  id: string,
  result: {
    status: RunStatus;
    counts: RunCounts;
    apiCalls: CallCounts;
    errorCode?: string;
    errorMessage?: string;
  },
): Promise<void> {
  await db
    .updateTable('sync_runs')
    .set({
      status: result.status,
      finished_at: new Date(),
      counts: JSON.stringify(result.counts),
      api_calls: JSON.stringify(result.apiCalls),
      error_code: result.errorCode ?? null,
      error_message: result.errorMessage ?? null,
    })
    .where('id', '=', id)
    .execute();
}

/** The newest run of every step of every account (or of one account). */
export async function lastRuns(db: Kysely<DB>, accountId?: string): Promise<RunRecord[]> {
  let query = db
    .selectFrom('sync_runs')
    .selectAll()
    .distinctOn(['account_id', 'step'])
    .orderBy('account_id')
    .orderBy('step')
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc');
  if (accountId) query = query.where('account_id', '=', accountId);
  return (await query.execute()).map(toRecord);
}

export async function recentRuns(
  db: Kysely<DB>,
  options: { accountId?: string; step?: Step; limit: number },
): Promise<RunRecord[]> {
  let query = db.selectFrom('sync_runs').selectAll().orderBy('id', 'desc').limit(options.limit);
  if (options.accountId) query = query.where('account_id', '=', options.accountId);
  if (options.step) query = query.where('step', '=', options.step);
  return (await query.execute()).map(toRecord);
}

/** One run, or undefined for an id no run has. */
export async function findRun(db: Kysely<DB>, id: string): Promise<RunRecord | undefined> {
  const row = await db.selectFrom('sync_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Runs left `running` by a worker that was killed: closed as failed when a new worker starts. */
export async function closeAbandonedRuns(db: Kysely<DB>, olderThanSeconds: number): Promise<number> {
  const result = await db
    .updateTable('sync_runs')
    .set({
      status: 'failed',
      finished_at: new Date(),
      error_code: 'sync.abandoned',
      error_message: 'The worker stopped during this run; the step was run again.',
    })
    .where('status', '=', 'running')
    .where('started_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanSeconds})`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function toRecord(row: {
  id: string;
  account_id: string;
  step: string;
  trigger: string;
  status: string;
  started_at: Date;
  finished_at: Date | null;
  counts: unknown;
  api_calls: unknown;
  error_code: string | null;
  error_message: string | null;
}): RunRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    step: row.step as Step,
    trigger: row.trigger as Trigger,
    status: row.status as RunStatus,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    durationMs: row.finished_at ? row.finished_at.getTime() - row.started_at.getTime() : null,
    // A running run's row holds `{}` (the column's default) until it finishes: it has done nothing yet.
    counts: { ...emptyCounts(), ...(row.counts as Partial<RunCounts>) },
    apiCalls: row.api_calls as CallCounts,
    errorCode: row.error_code,
    errorMessage: row.error_message,
  };
}
