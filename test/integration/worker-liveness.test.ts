import { randomUUID } from 'node:crypto';
import { Logger as GraphileLogger, runMigrations } from 'graphile-worker';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';
import type { Database } from '../../src/store/db.ts';
import { queueName, SYNC_TASK, type SyncJobPayload } from '../../src/sync/queue.ts';
import { startWorker } from '../../src/sync/worker.ts';
import { startWorkerLiveness } from '../../src/sync/worker-liveness.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { startSyncWorld } from '../helpers/sync-world.ts';
import { eventually } from '../helpers/eventually.ts';

/**
 * A SIGKILLed worker process leaves graphile-worker's job and queue locks behind, and graphile-worker frees them
 * only after 4 hours: the account's queue stands still. These tests lock jobs the way a worker pool does
 * (`locked_by` = the pool's id on the job and on its queue) for pools that are gone or alive, and prove that
 * worker-liveness.ts unlocks exactly the dead ones, and that a real worker then runs the job.
 */

const silent = createLogger('silent');
const quietGraphile = new GraphileLogger(() => () => undefined);

/**
 * The lock key of a pool's liveness lock, written out here on purpose: processes of different AdlerDo versions
 * share one database during a rolling deploy, so the key must not change unnoticed.
 */
const poolLockKey = `hashtextextended('adlerdo:worker-pool:' || $1::text, 0)`;

interface LockedJob {
  id: string;
  queueId: number;
}

/**
 * Adds a job already locked by `poolId`, as graphile-worker's getJobs leaves it (job and queue locked, one
 * attempt counted), in one transaction so that a running worker never sees it free.
 */
async function addJobLockedBy(pool: pg.Pool, poolId: string, payload: SyncJobPayload): Promise<LockedJob> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string; job_queue_id: number }>(
      `SELECT id, job_queue_id FROM graphile_worker.add_job($1, $2::json, queue_name => $3, max_attempts => 5)`,
      [SYNC_TASK, JSON.stringify(payload), queueName(payload.accountId)],
    );
    const job = rows[0]!;
    await client.query(
      `UPDATE graphile_worker._private_jobs SET locked_by = $1, locked_at = now(), attempts = attempts + 1
       WHERE id = $2`,
      [poolId, job.id],
    );
    await client.query(
      'UPDATE graphile_worker._private_job_queues SET locked_by = $1, locked_at = now() WHERE id = $2',
      [poolId, job.job_queue_id],
    );
    await client.query('COMMIT');
    return { id: job.id, queueId: job.job_queue_id };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Who holds the job and its queue now; `job: 'gone'` once the job completed (graphile-worker deletes it). */
async function lockHolders(pool: pg.Pool, job: LockedJob) {
  const jobs = await pool.query<{ locked_by: string | null }>(
    'SELECT locked_by FROM graphile_worker._private_jobs WHERE id = $1',
    [job.id],
  );
  const queues = await pool.query<{ locked_by: string | null }>(
    'SELECT locked_by FROM graphile_worker._private_job_queues WHERE id = $1',
    [job.queueId],
  );
  return { job: jobs.rows.length === 0 ? 'gone' : jobs.rows[0]!.locked_by, queue: queues.rows[0]?.locked_by };
}

function payloadFor(accountId: string, step: SyncJobPayload['step'] = 'orders'): SyncJobPayload {
  return { accountId, step, trigger: 'retry' };
}

describe('worker liveness: sweep() judges pools by their advisory lock', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    // The template database has AdlerDo's schema only; graphile-worker installs its own on first use.
    await runMigrations({ pgPool: database.pool, logger: quietGraphile });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('unlocks the job and queue of a pool whose process is gone, and returns that pool', async () => {
    const job = await addJobLockedBy(database.pool, 'pool-gone', payloadFor(randomUUID()));
    const liveness = await startWorkerLiveness(database.pool, silent);
    try {
      expect(await lockHolders(database.pool, job)).toEqual({ job: 'pool-gone', queue: 'pool-gone' });
      expect(await liveness.sweep()).toEqual(['pool-gone']);
      expect(await lockHolders(database.pool, job)).toEqual({ job: null, queue: null });
      expect(await liveness.sweep()).toEqual([]);
    } finally {
      await liveness.stop();
    }
  });

  it('leaves the jobs of a pool whose lock another live connection holds, until that connection ends', async () => {
    // Another worker process: a session of its own holding the pool's lock, as worker-liveness.ts does there.
    const otherProcess = new pg.Client({ connectionString: database.connectionString });
    await otherProcess.connect();
    await otherProcess.query(`SELECT pg_advisory_lock(${poolLockKey})`, ['pool-alive']);
    const job = await addJobLockedBy(database.pool, 'pool-alive', payloadFor(randomUUID()));
    const liveness = await startWorkerLiveness(database.pool, silent);
    try {
      expect(await liveness.sweep()).toEqual([]);
      expect(await lockHolders(database.pool, job)).toEqual({ job: 'pool-alive', queue: 'pool-alive' });

      await otherProcess.end(); // the process dies: PostgreSQL drops its session lock
      expect(await liveness.sweep()).toEqual(['pool-alive']);
      expect(await lockHolders(database.pool, job)).toEqual({ job: null, queue: null });
    } finally {
      await otherProcess.end().catch(() => undefined);
      await liveness.stop();
    }
  });

  it('two processes through the module: neither unlocks a pool held by the other or by itself', async () => {
    const a = await startWorkerLiveness(database.pool, silent);
    const b = await startWorkerLiveness(database.pool, silent);
    try {
      a.hold('pool-a');
      b.hold('pool-b');
      // hold() sends its lock without waiting; a query on the same session runs after it (one connection,
      // queries in order), so these sweeps return once both locks are taken. Nothing is locked yet.
      expect(await a.sweep()).toEqual([]);
      expect(await b.sweep()).toEqual([]);
      const ofA = await addJobLockedBy(database.pool, 'pool-a', payloadFor(randomUUID()));
      const ofB = await addJobLockedBy(database.pool, 'pool-b', payloadFor(randomUUID()));

      // PostgreSQL's advisory locks are re-entrant within one session: b would get its own pool's lock on a
      // probe, so b must know its own pools rather than probe them.
      expect(await b.sweep()).toEqual([]);
      expect(await a.sweep()).toEqual([]);
      expect(await lockHolders(database.pool, ofA)).toEqual({ job: 'pool-a', queue: 'pool-a' });
      expect(await lockHolders(database.pool, ofB)).toEqual({ job: 'pool-b', queue: 'pool-b' });

      await a.stop(); // a's process ends
      expect(await b.sweep()).toEqual(['pool-a']);
      expect(await lockHolders(database.pool, ofA)).toEqual({ job: null, queue: null });
      expect(await lockHolders(database.pool, ofB)).toEqual({ job: 'pool-b', queue: 'pool-b' });
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});

describe('worker liveness end to end: a real worker runs what a dead pool had locked', () => {
  it('at its start, and while it runs (the 10 s sweep)', { timeout: 60_000 }, async () => {
    const world = await startSyncWorld();
    const { ctx } = world.app;
    const runOf = (step: string) =>
      ctx.db
        .selectFrom('sync_runs')
        .select(['status', 'trigger'])
        .where('account_id', '=', world.account.id)
        .where('step', '=', step)
        .execute();
    // The step's run is recorded inside the job; graphile-worker deletes the job (and unlocks its queue) just
    // after, so both are awaited together.
    const ranAndGone = async (step: string, job: LockedJob) => ({
      runs: await runOf(step),
      locks: await lockHolders(ctx.pool, job),
    });
    const done = { runs: [{ status: 'succeeded', trigger: 'retry' }], locks: { job: 'gone', queue: null } };
    const isDone = (seen: Awaited<ReturnType<typeof ranAndGone>>) =>
      seen.runs.some((r) => r.status === 'succeeded') && seen.locks.job === 'gone';
    let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
    try {
      await ctx.queue(); // installs graphile-worker's schema before a job can be added
      // Locked before the worker starts: its first sweep, at start, frees it.
      const before = await addJobLockedBy(
        ctx.pool,
        'pool-killed-before',
        payloadFor(world.account.id, 'orders'),
      );
      worker = await startWorker(ctx, { concurrency: 2 });
      expect(await eventually(() => ranAndGone('orders', before), isDone, 15_000)).toEqual(done);

      // Locked while the worker runs (it is notified of the new job, finds it locked and leaves it): only the
      // periodic sweep (every 10 s) frees it, then the 1 s poll picks it up. 25 s is far from the 4 hours
      // graphile-worker would otherwise wait.
      const during = await addJobLockedBy(
        ctx.pool,
        'pool-killed-during',
        payloadFor(world.account.id, 'shipments'),
      );
      expect(await eventually(() => ranAndGone('shipments', during), isDone, 25_000)).toEqual(done);
    } finally {
      await worker?.stop();
      await world.close();
    }
  });
});
