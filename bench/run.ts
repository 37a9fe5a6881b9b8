import { rmSync } from 'node:fs';
import os from 'node:os';
import { parseBenchArgs, USAGE, type BenchArgs } from './args.ts';
import { makeDataDir, openHub, removeDataDir, type Hub } from './hub.ts';
import { inFlight } from './meter.ts';
import { markdownTable } from './report.ts';
import { forkSandboxes, type Sandboxes } from './sandboxes.ts';
import { firstListingByFile } from './scenarios/file-listing.ts';
import { pushFlood } from './scenarios/push-flood.ts';
import { idleCycle, initialCycle, linkedCycle } from './scenarios/initial.ts';
import { seedHubCatalog } from './seed-hub.ts';
import { runWorkersBench } from './workers-bench.ts';
import { BENCH_CURRENCIES, type RealOdoo } from './ipc.ts';
import { reachRealOdoo } from './real-odoo.ts';
import { openOrdersCycle } from './scenarios/open-orders.ts';
import { rateChangeCycle } from './scenarios/reprice.ts';
import { ordersToErp } from './scenarios/orders.ts';
import { pushRows } from './scenarios/push-rows.ts';
import { steadyCycle } from './scenarios/steady.ts';
import { stockLatency } from './scenarios/stock-latency.ts';
import type { Bench, ScenarioResult } from './scenarios/types.ts';

/**
 * `npm run bench`: the Complete Sync Cycle's cost against both sandboxes, as one table. The hub runs in this
 * process on its own embedded PostgreSQL (temp data dir); the sandboxes run in a child process, so the hub's
 * CPU time and RSS are its own. Everything started here is stopped and deleted here, also on Ctrl-C or timeout.
 */
const started = performance.now();
const loadAtStart = os.loadavg()[0] ?? 0;
const log = (line: string) =>
  process.stderr.write(
    `[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`,
  );

let sandboxes: Sandboxes | undefined;
let hub: Hub | undefined;
let dataDir: string | undefined;
let cleaning: Promise<void> | undefined;
const results: ScenarioResult[] = [];
const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : JSON.stringify(error);
let seedMs = 0;
let realOdoo: { odoo: RealOdoo; version: string } | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await hub?.close().catch((error: unknown) => log(`stopping the hub failed: ${String(error)}`));
    await sandboxes?.close();
    if (dataDir) await removeDataDir(dataDir);
  })();
  return cleaning;
}

async function scenarios(args: BenchArgs, realOdoo?: RealOdoo): Promise<void> {
  sandboxes = forkSandboxes(args.skus);
  log(
    `sandbox host started (pid ${sandboxes.pid}); seeding ${args.skus} products into Odoo, latency ${args.latency} ms`,
  );
  const connection = await sandboxes.call('start', {
    skus: args.skus,
    latencyMs: args.latency,
    seed: args.seed,
    seedMode: args.import ? 'import' : 'history',
    storefront: args.storefront,
    listed: args.listed,
    ...(realOdoo && { realOdoo }),
  });
  seedMs = connection.seedMs;
  dataDir = await makeDataDir();
  hub = await openHub(dataDir, connection);
  if (connection.listed) await seedHubCatalog(hub, args.skus, args.seed, connection.listed);
  log(`hub ready (embedded PostgreSQL in ${dataDir})`);
  const bench: Bench = { hub, sandboxes, skus: args.skus, log };
  if (args.scenario === 'file-listing')
    return void results.push(await firstListingByFile(bench, args.importMs));
  if (args.scenario === 'push-flood') return void results.push(await pushFlood(bench));
  results.push(await (args.listed ? linkedCycle(bench) : initialCycle(bench)));
  results.push(await idleCycle(bench));
  results.push(await steadyCycle(bench, args.change));
  if (args.stockSamples > 0) results.push(await stockLatency(bench, args.stockSamples, args.stockGap));
  if (args.orders > 0)
    results.push(await ordersToErp(bench, args.orders, args.orderUnits, args.orderSpread * 1000));
  // Last: its open orders stay reserved, which would skew any stock measurement after it.
  if (args.openOrders > 0) results.push(await openOrdersCycle(bench, args.change, args.openOrders));
  // Only a storefront in another currency than the company's has a rate to change.
  const currency = BENCH_CURRENCIES[args.storefront];
  if (currency !== 'EUR' && args.rateChange > 0)
    results.push(await rateChangeCycle(bench, currency, args.rateChange));
  // Issue 13: a real `adlerdo start` takes the callbacks; last, so its worker runs under no other scenario.
  // Not against a real Odoo: its automation rules would outlive the bench's server in a shared database.
  if (args.pushSamples > 0 && !realOdoo)
    await pushRows(
      bench,
      connection.kaufland.baseUrl,
      { samples: args.pushSamples, loss: args.pushLoss },
      (row) => results.push(row),
    );
}

function print(args: BenchArgs, error?: unknown): void {
  const cpus = os.cpus();
  const cut = inFlight();
  const rows: ScenarioResult[] = cut
    ? [
        ...results,
        {
          name: `${cut.name} — CUT SHORT`,
          skus: args.skus,
          changes: null,
          measurement: cut.snapshot(),
          notes: [],
        },
      ]
    : results;
  const context = [
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM; Node ${process.version}.`,
    `Storefront: kaufland.${args.storefront} (${BENCH_CURRENCIES[args.storefront]}).`,
    realOdoo
      ? `Odoo: the REAL Odoo ${realOdoo.version} at ${realOdoo.odoo.url} (no latency added; the Kaufland sandbox adds ${args.latency} ms per call, in a child process), seeded with ${args.skus} products through its API in ${(seedMs / 1000).toFixed(1)} s.`
      : `Sandboxes: ${args.latency} ms added per call (Kaufland /v2 and Odoo RPC), in a child process. Odoo seeded with ${args.skus} products ${args.import ? 'as ONE import (all in the same second)' : 'grown over time (200 per second of back-dated history)'} in ${(seedMs / 1000).toFixed(1)} s.`,
    `Hub = this process (CPU from process.cpuUsage, peak RSS sampled every 50 ms; lifetime max RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB). PG = its embedded PostgreSQL (/proc). Sandbox = the child process with both sandboxes.`,
    `Total bench wall time: ${((performance.now() - started) / 1000).toFixed(0)} s; load average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${(os.loadavg()[0] ?? 0).toFixed(2)} (other work on the machine slows wall times).`,
    ...results.flatMap((r) => r.notes),
    ...(error === undefined ? [] : [`STOPPED EARLY: ${messageOf(error)}`]),
  ];
  const text = `${markdownTable(rows)}\n\n${context.map((line) => `- ${line}`).join('\n')}\n`;
  if (!args.json) {
    process.stdout.write(text);
    return;
  }
  process.stderr.write(text);
  const json = {
    args,
    machine: { cpus: cpus.length, model: cpus[0]?.model, memBytes: os.totalmem(), node: process.version },
    seedMs,
    totalMs: performance.now() - started,
    hubMaxRssBytes: process.resourceUsage().maxRSS * 1024,
    scenarios: rows,
    error: error === undefined ? undefined : messageOf(error),
  };
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
}

async function main(): Promise<number> {
  let args: BenchArgs;
  try {
    const parsed = parseBenchArgs(process.argv.slice(2));
    if (parsed === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    args = parsed;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  // Stopped from outside (signal, timeout): report once, clean up, exit; the step that was running fails as the
  // database goes away underneath it, and that failure is not reported a second time.
  let stopped = false;
  const stopOn = (reason: string, code: number) => {
    if (stopped) return;
    stopped = true;
    log(`${reason}: stopping and cleaning up`);
    print(args, new Error(reason));
    void cleanup().finally(() => {
      log('cleaned up (sandboxes stopped, PostgreSQL stopped, data dir deleted)');
      process.exit(code);
    });
  };
  process.once('SIGINT', () => stopOn('interrupted', 130));
  // The embedded PostgreSQL is told to stop when the process exits (src/store/postgres/server-process.ts), maybe
  // before cleanup() is done: the data dir goes on exit in any case, and a pg client that errors because its
  // server went away during the stop is expected, not a crash.
  process.on('exit', () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  process.on('uncaughtException', (error) => {
    if (stopped) log(`while stopping: ${error.message}`);
    else stopOn(`crashed: ${error.stack ?? error.message}`, 1);
  });
  process.once('SIGTERM', () => stopOn('terminated', 143));
  const real = args.odoo === 'sandbox' ? undefined : await reachRealOdoo(args.odoo);
  if (typeof real === 'string') {
    process.stderr.write(`bench --odoo ${args.odoo}: skipped, ${real}\n`);
    return 0;
  }
  realOdoo = real;
  if (args.scenario === 'workers') return runWorkersBench(log, args.skus);
  const watchdog = setTimeout(() => stopOn(`timed out after ${args.timeout} min`, 1), args.timeout * 60_000);
  try {
    await scenarios(args, real?.odoo);
    print(args);
    return 0;
  } catch (error) {
    if (stopped) return new Promise<number>(() => undefined); // stopOn exits the process
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : messageOf(error)}`);
    print(args, error);
    return 1;
  } finally {
    clearTimeout(watchdog);
    if (!stopped) {
      await cleanup();
      log('cleaned up (sandboxes stopped, PostgreSQL stopped, data dir deleted)');
    }
  }
}

process.exit(await main());
