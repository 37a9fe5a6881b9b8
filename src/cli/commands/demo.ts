import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { startAlerter } from '../../alerts/alerter.ts';
import { createAppContext } from '../../app-context.ts';
import { loadConfig } from '../../config/config.ts';
import { startDemoOnce } from '../../demo/index.ts';
import { buildServer } from '../../http/server.ts';
import { createLogger } from '../../logging/logger.ts';
import { parseIntervals, startScheduler } from '../../sync/scheduler.ts';
import { startWorker } from '../../sync/worker.ts';

/** Every step every 5 s (the scheduler's floor), so a newcomer sees orders move within seconds, not minutes. */
const DEMO_INTERVALS = 'catalog=5,stock=5,orders=5,shipments=5,cancellations=5';
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * `adlerdo demo`: `adlerdo start` on a fresh, temporary data dir plus the demo (both sandboxes in this
 * process, live orders). Never the seller's own database: DATABASE_URL is ignored, and everything is deleted
 * on Ctrl+C.
 */
export function demoCommand(): Command {
  return new Command('demo')
    .description(
      'Try AdlerDo with built-in Kaufland and Odoo sandboxes and live orders (temporary data, deleted on exit)',
    )
    .action(async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'adlerdo-demo-'));
      const config = loadConfig({
        ...process.env,
        ADLERDO_DATA_DIR: dataDir,
        DATABASE_URL: '',
        DATABASE_URL_FILE: '',
        ADLERDO_MASTER_KEY: '',
        ADLERDO_MASTER_KEY_FILE: '',
        ADLERDO_PG_PORT: '0',
        HOST: process.env.HOST ?? '127.0.0.1',
        // The sync logs every run at info level; the demo's console is for the lines below.
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        ADLERDO_SYNC_INTERVALS: process.env.ADLERDO_SYNC_INTERVALS ?? DEMO_INTERVALS,
      });
      const logger = createLogger(config.LOG_LEVEL);
      const ctx = await createAppContext(config, logger);
      const server = await buildServer(ctx);
      // PORT=0 picks a free port: the address says which.
      const address = await server.listen({ port: config.PORT, host: config.HOST });
      const worker = await startWorker(ctx, { concurrency: config.ADLERDO_WORKER_CONCURRENCY });
      const scheduler = startScheduler(ctx, await ctx.queue(), parseIntervals(config.ADLERDO_SYNC_INTERVALS));
      const demo = await startDemoOnce(ctx);
      void scheduler.tick();
      const alerter = startAlerter(ctx);

      const url = `http://localhost:${new URL(address).port}`;
      process.stdout.write(
        [
          `AdlerDo demo is running at ${url}`,
          '  Open it and create an administrator on the first-start page (any name, a password of 10+ characters).',
          `  In this process: a Kaufland sandbox (${demo.kaufland.baseUrl}, seller "Demo Kaufland Store",`,
          `  storefronts ${demo.storefronts.join(', ')}) and an Odoo sandbox (${demo.odoo.url}) with ${demo.products} products.`,
          '  Orders arrive every few seconds; every sync step runs every 5 s.',
          '  Press Ctrl+C to stop. The demo data is temporary and deleted then.',
          '',
        ].join('\n'),
      );

      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        const timer = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
        scheduler.stop();
        alerter.stop();
        await server.close(); // also stops the demo and its sandboxes
        await worker.stop();
        await ctx.close();
        rmSync(dataDir, { recursive: true, force: true });
        clearTimeout(timer);
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
