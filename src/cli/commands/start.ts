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
      // Signals are taken over before anything listens: a SIGTERM right after GET /ready turned 200 (the test
      // suite's, a supervisor's) must stop gracefully, not end the process by the default action.
      const stopping = stopOnSignals(logger, ctx);
      // The worker first: from its first answer on, GET /ready reports it (`worker: running`), never a
      // server that has no worker yet.
      const worker = await startWorker(ctx, { concurrency: config.ADLERDO_WORKER_CONCURRENCY });
      stopping.add(() => worker.stop({ graceMs: STEP_GRACE_MS }));
      const server = await buildServer(ctx);
      stopping.add(() => server.close());
      await server.listen({ port: config.PORT, host: config.HOST });
      const scheduler = startScheduler(ctx, await ctx.queue(), intervals);
      stopping.add(() => scheduler.stop());
      void scheduler.tick();
      const alerter = startAlerter(ctx);
      stopping.add(() => alerter.stop());
      // Kaufland subscriptions and Odoo rules kept in step (issue 13); a no-op without ADLERDO_PUBLIC_URL.
      const pushKeeper = startPushKeeper(ctx);
      stopping.add(() => pushKeeper.stop());
      void pushKeeper.tick();
      const url = `http://localhost:${config.PORT}`;
      logger.info({ url }, `AdlerDo is running at ${url}`);
      if ((await countAdmins(ctx.db)) === 0) logger.info(`Open ${url} to create the first administrator.`);
    });
}

export function workerCommand(): Command {
  return new Command('worker')
    .description('Run only a sync worker (several may share one PostgreSQL via DATABASE_URL)')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config.LOG_LEVEL);
      const ctx = await createAppContext(config, logger);
      const stopping = stopOnSignals(logger, ctx);
      const worker = await startWorker(ctx, { concurrency: config.ADLERDO_WORKER_CONCURRENCY });
      stopping.add(() => worker.stop({ graceMs: STEP_GRACE_MS }));
      // A process that only runs a worker is useless once the worker is gone: exit non-zero so the supervisor
      // (systemd, Kubernetes, Docker's restart policy) starts a fresh one.
      void worker.crashed.then(async () => {
        await ctx.close().catch(() => undefined);
        process.exit(1);
      });
    });
}

/**
 * SIGTERM/SIGINT: stop taking work, let running steps finish (cursors stay consistent), then close. Parts register
 * as they start and stop newest first (scheduler before server before worker), so a signal during start-up stops
 * what has started.
 */
function stopOnSignals(logger: Logger, ctx: AppContext): { add(stop: () => unknown): void } {
  const parts: (() => unknown)[] = [];
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    for (const part of parts.reverse()) await part();
    await ctx.close();
    clearTimeout(timer);
    process.exit(0);
  };
  // `on`, not `once`: a second signal while stopping must not end the process by the default action.
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return { add: (part) => void parts.push(part) };
}
