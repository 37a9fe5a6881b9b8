import { Command } from 'commander';
import { startAlerter } from '../../alerts/alerter.ts';
import { createAppContext, type AppContext } from '../../app-context.ts';
import { countAdmins } from '../../auth/admins.ts';
import { loadConfig } from '../../config/config.ts';
import { buildServer } from '../../http/server.ts';
import { createLogger, type Logger } from '../../logging/logger.ts';
import { startPushKeeper } from '../../push/keeper.ts';
import { parseIntervals, startScheduler } from '../../sync/scheduler.ts';
import { startWorker } from '../../sync/worker.ts';

/** Shutdown ends within 10 s whatever runs: past that the process exits (code 1) as it is. */
const SHUTDOWN_GRACE_MS = 10_000;
/**
 * Running steps get this long to finish; then they give their jobs back (see Worker.stop), leaving time to close
 * the pool (≤ 2 s, store/db.ts) and to stop the embedded PostgreSQL cleanly before the 10 s are over.
 */
const STEP_GRACE_MS = 5_000;

export function startCommand(): Command {
  return new Command('start')
    .description('Start AdlerDo: database, web UI and API, sync worker and scheduler')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config.LOG_LEVEL);
      const intervals = parseIntervals(config.ADLERDO_SYNC_INTERVALS);
      const ctx = await createAppContext(config, logger);
      // The worker first: from its first answer on, GET /ready reports it (`worker: running`), never a
      // server that has no worker yet.
      const worker = await startWorker(ctx, { concurrency: config.ADLERDO_WORKER_CONCURRENCY });
      const server = await buildServer(ctx);
      await server.listen({ port: config.PORT, host: config.HOST });
      const scheduler = startScheduler(ctx, await ctx.queue(), intervals);
      void scheduler.tick();
      const alerter = startAlerter(ctx);
      // Kaufland subscriptions and Odoo rules kept in step (issue 13); a no-op without ADLERDO_PUBLIC_URL.
      const pushKeeper = startPushKeeper(ctx);
      void pushKeeper.tick();
      const url = `http://localhost:${config.PORT}`;
      logger.info({ url }, `AdlerDo is running at ${url}`);
      if ((await countAdmins(ctx.db)) === 0) logger.info(`Open ${url} to create the first administrator.`);
      stopOnSignals(logger, ctx, async () => {
        scheduler.stop();
        alerter.stop();
        pushKeeper.stop();
        await server.close();
        await worker.stop({ graceMs: STEP_GRACE_MS });
      });
    });
}

export function workerCommand(): Command {
  return new Command('worker')
    .description('Run only a sync worker (several may share one PostgreSQL via DATABASE_URL)')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config.LOG_LEVEL);
      const ctx = await createAppContext(config, logger);
      const worker = await startWorker(ctx, { concurrency: config.ADLERDO_WORKER_CONCURRENCY });
      stopOnSignals(logger, ctx, async () => {
        await worker.stop({ graceMs: STEP_GRACE_MS });
      });
      // A process that only runs a worker is useless once the worker is gone: exit non-zero so the supervisor
      // (systemd, Kubernetes, Docker's restart policy) starts a fresh one.
      void worker.crashed.then(async () => {
        await ctx.close().catch(() => undefined);
        process.exit(1);
      });
    });
}

/** SIGTERM/SIGINT: stop taking work, let running steps finish (cursors stay consistent), then close. */
function stopOnSignals(logger: Logger, ctx: AppContext, stopWork: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    await stopWork();
    await ctx.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
