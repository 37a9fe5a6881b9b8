import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Hub } from '../hub.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/adlerdo.js');
// Start-up: migrations are done, so this is tsx loading the sources and the worker's first poll.
const READY_WITHIN_MS = 90_000;
const STOP_GRACE_MS = 15_000;

/** A real `adlerdo start` on the bench's own database, reachable at its public URL (loopback). */
export interface PushHub {
  url: string;
  port: number;
  pid: number;
  /** CPU time of the process so far (user + system, from /proc). */
  cpuMs(): number;
  /** Its highest resident set size so far (/proc VmHWM). */
  peakRssBytes(): number;
  stop(): Promise<void>;
}

/**
 * Starts `adlerdo start` (server, worker, scheduler, push keeper) against the bench hub's PostgreSQL with the same
 * master key, so it sees the account and ERP connection the bench made. ADLERDO_PUBLIC_URL points at itself:
 * the sandboxes' subscriptions and automation rules then POST their callbacks to this process over HTTP.
 */
export async function startPushHub(
  hub: Hub,
  pollSeconds: number,
  log: (line: string) => void,
  reusePort?: number,
): Promise<PushHub> {
  const port = reusePort ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const connectionString = (hub.ctx.pool as unknown as { options: { connectionString: string } }).options
    .connectionString;
  const masterKey = hub.ctx.config.ADLERDO_MASTER_KEY;
  if (!masterKey) throw new Error('bench: the hub has no master key in its config');
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: connectionString,
      ADLERDO_MASTER_KEY: masterKey,
      ADLERDO_DATA_DIR: path.join(hub.dataDir, 'push-hub'),
      HOST: '127.0.0.1',
      PORT: String(port),
      ADLERDO_PUBLIC_URL: url,
      ADLERDO_PUSH_POLL_SECONDS: String(pollSeconds),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const tail: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim())) {
      tail.push(line.slice(0, 400));
      if (tail.length > 20) tail.shift();
    }
  });
  let exited = false;
  const ended = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const pid = child.pid ?? 0;
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await ended;
    clearTimeout(timer);
  };
  const started = performance.now();
  for (;;) {
    if (exited) throw new Error(`adlerdo start exited during start-up:\n${tail.join('\n')}`);
    if (performance.now() - started > READY_WITHIN_MS) {
      await stop();
      throw new Error(`adlerdo start not ready within ${READY_WITHIN_MS / 1000} s:\n${tail.join('\n')}`);
    }
    const ready = await fetch(`${url}/ready`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) break;
    await sleep(200);
  }
  log(`push: adlerdo start (pid ${pid}) ready at ${url}, safety-net poll ${pollSeconds} s`);
  return {
    url,
    port,
    pid,
    cpuMs: () => procCpuMs(pid),
    peakRssBytes: () => procPeakRss(pid),
    stop,
  };
}

/**
 * Waits until the process has subscribed the account at Kaufland (every subscription active, i.e. verified) and
 * installed its automation rules in Odoo: from then on the scheduler polls the pushed steps only as a safety net.
 */
export async function waitForPushActive(hub: Hub, withinMs = 60_000): Promise<void> {
  const started = performance.now();
  for (;;) {
    const endpoints = await hub.ctx.db
      .selectFrom('push_endpoints')
      .select(['kind', 'state', 'state_note', 'remote_ids'])
      .execute();
    const subscriptions = await hub.ctx.db
      .selectFrom('push_subscriptions')
      .select('active')
      .where('account_id', '=', hub.accountId)
      .execute();
    const marketplace = endpoints.find((e) => e.kind === 'marketplace');
    const erp = endpoints.find((e) => e.kind === 'erp');
    const ok =
      marketplace?.state === 'active' &&
      marketplace.state_note === null &&
      subscriptions.length > 0 &&
      subscriptions.every((s) => s.active) &&
      erp?.state === 'active' &&
      erp.remote_ids.length > 0;
    if (ok) return;
    if (performance.now() - started > withinMs)
      throw new Error(
        `push not active within ${withinMs / 1000} s: ${JSON.stringify({ endpoints, subscriptions })}`,
      );
    await sleep(250);
  }
}

/** Waits until the sync queue is empty (the start-up poll of every step has run), so a scenario starts quiet. */
export async function waitForIdleQueue(hub: Hub, withinMs = 120_000): Promise<void> {
  const started = performance.now();
  for (;;) {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM graphile_worker.jobs`.execute(
      hub.ctx.db,
    );
    if (Number(rows[0]?.n ?? 0) === 0) return;
    if (performance.now() - started > withinMs)
      throw new Error(`the sync queue did not empty within ${withinMs / 1000} s`);
    await sleep(200);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** utime + stime of a process, in ms (Linux: clock ticks of 10 ms). 0 when it is gone. */
function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function procPeakRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}
