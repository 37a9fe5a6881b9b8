import type { CallRecord } from '../src/core/ports/marketplace.port.ts';
import type { StepOutcome } from '../src/sync/run-step.ts';
import type { Step } from '../src/sync/steps.ts';
import type { Hub } from './hub.ts';
import { postgresCpuMs } from './pg-cpu.ts';
import type { Sandboxes } from './sandboxes.ts';

/** What one scenario cost. CPU times are per process: the hub (this one), its PostgreSQL, the sandbox host. */
export interface Measurement {
  wallMs: number;
  hubCpuMs: number;
  postgresCpuMs: number | null;
  /** null when the host could not be asked (the scenario was cut short). */
  sandboxCpuMs: number | null;
  /** Highest resident set size of the hub's process seen during the scenario (sampled every 50 ms). */
  peakRssBytes: number;
  /** Highest V8 heap in use seen alongside (same samples): RSS far above it is code, buffers and freed pages. */
  peakHeapBytes?: number;
  /** Calls by "METHOD endpoint" (Kaufland) or "model.method" (Odoo), retries included. */
  kaufland: Record<string, number>;
  erp: Record<string, number>;
  runs: number;
}

export type RunFn = (step: Step, onCall?: (call: CallRecord, at: number) => void) => Promise<StepOutcome>;

// 50 ms: short enough to catch the peak of a 2,000-row comparison page, cheap enough not to cost CPU itself.
const RSS_SAMPLE_MS = 50;
// A long step (the first listing of 100,000 SKUs) reports its progress this often.
const PROGRESS_EVERY_MS = 30_000;

/** The scenario being measured (or the one that failed), so a bench cut short can still show how far it got. */
let live: { name: string; snapshot: () => Measurement } | undefined;
export const inFlight = () => live;

export const total = (calls: Record<string, number>): number =>
  Object.values(calls).reduce((sum, n) => sum + n, 0);

/**
 * Runs `work` and measures it. `work` gets a `run` that runs one sync step through the real step runner,
 * counts its calls and fails loudly when the step does not succeed (a bench of a failing hub means nothing).
 */
export async function measure<T>(
  name: string,
  hub: Hub,
  sandboxes: Sandboxes,
  log: (line: string) => void,
  work: (run: RunFn) => Promise<T>,
): Promise<{ measurement: Measurement; result: T }> {
  const kaufland: Record<string, number> = {};
  const erp: Record<string, number> = {};
  let runs = 0;
  let lastProgress = performance.now();
  const run: RunFn = async (step, onCall) => {
    runs += 1;
    const outcome = await hub.run(step, {
      onCall: (call) => {
        const calls = call.system === 'kaufland' ? kaufland : erp;
        const key = call.system === 'kaufland' ? `${call.method} ${call.endpoint}` : call.endpoint;
        calls[key] = (calls[key] ?? 0) + 1;
        onCall?.(call, Date.now());
      },
      onProgress: (done, of) => {
        if (performance.now() - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = performance.now();
        log(
          `  ${step}: ${done}${of === undefined ? '' : ` of ${of}`}; ${total(erp)} ERP, ${total(kaufland)} Kaufland calls so far`,
        );
      },
    });
    if (outcome.status !== 'succeeded')
      throw new Error(`${step} step ${outcome.status}: ${outcome.error?.code} ${outcome.error?.message}`);
    return outcome;
  };

  let peakRss = process.memoryUsage.rss();
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, RSS_SAMPLE_MS);
  const before = {
    cpu: process.cpuUsage(),
    pg: postgresCpuMs(hub.dataDir),
    sandbox: (await sandboxes.call('usage', {})).cpuMs,
    wall: performance.now(),
  };
  const snapshot = (sandboxCpuMs: number | null): Measurement => {
    const cpu = process.cpuUsage(before.cpu);
    const pg = postgresCpuMs(hub.dataDir);
    return {
      wallMs: performance.now() - before.wall,
      hubCpuMs: (cpu.user + cpu.system) / 1000,
      postgresCpuMs: pg === undefined || before.pg === undefined ? null : pg - before.pg,
      sandboxCpuMs,
      peakRssBytes: Math.max(peakRss, process.memoryUsage.rss()),
      peakHeapBytes: peakHeap,
      kaufland: { ...kaufland },
      erp: { ...erp },
      runs,
    };
  };
  live = { name, snapshot: () => snapshot(null) };
  try {
    const result = await work(run);
    const measurement = snapshot(null);
    measurement.sandboxCpuMs = (await sandboxes.call('usage', {})).cpuMs - before.sandbox;
    live = undefined;
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    log(`${name}: peak RSS ${mb(measurement.peakRssBytes)} MB, peak V8 heap used ${mb(peakHeap)} MB`);
    return { result, measurement };
  } catch (error) {
    // Kept as it was when it failed, for the report's "cut short" row.
    const cut = snapshot(null);
    live = { name, snapshot: () => cut };
    throw error;
  } finally {
    clearInterval(sampler);
  }
}
