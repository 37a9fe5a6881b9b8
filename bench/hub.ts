import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../src/app-context.ts';
import { loadConfig } from '../src/config/config.ts';
import { createLogger } from '../src/logging/logger.ts';
import { runStep, type RunStepOptions, type StepOutcome } from '../src/sync/run-step.ts';
import type { Step } from '../src/sync/steps.ts';
import type { Connection } from './ipc.ts';

/** The hub as `adlerdo start` runs it, minus HTTP: its own embedded PostgreSQL in a temp data dir. */
export interface Hub {
  ctx: AppContext;
  dataDir: string;
  accountId: string;
  run(step: Step, options: RunStepOptions): Promise<StepOutcome>;
  /** Stops PostgreSQL and deletes the data dir; safe to call twice. */
  close(): Promise<void>;
}

export function makeDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'adlerdo-bench-'));
}

export async function openHub(dataDir: string, connection: Connection): Promise<Hub> {
  const config = loadConfig({
    ADLERDO_DATA_DIR: dataDir,
    ADLERDO_PG_PORT: '0',
    ADLERDO_MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
  });
  // Warnings and errors only, on stderr: stdout carries the table (and --json).
  const ctx = await createAppContext(config, createLogger('warn', process.stderr));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await ctx.close();
  };
  try {
    const account = await ctx.accounts.add({
      type: 'kaufland',
      name: 'Bench Store',
      clientId: connection.kaufland.clientKey,
      clientSecret: connection.kaufland.secretKey,
      baseUrl: connection.kaufland.baseUrl,
    });
    await ctx.accounts.patch(account.id, { settings: { productStockSync: true } });
    await ctx.erp.connect({
      type: 'odoo',
      url: connection.odoo.url,
      database: connection.odoo.database,
      login: connection.odoo.login,
      apiKey: connection.odoo.apiKey,
    });
    return {
      ctx,
      dataDir,
      accountId: account.id,
      run: (step, options) => runStep(ctx, account.id, step, 'cli', options),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function removeDataDir(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
}
