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

const jobKey = (payload: SyncJobPayload) => `sync:${payload.accountId}:${payload.step}`;

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
