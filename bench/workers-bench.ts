import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { parseIntervals } from '../src/sync/scheduler.ts';
import { HubProcess } from '../test/crash/hub-process.ts';
import { cycleLag, type CycleLag, type RunRecord } from './workers-lag.ts';
import { startWorkersBenchWorld, type WorkersBenchWorld } from './workers-world.ts';

/** 20 accounts: 19 that take orders, one with a big catalog kept in stock (it must not starve the others). */
const SMALL_ACCOUNTS = 19;
/** The sizes of a full run; a smaller one checks the bench itself. `bigSkus`: `--skus` when given. */
export const WORKERS_BENCH_SIZES = { bigSkus: 20_000, workerCounts: [1, 2, 4], windowMs: 90_000 };
/** Jobs per process, `adlerdo start`'s own worker included. */
const CONCURRENCY = 2;
/** Tight enough that 20 accounts keep every slot busy; the crash scenario's rhythm. */
const INTERVALS = 'orders=10,shipments=30,stock=30,cancellations=60,catalog=60';
/** Orders placed per second during the window, round robin over the sellers. */
const ORDERS_PER_SECOND = 1;
/** After the first run: every account's steps fall due at once at boot; the window measures the rhythm after. */
const WARMUP_MS = 30_000;
/** Booting 5 Node processes on 2 busy cores: the window starts at the first run, or after this. */
const BOOT_MAX_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface WorkersRow {
  workers: number;
  slots: number;
  lag: CycleLag;
  /** The same over the 19 small accounts only: what the big catalog left them. */
  smallLag: CycleLag;
  bootMs: number;
  orders: number;
}

/**
 * `npm run bench -- --scenario workers`: for 1, 2 and 4 `adlerdo worker` processes (plus one `adlerdo start`,
 * whose own worker runs jobs too) on one PostgreSQL with 20 accounts: jobs per second and cycle lag — how much
 * later than its interval each account's step starts again (p50/p95/max over every pair of consecutive starts
 * of one account's step in the window) — from the run records. Orders arrive all along, so the orders steps
 * have work. The world is made once; each row starts fresh processes and measures a 90 s window, with the big
 * account rewound first, so every row's first minute holds its full catalog read and its link + compare all.
 */
export async function workersBench(
  log: (line: string) => void,
  sizes = WORKERS_BENCH_SIZES,
): Promise<WorkersRow[]> {
  log(`workers bench: seeding ${SMALL_ACCOUNTS + 1} accounts (one with ${sizes.bigSkus} SKUs listed)`);
  const world = await startWorkersBenchWorld(SMALL_ACCOUNTS, sizes.bigSkus);
  const rows: WorkersRow[] = [];
  const intervals = Object.fromEntries(
    Object.entries(parseIntervals(INTERVALS)).map(([step, seconds]) => [step, seconds * 1000]),
  );
  mkdirSync('test-output', { recursive: true });
  try {
    for (const workers of sizes.workerCounts)
      rows.push(await measureRow(world, workers, intervals, sizes.windowMs, log));
  } finally {
    await world.close();
  }
  return rows;
}

async function measureRow(
  world: WorkersBenchWorld,
  workers: number,
  intervalsMs: Record<string, number>,
  windowMs: number,
  log: (line: string) => void,
): Promise<WorkersRow> {
  const env = {
    ...world.env,
    ADLERDO_SYNC_INTERVALS: INTERVALS,
    ADLERDO_WORKER_CONCURRENCY: String(CONCURRENCY),
  };
  await world.rewindBig();
  const processes = [
    new HubProcess(env, { command: ['start'], logFile: `test-output/workers-bench-${workers}-start.log` }),
    ...Array.from(
      { length: workers },
      (_, i) =>
        new HubProcess(env, {
          command: ['worker'],
          logFile: `test-output/workers-bench-${workers}-worker-${i + 1}.log`,
        }),
    ),
  ];
  const booted = Date.now();
  for (const p of processes) p.start();
  try {
    while (Date.now() - booted < BOOT_MAX_MS && !(await ranSince(world, booted))) await sleep(200);
    const firstRun = Date.now();
    await sleep(WARMUP_MS);
    const from = Date.now();
    log(
      `  ${workers} worker(s) + start: first run after ${((firstRun - booted) / 1000).toFixed(1)} s, ${WARMUP_MS / 1000} s warm-up, then measuring ${windowMs / 1000} s`,
    );
    let orders = 0;
    while (Date.now() - from < windowMs) {
      const seller = world.sellers[orders % world.sellers.length]!;
      world.kaufland.createOrder({
        client_key: seller,
        storefront: 'de',
        items: [{ id_offer: world.skus[orders % world.skus.length]!, quantity: 1 + (orders % 3) }],
      });
      orders += 1;
      await sleep(1000 / ORDERS_PER_SECOND);
    }
    const to = Date.now();
    const { rows } = await world.database.pool.query<RunRecord>(
      'SELECT account_id, step, started_at, finished_at FROM sync_runs WHERE started_at >= $1',
      [new Date(booted)],
    );
    const exits = processes.flatMap((p) => p.unexpectedExits);
    if (exits.length > 0)
      throw new Error(`workers bench: a hub process exited by itself ${JSON.stringify(exits)}`);
    return {
      workers,
      slots: (workers + 1) * CONCURRENCY,
      lag: cycleLag(rows, intervalsMs, from, to),
      smallLag: cycleLag(
        rows.filter((r) => r.account_id !== world.bigAccountId),
        intervalsMs,
        from,
        to,
      ),
      bootMs: firstRun - booted,
      orders,
    };
  } finally {
    await Promise.all(processes.map((p) => p.stop(15_000)));
  }
}

async function ranSince(world: WorkersBenchWorld, since: number): Promise<boolean> {
  const { rows } = await world.database.pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM sync_runs WHERE started_at >= $1',
    [new Date(since)],
  );
  return Number(rows[0]?.n) > 0;
}

const seconds = (ms: number) => (Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(1)} s`);

/** The rows as a markdown table with the machine and what was measured. */
export function workersTable(
  rows: readonly WorkersRow[],
  totalMs: number,
  loadAtStart: number,
  sizes = WORKERS_BENCH_SIZES,
): string {
  const lines = [
    '| processes | job slots | jobs/s | cycle lag p50 / p95 / max | the 19 small accounts: p95 / max | runs finished | consecutive starts | overlapping runs of one account |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| 1 \`adlerdo start\` + ${r.workers} \`adlerdo worker\` | ${r.slots} | ${r.lag.jobsPerSecond.toFixed(2)} | ${seconds(r.lag.p50Ms)} / ${seconds(r.lag.p95Ms)} / ${seconds(r.lag.maxMs)} | ${seconds(r.smallLag.p95Ms)} / ${seconds(r.smallLag.maxMs)} | ${r.lag.finished} | ${r.lag.gaps} | ${r.lag.overlaps} |`,
    ),
  ];
  const cpus = os.cpus();
  const notes = [
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}; Node ${process.version}. Load average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${(os.loadavg()[0] ?? 0).toFixed(2)}.`,
    `${SMALL_ACCOUNTS + 1} accounts on one embedded PostgreSQL: ${SMALL_ACCOUNTS} take orders (${ORDERS_PER_SECOND} order/s in all, round robin), one keeps ${sizes.bigSkus} listed SKUs in stock; intervals ${INTERVALS} (s); ${CONCURRENCY} jobs per process; sandboxes in the bench process, 50 ms per call.`,
    `Each row: fresh processes, a ${sizes.windowMs / 1000} s window starting ${WARMUP_MS / 1000} s after the first run (boot to first run ${rows.map((r) => seconds(r.bootMs)).join(', ')}). Lag: start-to-start gap of one account's step minus its interval, over consecutive starts inside the window.`,
    `Total wall time ${(totalMs / 1000).toFixed(0)} s.`,
  ];
  return `${lines.join('\n')}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
}

/**
 * The `--scenario workers` run: the rows on stdout; 1 when it could not measure. `bigSkus`: the big account's
 * catalog size (`--skus` when given, else 20,000).
 */
export async function runWorkersBench(
  log: (line: string) => void,
  bigSkus = WORKERS_BENCH_SIZES.bigSkus,
): Promise<number> {
  const started = performance.now();
  const load = os.loadavg()[0] ?? 0;
  const sizes = { ...WORKERS_BENCH_SIZES, bigSkus };
  try {
    const rows = await workersBench(log, sizes);
    process.stdout.write(workersTable(rows, performance.now() - started, load, sizes));
    return 0;
  } catch (error) {
    log(`workers bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
