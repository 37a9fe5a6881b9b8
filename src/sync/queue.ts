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

/** Every step of one account runs on the account's own queue: one at a time per account, accounts in parallel. */
export function queueName(accountId: string): string {
  return `account:${accountId}`;
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
    await this.utils.addJob(SYNC_TASK, payload, {
      queueName: queueName(payload.accountId),
      jobKey: `sync:${payload.accountId}:${payload.step}`,
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
