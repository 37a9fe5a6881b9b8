import { EventEmitter } from 'node:events';
import { Logger as GraphileLogger, run, type Runner, type WorkerEvents } from 'graphile-worker';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../core/errors.ts';
import { SessionMemory } from '../core/session-memory.ts';
import type { Logger } from '../logging/logger.ts';
import { SYNC_TASK, takeWaitingJob } from './queue.ts';
import { runStep } from './run-step.ts';
import { currentErpOutage, nextTryAt } from './erp-outage.ts';
import { closeAbandonedRuns } from './runs.repository.ts';
import { startRunsRetention } from './runs-retention.ts';
import { STEPS } from './steps.ts';
import { startWorkerLiveness } from './worker-liveness.ts';
import { surviveDatabaseLoss, unlockOrphanedJobs } from './worker-outage.ts';

const payloadSchema = z.object({
  accountId: z.uuid(),
  step: z.enum(STEPS),
  trigger: z.enum(['schedule', 'manual', 'cli', 'retry', 'push']),
});

/** A run still `running` after 15 minutes belongs to a worker that died (a step takes seconds to minutes). */
const ABANDONED_AFTER_SECONDS = 15 * 60;
/** How often a worker looks for jobs locked by a worker process that died (see worker-liveness.ts). */
const SWEEP_EVERY_MS = 10_000;
/**
 * How long the worker's runs reuse the ERP sign-in and what a session reads once (a push-woken orders run saves
 * 7 of its ~20 calls): a change in the ERP's setup is seen within this, or on the run after one it made fail.
 */
const ERP_MEMORY_MS = 60_000;

/**
 * How long a run may hold its account's queue when it has more work than that (an orders backlog after an ERP
 * outage: thousands of orders) before the account's other waiting steps have their turn: a shipment's tracking or
 * a stock change waits this long at most, not for the whole drain (crash scenario odoo-outage, run 4 of stop 20:
 * one 8-minute orders run confirmed no unit meanwhile). ~3,000 orders on the sandbox ERP, ~900 on a real Odoo
 * (~15 a second). Real time, not the hub's clock (src/core/clock.ts): it bounds work done by the ERP.
 */
const TURN_MS = 60_000;

/** How a stop ended: every running step finished, or the ones still running gave their jobs back. */
export type StopOutcome = 'finished' | 'returned';

export interface Worker {
  /**
   * Takes no new job and waits for the running steps. With `graceMs`, steps still running after that long give
   * their jobs back to the queue (unlocked, retried by any worker from the stored cursor) and their runs are
   * closed as interrupted, so the caller may then stop the database under them.
   */
  stop(options?: { graceMs?: number }): Promise<StopOutcome>;
  /** Settles only when the worker ended without being asked to (graphile-worker's pool failed). */
  crashed: Promise<void>;
}

/**
 * Runs sync jobs from the shared PostgreSQL queue. Many workers (processes, machines) can share one database:
 * graphile-worker hands each job to one of them, and an account's jobs run one at a time (its own queue).
 * Jobs arrive by LISTEN/NOTIFY within ~30 ms; the 1 s poll only backs that up.
 */
export async function startWorker(app: AppContext, options: { concurrency: number }): Promise<Worker> {
  await closeAbandonedRuns(app.db, ABANDONED_AFTER_SECONDS);
  const log = app.logger.child({ component: 'worker' });
  const liveness = await startWorkerLiveness(app.pool, log);
  const stopSurviving = surviveDatabaseLoss(log);
  const events: WorkerEvents = new EventEmitter();
  /** The steps this process is running, by job id: closed as interrupted when a stop gives their jobs back. */
  const inFlight = new Map<string, { accountId: string; step: (typeof STEPS)[number]; since: Date }>();
  const poolIds: string[] = [];
  const erpMemory = new SessionMemory(ERP_MEMORY_MS);
  events.on('pool:create', ({ workerPool }) => {
    poolIds.push(workerPool.id);
    liveness.hold(workerPool.id);
  });
  const runner: Runner = await run({
    pgPool: app.pool,
    concurrency: options.concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: graphileLogger(log),
    events,
    taskList: {
      [SYNC_TASK]: async (raw, helpers) => {
        const parsed = payloadSchema.safeParse(raw);
        if (!parsed.success)
          throw new AppError(
            'bug',
            'sync.bad_payload',
            `A sync job has a malformed payload: ${parsed.error.message}`,
          );
        const { accountId, step, trigger } = parsed.data;
        const exists = await app.db
          .selectFrom('marketplace_accounts')
          .select('id')
          .where('id', '=', accountId)
          .executeTakeFirst();
        if (!exists) return; // removed since the job was queued
        // A retry while the ERP is down waits for the outage backoff: the scheduler's probe tries when it allows.
        if (helpers.job.attempts > 1 && (await erpOutageHoldsBack(app))) return;
        inFlight.set(helpers.job.id, { accountId, step, since: new Date() });
        try {
          await runStep(app, accountId, step, trigger, {
            erpMemory,
            // Unsure (the database hiccuped): the waiting job stays and runs next, as it would have anyway.
            anotherPass: () => takeWaitingJob(app.pool, { accountId, step }).catch(() => false),
            turn: {
              ms: TURN_MS,
              continueLater: async () =>
                (await app.queue()).enqueueBehindOthers({ accountId, step, trigger: 'schedule' }),
            },
          });
        } finally {
          inFlight.delete(helpers.job.id);
        }
      },
    },
  });
  const sweep = async () => {
    await liveness.sweep().catch((error: unknown) => log.warn({ err: error }, 'dead worker sweep failed'));
    const orphaned = await unlockOrphanedJobs(app.pool, poolIds, [...inFlight.keys()]).catch(() => 0);
    if (orphaned > 0)
      log.warn({ orphaned }, 'unlocked jobs this worker lost track of while the database was away');
  };
  await sweep();
  const sweeper = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  sweeper.unref();
  // Old run records go (ADLERDO_RUN_RETENTION_DAYS): at start, then hourly, wherever a worker runs.
  const retention = startRunsRetention(app);

  let running = true;
  let stopAsked = false;
  let gaveUp = false;
  let crashed = (): void => undefined;
  const crash = new Promise<void>((resolve) => (crashed = resolve));
  // graphile-worker's runner promise settles when its pool has ended: asked to (stop below) or by a fatal
  // error. It swallows the pool's error and resolves, so the only sign of a crash is that we did not ask.
  const ended = runner.promise
    .catch(() => undefined)
    .then(async () => {
      running = false;
      clearInterval(sweeper);
      await retention.stop();
      // A step given up at stop (gaveUp below) still settles some time later, and graphile-worker then records
      // it on the pool the process has closed meanwhile: that rejection must stay survivable until the process
      // ends (the crash scenario odoo-outage's final SIGTERM ended with exit 1 when the pool ended first).
      if (!gaveUp) stopSurviving();
      if (!stopAsked) log.error('sync worker stopped unexpectedly: this process runs no sync steps any more');
      // A crashed pool may leave jobs locked: freeing its liveness lock lets the other workers' sweeps unlock
      // them within 10 s, instead of graphile-worker's 4 hours (or for as long as this process lives).
      await liveness.stop();
      if (!stopAsked) crashed();
    });
  // GET /ready reports this worker (the last one started, should a test start several on one context).
  app.worker = { running: () => running };
  // The pool ids name this process in graphile-worker's locks (the crash test's worker scenario reads them).
  log.info({ concurrency: options.concurrency, pools: poolIds }, 'sync worker started');
  return {
    crashed: crash,
    stop: async ({ graceMs } = {}) => {
      stopAsked = true;
      // A second stop, or one after a crash, has nothing to stop (graphile-worker would reject it).
      const wasRunning = running;
      running = false; // not ready from now on: the pool takes no new job while its running steps finish
      if (!wasRunning) {
        await ended;
        return 'finished';
      }
      const graceful = runner.stop().then(() => 'finished' as const);
      if (graceMs === undefined) {
        await graceful;
        await ended;
        return 'finished';
      }
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
      const first = await Promise.race([graceful.catch(() => 'finished' as const), late]);
      clearTimeout(timer);
      if (first === 'finished') {
        await ended;
        return 'finished';
      }
      gaveUp = true;
      const interrupted = [...inFlight.values()];
      log.warn(
        { steps: interrupted.map((r) => `${r.accountId}/${r.step}`) },
        'steps still running at shutdown: their jobs go back to the queue',
      );
      // The jobs are unlocked as the liveness sweep does for a dead process (graphile-worker's forceful shutdown
      // finds no workers left once a graceful one has begun): any worker, or the next start, takes them at once.
      await app.pool
        .query('SELECT graphile_worker.force_unlock_workers($1::text[])', [poolIds])
        .catch((error: unknown) => log.warn({ err: error }, 'jobs not unlocked (the next sweep frees them)'));
      await closeInterruptedRuns(app.db, interrupted).catch((error: unknown) =>
        log.warn({ err: error }, 'interrupted runs not closed (the next worker closes them as abandoned)'),
      );
      // graphile-worker's pool only ends once the given-up step's promise settles, which may be never (a call
      // that hangs): it is not waited for. Its jobs are unlocked already; the liveness lock goes now.
      clearInterval(sweeper);
      await liveness.stop();
      return 'returned';
    },
  };
}

/** True while the ERP is down and the outage backoff (src/sync/erp-outage.ts) allows no try yet. */
async function erpOutageHoldsBack(app: AppContext): Promise<boolean> {
  const erp = await app.erp.get();
  const outage = erp && (await currentErpOutage(app.db, erp.type));
  return outage ? Date.now() < nextTryAt(outage) : false;
}

/** The runs of steps given up at shutdown: `failed`, so that no run stays `running` for a step nobody runs. */
async function closeInterruptedRuns(
  db: AppContext['db'],
  runs: { accountId: string; step: (typeof STEPS)[number]; since: Date }[],
): Promise<void> {
  for (const run of runs) {
    await db
      .updateTable('sync_runs')
      .set({
        status: 'failed',
        finished_at: new Date(),
        error_code: 'sync.interrupted',
        error_message: 'AdlerDo was stopped during this run; the step runs again from its last saved point.',
      })
      .where('status', '=', 'running')
      .where('account_id', '=', run.accountId)
      .where('step', '=', run.step)
      .where('started_at', '>=', run.since)
      .execute();
  }
}

function graphileLogger(log: Logger): GraphileLogger {
  return new GraphileLogger(() => (level, message, meta) => {
    const name = String(level);
    const method = name === 'error' ? 'error' : name === 'warning' ? 'warn' : 'debug';
    log[method](meta ?? {}, message);
  });
}
