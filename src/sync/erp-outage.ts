import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { scaledMs } from '../core/clock.ts';
import type { DB } from '../store/schema.ts';
import { STEPS } from './steps.ts';

/**
 * The ERP outage backoff. While the ERP does not answer, every step of every account fails at its first ERP
 * call; left to the scheduler's intervals (and the job queue's retries, whose backoff restarts each time the
 * scheduler enqueues the step again) that is a steady stream of calls into a server that is down. Instead, once
 * runs fail with an ERP transport error, the hub tries again after a wait that grows with the outage — as long as
 * it has lasted so far, from FIRST_WAIT_MS up to MAX_WAIT_MS — with one step (the scheduler's probe), and
 * everything runs again as soon as one run reaches the ERP. Read from the run records, so every scheduler and
 * worker process sees the same outage.
 */

/** Codes (after the ERP type) of failures that mean "the ERP did not answer or failed", not "refused this". */
export const ERP_DOWN_SUFFIXES = ['unreachable', 'timeout', 'server_error'] as const;
/** A single failed run holds the next try back this long (shorter than the queue's first retry, ~2.7 s). */
export const FIRST_WAIT_MS = 2_000;
/** The longest wait between two tries: the ERP's return is noticed within 5 minutes. */
export const MAX_WAIT_MS = 5 * 60_000;
/**
 * How far back the run records are read. Runs are never pruned (a step every 30–120 s is ~1,000–3,000 runs a day
 * per account and step), and a step that seldom calls the ERP would otherwise be read back to its first run on
 * every scheduler tick. An outage older than this reads as starting at its edge.
 */
const LOOKBACK = '7 days';

export interface ErpOutage {
  /** When the first run failed that talked to the ERP since the last run that succeeded. */
  since: Date;
  /** When the latest such failure ended. */
  lastFailureAt: Date;
}

export function erpDownCodes(erpType: string): string[] {
  return ERP_DOWN_SUFFIXES.map((suffix) => `${erpType}.${suffix}`);
}

/**
 * The outage going on now, or undefined when no ERP transport failure came after the latest run that shows the
 * ERP answering: it called the ERP (api_calls keys start with the system; a run with nothing to ask the ERP says
 * nothing about it) and succeeded, or failed after creating or updating something (a flaky ERP, not a down one).
 */
export async function currentErpOutage(db: Kysely<DB>, erpType: string): Promise<ErpOutage | undefined> {
  const codes = erpDownCodes(erpType);
  // Per account and step through the (account_id, step, started_at) index: cheap enough for every scheduler tick.
  const { rows } = await sql<{ since: Date | null; last: Date | null }>`
    WITH pairs AS (
      SELECT a.id, s.step FROM marketplace_accounts a CROSS JOIN unnest(${[...STEPS]}::text[]) AS s(step)
    ), ok AS (
      SELECT coalesce(max(x.started_at), now() - ${LOOKBACK}::interval) AS at FROM pairs p
      CROSS JOIN LATERAL (SELECT started_at FROM sync_runs WHERE account_id = p.id AND step = p.step
                          AND started_at > now() - ${LOOKBACK}::interval AND (status = 'succeeded' OR (status = 'failed' AND (
                            coalesce((counts->>'created')::int, 0) + coalesce((counts->>'updated')::int, 0) > 0)))
                          AND EXISTS (
                            SELECT 1 FROM jsonb_object_keys(api_calls) AS k WHERE k LIKE ${`${erpType} %`})
                          ORDER BY started_at DESC LIMIT 1) x
    )
    SELECT
      (SELECT min(x.started_at) FROM pairs p, ok CROSS JOIN LATERAL (
         SELECT started_at FROM sync_runs WHERE account_id = p.id AND step = p.step AND started_at > ok.at
           AND status = 'failed' AND error_code = ANY(${codes}::text[]) ORDER BY started_at ASC LIMIT 1) x) AS since,
      (SELECT max(coalesce(x.finished_at, x.started_at)) FROM pairs p, ok CROSS JOIN LATERAL (
         SELECT started_at, finished_at FROM sync_runs WHERE account_id = p.id AND step = p.step AND started_at > ok.at
           AND status = 'failed' AND error_code = ANY(${codes}::text[]) ORDER BY started_at DESC LIMIT 1) x) AS last`.execute(
    db,
  );
  const row = rows[0];
  return row?.since && row.last ? { since: row.since, lastFailureAt: row.last } : undefined;
}

/**
 * When the hub may call the ERP again (epoch ms): `after` (the latest failure, or a later probe) plus a wait as
 * long as the outage so far, between FIRST_WAIT_MS and MAX_WAIT_MS in the hub's time (src/core/clock.ts).
 */
export function nextTryAt(outage: ErpOutage, after = outage.lastFailureAt.getTime()): number {
  const lasted = outage.lastFailureAt.getTime() - outage.since.getTime();
  const wait = Math.min(scaledMs(MAX_WAIT_MS), Math.max(scaledMs(FIRST_WAIT_MS), lasted));
  return Math.max(after, outage.lastFailureAt.getTime()) + wait;
}
