import { randomUUID } from 'node:crypto';
import { Logger as GraphileLogger, runOnce } from 'graphile-worker';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/db.ts';
import { SYNC_TASK, SyncQueue, takeWaitingJob, type SyncJobPayload } from '../../src/sync/queue.ts';
import type { Step } from '../../src/sync/steps.ts';
import { createTestDatabase } from '../helpers/db.ts';

/**
 * Which of an account's waiting jobs runs first, decided by graphile-worker itself on embedded PostgreSQL: a waiting
 * orders job goes before the account's other waiting steps (issue 13's order latency), unless one of those has
 * already waited longer than the orders step's head start, so stock is never starved.
 */
const quietGraphile = new GraphileLogger(() => () => undefined);

let db: Database;
let queue: SyncQueue;

beforeAll(async () => {
  db = await createTestDatabase();
  queue = await SyncQueue.open(db.pool);
});

afterAll(async () => {
  await queue.release();
  await db.close();
});

beforeEach(async () => {
  await db.pool.query('DELETE FROM graphile_worker._private_jobs');
});

/**
 * Runs every waiting job with one worker, as the queue hands them out, and answers the steps in that order.
 * `during` runs inside each job, while the account's queue is locked by it, as a step's run does.
 */
async function runInQueueOrder(during?: (payload: SyncJobPayload) => Promise<void>): Promise<string[]> {
  const ran: string[] = [];
  // runOnce ends when it finds no free job, which it may while the account's queue is still locked by the job
  // it just finished: run it again until the table is empty.
  while ((await queue.pendingCount()) > 0)
    await runOnce({
      pgPool: db.pool,
      concurrency: 1,
      logger: quietGraphile,
      taskList: {
        [SYNC_TASK]: async (payload) => {
          const { accountId, step } = payload as SyncJobPayload;
          ran.push(`${accountId.slice(0, 4)}:${step}`);
          await during?.(payload as SyncJobPayload);
        },
      },
    });
  return ran;
}

const job = (accountId: string, step: Step): SyncJobPayload => ({ accountId, step, trigger: 'push' });

describe('the order an account’s waiting jobs run in', () => {
  it('runs an orders job queued after a stock job first', async () => {
    const account = randomUUID();
    await queue.enqueue(job(account, 'stock'));
    await queue.enqueue(job(account, 'shipments'));
    await queue.enqueue(job(account, 'orders'));
    const short = account.slice(0, 4);
    expect(await runInQueueOrder()).toEqual([`${short}:orders`, `${short}:stock`, `${short}:shipments`]);
  });

  it('runs a stock job that has waited longer than the head start first', async () => {
    const account = randomUUID();
    // Queued 10 s ago (run_at is when a job became due): it has waited past the orders step's 2 s.
    await queue.enqueue(job(account, 'stock'), new Date(Date.now() - 10_000));
    await queue.enqueue(job(account, 'orders'));
    const short = account.slice(0, 4);
    expect(await runInQueueOrder()).toEqual([`${short}:stock`, `${short}:orders`]);
  });

  it('keeps one waiting orders job per account however often it is queued', async () => {
    const account = randomUUID();
    for (let i = 0; i < 5; i += 1) await queue.enqueue(job(account, 'orders'));
    expect(await queue.pendingCount()).toBe(1);
    expect(await runInQueueOrder()).toEqual([`${account.slice(0, 4)}:orders`]);
  });

  it('keeps the first waiting orders job’s place when it is queued again', async () => {
    const account = randomUUID();
    await queue.enqueue(job(account, 'orders'));
    const before = await db.pool.query<{ run_at: Date }>('SELECT run_at FROM graphile_worker.jobs');
    await queue.enqueue(job(account, 'orders'));
    const after = await db.pool.query<{ run_at: Date }>('SELECT run_at FROM graphile_worker.jobs');
    expect(after.rows[0]?.run_at.getTime()).toBe(before.rows[0]?.run_at.getTime());
    // Due already: in the database's clock, a head start before now.
    const due = await db.pool.query<{ due: boolean }>(
      "SELECT run_at < now() - interval '1 second' AS due FROM graphile_worker.jobs",
    );
    expect(due.rows[0]?.due).toBe(true);
  });
});

describe('a running orders job serving what was announced while it ran', () => {
  it('takes the account’s waiting orders job when it is next: no second run follows', async () => {
    const account = randomUUID();
    await queue.enqueue(job(account, 'orders'));
    const taken: boolean[] = [];
    const ran = await runInQueueOrder(async ({ accountId, step }) => {
      if (taken.length > 0) return;
      await queue.enqueue(job(accountId, 'orders')); // an order announced during the run
      taken.push(await takeWaitingJob(db.pool, { accountId, step }));
    });
    expect(taken).toEqual([true]);
    expect(ran).toEqual([`${account.slice(0, 4)}:orders`]);
  });

  it('leaves it when a stock job that has waited longer than the head start is next', async () => {
    const account = randomUUID();
    await queue.enqueue(job(account, 'orders'));
    const taken: boolean[] = [];
    const ran = await runInQueueOrder(async ({ accountId, step }) => {
      if (taken.length > 0) return;
      await queue.enqueue(job(accountId, 'stock'), new Date(Date.now() - 10_000));
      await queue.enqueue(job(accountId, 'orders'));
      taken.push(await takeWaitingJob(db.pool, { accountId, step }));
    });
    expect(taken).toEqual([false]);
    const short = account.slice(0, 4);
    expect(ran).toEqual([`${short}:orders`, `${short}:stock`, `${short}:orders`]);
  });

  it('takes nothing when nothing waits, and never the running job itself', async () => {
    const account = randomUUID();
    await queue.enqueue(job(account, 'orders'));
    const taken: boolean[] = [];
    const running: number[] = [];
    await runInQueueOrder(async ({ accountId, step }) => {
      taken.push(await takeWaitingJob(db.pool, { accountId, step }));
      const { rows } = await db.pool.query('SELECT id FROM graphile_worker.jobs WHERE locked_at IS NOT NULL');
      running.push(rows.length);
    });
    expect(taken).toEqual([false]);
    expect(running).toEqual([1]);
  });

  it('takes no job of another account, nor of a step that is not served in its run', async () => {
    const account = randomUUID();
    const other = randomUUID();
    await queue.enqueue(job(account, 'stock'));
    const taken: boolean[] = [];
    const ran = await runInQueueOrder(async ({ accountId, step }) => {
      if (accountId !== account || taken.length > 0) return;
      await queue.enqueue(job(other, 'orders'));
      await queue.enqueue(job(accountId, 'stock'));
      taken.push(await takeWaitingJob(db.pool, { accountId, step }));
      taken.push(await takeWaitingJob(db.pool, { accountId, step: 'orders' }));
    });
    expect(taken).toEqual([false, false]);
    expect(ran.sort()).toEqual(
      [`${account.slice(0, 4)}:stock`, `${account.slice(0, 4)}:stock`, `${other.slice(0, 4)}:orders`].sort(),
    );
  });
});

describe('a run that stops on time and continues later', () => {
  it('continues after the account’s other waiting steps, once, even with an orders job announced meanwhile', async () => {
    const account = randomUUID();
    await queue.enqueue(job(account, 'orders'));
    let continued = false;
    const ran = await runInQueueOrder(async ({ accountId, step }) => {
      if (step !== 'orders' || continued) return;
      await queue.enqueue(job(accountId, 'shipments'));
      await queue.enqueue(job(accountId, 'stock'));
      // An order announced during the run: head start, so it would otherwise run before both.
      await queue.enqueue(job(accountId, 'orders'));
      await queue.enqueueBehindOthers(job(accountId, 'orders'));
      continued = true;
    });
    const short = account.slice(0, 4);
    expect(ran).toEqual([`${short}:orders`, `${short}:shipments`, `${short}:stock`, `${short}:orders`]);
  });

  it('is the next job when nothing else waits, so the running job takes it as another pass', async () => {
    const account = randomUUID();
    await queue.enqueue(job(account, 'orders'));
    const taken: boolean[] = [];
    const ran = await runInQueueOrder(async ({ accountId, step }) => {
      if (taken.length > 0) return;
      await queue.enqueueBehindOthers(job(accountId, step));
      taken.push(await takeWaitingJob(db.pool, { accountId, step }));
    });
    expect(taken).toEqual([true]);
    expect(ran).toEqual([`${account.slice(0, 4)}:orders`]);
  });
});
