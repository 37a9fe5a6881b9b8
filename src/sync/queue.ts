import { makeWorkerUtils, type WorkerUtils } from 'graphile-worker';
import type pg from 'pg';
import type { Step, Trigger } from './steps.ts';

export const SYNC_TASK = 'sync-step';

export interface SyncJobPayload {
  accountId: string;
  step: Step;
  trigger: Trigger;
}

/**
 * Transient failures are retried by graphile-worker with its exponential backoff (e^attempt seconds: ~3 s, 7 s,
 * 20 s, 55 s); after 5 attempts the job is dropped, and the scheduler enqueues the step again on its next tick,
 * from the same cursor, so nothing is lost.
 */
const MAX_ATTEMPTS = 5;

/**
 * An order should wait for nothing but the orders run before it (issue 13: placed → sale order p95 ≤ 2 s). A step's
 * job counts as queued this long before it was: graphile-worker takes an account's waiting jobs by priority, then
 * run_at, so a waiting orders job runs before the stock run its previous order's reservation woke, unless that one
 * has already waited longer than this. Other steps are thus delayed by this much at most, never starved.
 */
export const HEAD_START_SECONDS: Partial<Record<Step, number>> = { orders: 2 };

/** Every step of one account runs on the account's own queue: one at a time per account, accounts in parallel. */
export function queueName(accountId: string): string {
  return `account:${accountId}`;
}

const jobKey = (payload: Pick<SyncJobPayload, 'accountId' | 'step'>) =>
  `sync:${payload.accountId}:${payload.step}`;

/** Steps whose run, before it ends, serves what was announced while it ran (takeWaitingJob). */
const SERVED_IN_RUN: ReadonlySet<Step> = new Set(['orders']);

/**
 * Called by a running step's job before it ends: when the account's next job would be another run of the same step
 * (announced while this one ran, e.g. an order placed meanwhile), deletes that job and answers true, so the
 * running one does another pass instead of the queue handing back the account and setting a new run up. "Next" as
 * graphile-worker chooses (priority, then run_at, among the account's available jobs), so no other step waits
 * longer than it would have. Only the worker running the account's job can take it: the account's queue stays
 * locked by that job. A notification arriving after the delete queues a new job as usual.
 */
export async function takeWaitingJob(
  pool: pg.Pool,
  payload: Omit<SyncJobPayload, 'trigger'>,
): Promise<boolean> {
  if (!SERVED_IN_RUN.has(payload.step)) return false;
  const { rowCount } = await pool.query(
    `DELETE FROM graphile_worker._private_jobs AS jobs
      USING (
        SELECT j.id FROM graphile_worker._private_jobs j
          JOIN graphile_worker._private_job_queues q ON q.id = j.job_queue_id
         WHERE q.queue_name = $1 AND j.is_available AND j.run_at <= now()
         ORDER BY j.priority, j.run_at, j.id
         LIMIT 1
      ) AS next
      WHERE jobs.id = next.id AND jobs.key = $2 AND jobs.locked_at IS NULL`,
    [queueName(payload.accountId), jobKey(payload)],
  );
  return rowCount === 1;
}

export class SyncQueue {
  private constructor(private readonly utils: WorkerUtils) {}

  static async open(pool: pg.Pool): Promise<SyncQueue> {
    const utils = await makeWorkerUtils({ pgPool: pool });
    await utils.migrate();
    return new SyncQueue(utils);
  }

  /**
   * One pending job per account and step: the job key makes a second request while one waits a no-op
   * ("Sync now" pressed twice, or the scheduler and a click at once).
   */
  async enqueue(payload: SyncJobPayload, runAt?: Date): Promise<void> {
    const headStart = HEAD_START_SECONDS[payload.step];
    if (headStart !== undefined && !runAt) {
      // Backdated in the database's clock (now()), so an application clock ahead of it cannot delay the job.
      await this.utils.withPgClient((client) =>
        client.query(
          `SELECT graphile_worker.add_job($1, $2::json, queue_name => $3, job_key => $4,
             job_key_mode => 'preserve_run_at', max_attempts => $5, run_at => now() - make_interval(secs => $6))`,
          [
            SYNC_TASK,
            JSON.stringify(payload),
            queueName(payload.accountId),
            jobKey(payload),
            MAX_ATTEMPTS,
            headStart,
          ],
        ),
      );
      return;
    }
    await this.utils.addJob(SYNC_TASK, payload, {
      queueName: queueName(payload.accountId),
      jobKey: jobKey(payload),
      jobKeyMode: 'preserve_run_at',
      maxAttempts: MAX_ATTEMPTS,
      ...(runAt && { runAt }),
    });
  }

  /**
   * Queues the step (or moves its waiting job) to now, in the database's clock, without a head start: after every
   * job of the account already waiting. A run that stopped on time with work left continues so, and the steps it
   * kept waiting have their turn first.
   */
  async enqueueBehindOthers(payload: SyncJobPayload): Promise<void> {
    // No run_at: graphile-worker's add_job takes the database's now(), and `replace` moves a waiting job there too.
    await this.utils.addJob(SYNC_TASK, payload, {
      queueName: queueName(payload.accountId),
      jobKey: jobKey(payload),
      jobKeyMode: 'replace',
      maxAttempts: MAX_ATTEMPTS,
    });
  }

  async pendingCount(): Promise<number> {
    const result = await this.utils.withPgClient((client) =>
      client.query<{ n: string }>(
        'SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = $1 AND locked_at IS NULL AND attempts < max_attempts',
        [SYNC_TASK],
      ),
    );
    return Number(result.rows[0]?.n ?? 0);
  }

  async release(): Promise<void> {
    await this.utils.release();
  }
}
