import type pg from 'pg';
import type { Logger } from '../logging/logger.ts';

/**
 * What a database restart leaves behind in one worker process, and how it is repaired without a restart.
 *
 * graphile-worker 0.17 records a job's end (done or failed) with a query that, when the database is down, rejects
 * where nobody catches it: Node would end the process. Such a rejection is logged here instead, and the job it
 * concerned stays locked by this (live) pool — for 4 hours in graphile-worker's own terms. The repair: jobs and
 * queues locked by this process's pools that no step of this process is running, and that were locked more than
 * a minute ago (a job just taken is not in the running set yet), are unlocked; the step runs again from its
 * stored cursor.
 */

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
]);

/**
 * True for errors that mean "the database went away", not a bug. Also the pool ended by a graceful stop that gave
 * a hanging step's job back (worker.ts): graphile-worker records that step's end when it finally settles, on the
 * closed pool, and the process was ending anyway (seen at the final SIGTERM of crash scenario odoo-outage).
 */
export function isConnectionLoss(reason: unknown): boolean {
  if (!(reason instanceof Error)) return false;
  const code = (reason as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_ERRORS.has(code)) return true;
  return /Connection terminated|connection error and is not queryable|the database system is (shutting down|starting up)|Cannot use a pool after calling end on the pool/.test(
    reason.message,
  );
}

/** Keeps the process alive through rejections caused by a lost database; any other one still ends it. */
export function surviveDatabaseLoss(log: Logger): () => void {
  const onRejection = (reason: unknown) => {
    if (isConnectionLoss(reason)) {
      log.warn({ err: reason }, 'database unreachable; the worker carries on and reconnects');
      return;
    }
    // What Node does without this listener: the process ends on an unhandled rejection.
    throw reason;
  };
  process.on('unhandledRejection', onRejection);
  return () => process.off('unhandledRejection', onRejection);
}

/** Unlocks this process's own jobs and queues that no running step of it holds (see above); returns the count. */
export async function unlockOrphanedJobs(
  pool: pg.Pool,
  poolIds: readonly string[],
  runningJobIds: readonly string[],
): Promise<number> {
  if (poolIds.length === 0) return 0;
  const { rows } = await pool.query<{ n: string }>(
    `WITH jobs AS (
       UPDATE graphile_worker._private_jobs SET locked_by = NULL, locked_at = NULL
        WHERE locked_by = ANY($1::text[]) AND NOT (id = ANY($2::bigint[]))
          AND locked_at < now() - interval '60 seconds'
       RETURNING id
     ), queues AS (
       UPDATE graphile_worker._private_job_queues q SET locked_by = NULL, locked_at = NULL
        WHERE q.locked_by = ANY($1::text[]) AND q.locked_at < now() - interval '60 seconds'
          AND NOT EXISTS (SELECT 1 FROM graphile_worker._private_jobs j
                           WHERE j.job_queue_id = q.id AND j.id = ANY($2::bigint[]))
       RETURNING q.id
     )
     SELECT (SELECT count(*) FROM jobs) + (SELECT count(*) FROM queues) AS n`,
    [poolIds, runningJobIds],
  );
  return Number(rows[0]?.n ?? 0);
}
