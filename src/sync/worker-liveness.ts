import type pg from 'pg';
import type { Logger } from '../logging/logger.ts';

/**
 * graphile-worker locks a job, and the job's queue, with the id of the worker pool that took it. A pool whose
 * process is killed (SIGKILL, OOM killer, a crashed container) never unlocks them, and graphile-worker only
 * frees such locks after 4 hours: until then the account's queue is stuck and none of its steps runs — no
 * orders in, no shipments confirmed. So every worker process holds a session advisory lock named after its pool
 * on a connection of its own for as long as it lives; PostgreSQL drops that lock as soon as the process's
 * connection goes. A job or queue locked by a pool whose advisory lock is free belongs to a dead process and is
 * unlocked (graphile-worker's own `force_unlock_workers`); the step then runs again from its stored cursor.
 * Worst case for a wrongly judged live pool (none known): one step runs twice, one after the other, under
 * the account lock — which every step must survive anyway.
 *
 * Limit: a machine that vanishes without closing its TCP connections keeps its locks until PostgreSQL's
 * keepalive gives the connection up (tcp_keepalives_* settings), then its work is unlocked like any other.
 */
export interface WorkerLiveness {
  /** Marks the worker pool with this id as alive, for as long as this process lives. */
  hold(poolId: string): void;
  /** Unlocks the jobs and queues of dead pools; returns their ids. */
  sweep(): Promise<string[]>;
  stop(): Promise<void>;
}

const lockKey = `hashtextextended('adlerdo:worker-pool:' || $1::text, 0)`;
/**
 * After the database connection is lost (a server restart), the locks are taken again this often until they are
 * held: until then another worker's sweep would judge this live process dead and unlock its jobs.
 */
const RECONNECT_EVERY_MS = 1_000;

export async function startWorkerLiveness(pool: pg.Pool, logger: Logger): Promise<WorkerLiveness> {
  const held = new Set<string>();
  let client: pg.PoolClient | undefined;
  let connecting: Promise<pg.PoolClient> | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const reconnectSoon = (): void => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      if (stopped || client) return;
      connect().catch(() => reconnectSoon());
    }, RECONNECT_EVERY_MS);
    retry.unref();
  };

  const connect = (): Promise<pg.PoolClient> =>
    (connecting ??= (async () => {
      const fresh = await pool.connect();
      fresh.on('error', (error) => {
        if (client !== fresh) return; // already let go (stop, or an earlier error)
        // The locks went with the connection: they are taken again on a new one at the next sweep.
        logger.warn({ err: error }, 'worker liveness connection lost');
        client = undefined;
        connecting = undefined;
        fresh.release(error);
        reconnectSoon();
      });
      client = fresh;
      for (const id of held) await fresh.query(`SELECT pg_advisory_lock(${lockKey})`, [id]);
      return fresh;
    })().catch((error: unknown) => {
      connecting = undefined;
      throw error;
    }));

  await connect();
  return {
    hold(poolId) {
      held.add(poolId);
      // Sent at once, before the pool's workers ask for their first job (they start after `pool:create`).
      client
        ?.query(`SELECT pg_advisory_lock(${lockKey})`, [poolId])
        .catch((error: unknown) => logger.warn({ err: error, poolId }, 'worker liveness lock not taken'));
    },
    async sweep() {
      const session = client ?? (await connect());
      // The graphile-worker 0.17 tables (pinned version): who holds which job and queue.
      const { rows } = await session.query<{ locked_by: string }>(
        `SELECT locked_by FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL
         UNION SELECT locked_by FROM graphile_worker._private_job_queues WHERE locked_by IS NOT NULL`,
      );
      const dead: string[] = [];
      for (const { locked_by: poolId } of rows) {
        if (held.has(poolId)) continue;
        const probe = await session.query<{ free: boolean }>(
          `SELECT pg_try_advisory_lock(${lockKey}) AS free`,
          [poolId],
        );
        if (!probe.rows[0]?.free) continue;
        await session.query(`SELECT pg_advisory_unlock(${lockKey})`, [poolId]);
        dead.push(poolId);
      }
      if (dead.length > 0) {
        await session.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [dead]);
        logger.warn({ pools: dead }, 'unlocked the sync jobs of stopped worker processes');
      }
      return dead;
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const session = client;
      client = undefined;
      if (!session) return;
      // Destroying the connection (not returning it to the pool) ends the session and frees its locks. The
      // server closes the socket only after it has released them, so once `end` fires another process's next
      // sweep sees this pool as gone (without the wait, a sweep right after stop() still found it held).
      const ended = new Promise<void>((resolve) => session.once('end', () => resolve()));
      session.release(true);
      await ended;
    },
  };
}
