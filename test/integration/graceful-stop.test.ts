import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppContext, type AppContext } from '../../src/app-context.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startKauflandSandbox, type KauflandSandbox } from '../../src/sandbox/kaufland/index.ts';
import { startOdooSandbox, type OdooSandbox } from '../../src/sandbox/odoo/index.ts';
import { startEmbeddedPostgres } from '../../src/store/embedded-postgres.ts';
import { BIN } from '../helpers/cli.ts';

/**
 * Issue 14, point 4: `adlerdo start` with its embedded PostgreSQL gets SIGTERM while a step is held (Kaufland
 * does not answer). The step cannot finish, so its job must go back to the queue, its run must be closed, and
 * only then is the database stopped — cleanly. Checked from the records the next start sees, and that start
 * runs the step again.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** In front of the Kaufland sandbox: passes calls on, or (while `holding`) keeps them unanswered. */
async function startHoldProxy(target: string) {
  const held = new Set<http.ServerResponse>();
  const state = { holding: false, heldCount: 0 };
  const server = http.createServer((req, res) => {
    if (state.holding) {
      state.heldCount++;
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    const upstream = http.request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    state,
    release: () => {
      state.holding = false;
      for (const res of held) res.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

class Hub {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  private readonly child: ChildProcess;
  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [BIN, 'start'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (c: Buffer) => (this.output += c.toString()));
    this.child.stderr!.on('data', (c: Buffer) => (this.output += c.toString()));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
  }
  alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
  signal(name: NodeJS.Signals): void {
    this.child.kill(name);
  }
  async ready(port: number): Promise<void> {
    for (let i = 0; i < 600 && this.alive(); i++) {
      const status = await fetch(`http://127.0.0.1:${port}/ready`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return;
      await sleep(100);
    }
    throw new Error(`adlerdo start did not become ready:\n${this.output.slice(-3000)}`);
  }
}

describe('graceful stop with the embedded database', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'adlerdo-graceful-'));
  chmodSync(parent, 0o755); // as root PostgreSQL runs as `postgres`, which must pass through
  const dataDir = path.join(parent, 'data');
  const hubs: Hub[] = [];
  let kaufland: KauflandSandbox | undefined;
  let odoo: OdooSandbox | undefined;
  let proxy: Awaited<ReturnType<typeof startHoldProxy>> | undefined;
  afterAll(async () => {
    for (const hub of hubs) if (hub.alive()) hub.signal('SIGKILL');
    await Promise.all(hubs.map((h) => h.exited));
    await proxy?.close();
    await Promise.all([kaufland?.close(), odoo?.close()]);
    rmSync(parent, { recursive: true, force: true });
  });

  it('SIGTERM under a held step: the job goes back, the run is closed, PostgreSQL shuts down cleanly, the next start runs the step', async () => {
    [kaufland, odoo] = await Promise.all([startKauflandSandbox({ port: 0 }), startOdooSandbox({ port: 0 })]);
    proxy = await startHoldProxy(new URL(kaufland.baseUrl).origin);
    const port = await freePort();
    const env = {
      ADLERDO_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADLERDO_PG_PORT: '0',
      ADLERDO_SYNC_INTERVALS: 'orders=1',
      LOG_LEVEL: 'info',
    };
    const first = new Hub(env);
    hubs.push(first);
    await first.ready(port);

    // The test joins the hub's embedded database (as the CLI does) to add an account and connect Odoo.
    const config = loadConfig({ ADLERDO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    let ctx: AppContext = await createAppContext(config, createLogger('silent'));
    const keys = kaufland.addSeller({ storefronts: ['de'] });
    const account = await ctx.accounts.add({
      type: 'kaufland',
      name: 'Held Store',
      clientId: keys.client_key,
      clientSecret: keys.secret_key,
      baseUrl: kaufland.baseUrl.replace(new URL(kaufland.baseUrl).origin, proxy.origin),
    });
    await ctx.erp.connect({
      type: 'odoo',
      url: odoo.url,
      database: odoo.database,
      login: odoo.login,
      apiKey: odoo.password,
    });
    proxy.state.holding = true;
    // Wait until a step of the account is running and Kaufland holds one of its calls.
    let heldRunId: string | undefined;
    for (let i = 0; i < 600 && !heldRunId; i++) {
      const running = await ctx.db
        .selectFrom('sync_runs')
        .select(['id'])
        .where('account_id', '=', account.id)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (running && proxy.state.heldCount > 0) heldRunId = running.id;
      else await sleep(100);
    }
    expect(heldRunId, 'a step is running with its Kaufland call held').toBeDefined();
    await ctx.close();

    first.signal('SIGTERM');
    const exit = await first.exited;
    // The hub exits 0 only when its shutdown completed before its own 10 s limit (else it exits 1).
    expect(exit, first.output.slice(-3000)).toEqual({ code: 0, signal: null });
    expect(first.output).toContain('their jobs go back to the queue');
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), 'PostgreSQL stopped').toBe(false);

    // The records as the next start finds them, before any worker touches them.
    let pgLog = '';
    const capture = new Writable({
      write(chunk: Buffer, _encoding, done) {
        pgLog += chunk.toString();
        done();
      },
    });
    const cluster = await startEmbeddedPostgres(dataDir, 0, createLogger('trace', capture));
    const client = new pg.Client({ connectionString: cluster.connectionString });
    await client.connect();
    const run = await client.query<{ status: string; error_code: string | null }>(
      'SELECT status, error_code FROM sync_runs WHERE id = $1',
      [heldRunId],
    );
    const jobs = await client.query<{ step: string; locked_by: string | null }>(
      `SELECT payload->>'step' AS step, locked_by FROM graphile_worker._private_jobs
        WHERE payload->>'accountId' = $1`,
      [account.id],
    );
    const lockedQueues = await client.query<{ n: string }>(
      'SELECT count(*) AS n FROM graphile_worker._private_job_queues WHERE locked_by IS NOT NULL',
    );
    await client.end();
    await cluster.stop();
    console.log(
      `graceful stop: exit ${JSON.stringify(exit)}, held run ${run.rows[0]?.status}/${run.rows[0]?.error_code}, ` +
        `jobs of the account ${jobs.rows.length} (locked ${jobs.rows.filter((j) => j.locked_by).length}), ` +
        `locked queues ${lockedQueues.rows[0]?.n}`,
    );
    expect(run.rows[0]).toEqual({ status: 'failed', error_code: 'sync.interrupted' });
    expect(jobs.rows.filter((j) => j.locked_by !== null)).toEqual([]);
    expect(
      jobs.rows.map((j) => j.step),
      'the held job was given back, not dropped',
    ).toContain('orders');
    expect(lockedQueues.rows[0]?.n).toBe('0');
    expect(pgLog).toContain('database system was shut down at');
    expect(pgLog).not.toContain('not properly shut down');

    // The next start runs the step again, to success.
    proxy.release();
    const second = new Hub(env);
    hubs.push(second);
    await second.ready(port);
    ctx = await createAppContext(config, createLogger('silent'));
    let rerun: { status: string } | undefined;
    for (let i = 0; i < 600 && !rerun; i++) {
      rerun = await ctx.db
        .selectFrom('sync_runs')
        .select(['status'])
        .where('account_id', '=', account.id)
        .where('status', '=', 'succeeded')
        .executeTakeFirst();
      if (!rerun) await sleep(100);
    }
    await ctx.close();
    expect(rerun?.status).toBe('succeeded');
    second.signal('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 180_000);
});
