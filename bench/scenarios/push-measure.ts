import type { Measurement } from '../meter.ts';
import { postgresCpuMs } from '../pg-cpu.ts';
import type { Bench } from './types.ts';
import type { PushHub } from './push-process.ts';

export interface PushWindow {
  /** When the window opened (for the runs started in it). */
  since: Date;
  /** The measurement so far, calls and runs read from the runs the process recorded. */
  finish(): Promise<Measurement & { runsByTrigger: Record<string, number> }>;
}

/**
 * What a push scenario cost. The steps run in the `adlerdo start` child, so its CPU and peak RSS come from /proc,
 * and its calls from the runs it recorded (`sync_runs.api_calls`), not from an in-process step runner.
 */
export async function openPushWindow(bench: Bench, process: PushHub): Promise<PushWindow> {
  const since = new Date();
  const before = {
    wall: performance.now(),
    cpu: process.cpuMs(),
    pg: postgresCpuMs(bench.hub.dataDir),
    sandbox: (await bench.sandboxes.call('usage', {})).cpuMs,
  };
  return {
    since,
    finish: async () => {
      const wallMs = performance.now() - before.wall;
      const runs = await bench.hub.ctx.db
        .selectFrom('sync_runs')
        .select(['trigger', 'api_calls'])
        .where('account_id', '=', bench.hub.accountId)
        .where('started_at', '>=', since)
        .execute();
      const kaufland: Record<string, number> = {};
      const erp: Record<string, number> = {};
      const runsByTrigger: Record<string, number> = {};
      for (const run of runs) {
        runsByTrigger[run.trigger] = (runsByTrigger[run.trigger] ?? 0) + 1;
        for (const [key, n] of Object.entries((run.api_calls ?? {}) as Record<string, number>)) {
          const [system = '', ...rest] = key.split(' ');
          const calls = system === 'kaufland' ? kaufland : erp;
          const name = system === 'kaufland' ? rest.join(' ') : (rest.at(-1) ?? key);
          calls[name] = (calls[name] ?? 0) + n;
        }
      }
      const pg = postgresCpuMs(bench.hub.dataDir);
      return {
        wallMs,
        hubCpuMs: process.cpuMs() - before.cpu,
        postgresCpuMs: pg === undefined || before.pg === undefined ? null : pg - before.pg,
        sandboxCpuMs: (await bench.sandboxes.call('usage', {})).cpuMs - before.sandbox,
        peakRssBytes: process.peakRssBytes(),
        kaufland,
        erp,
        runs: runs.length,
        runsByTrigger,
      };
    },
  };
}
