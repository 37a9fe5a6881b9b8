import { writeFileSync } from 'node:fs';
import type { CrashWorld } from './crash-world.ts';
import type { HubProcess } from './hub-process.ts';

/**
 * What the hub did, from its run records: runs per status (a run still `running` was cut off by a SIGKILL),
 * mean duration per step, and how long a started hub took to begin its first step. Writes every run and the
 * kill times to `file`, to reconstruct a failing run's timeline.
 */
export async function runStats(
  w: CrashWorld,
  hub: HubProcess,
  killTimes: readonly number[],
  file: string,
): Promise<{ cutOff: number; summary: string }> {
  const { rows: runs } = await w.database.pool.query<{
    step: string;
    status: string;
    started_at: Date;
    finished_at: Date | null;
    error_code: string | null;
  }>(
    'SELECT id, step, trigger, status, started_at, finished_at, error_code, counts FROM sync_runs ORDER BY id',
  );
  writeFileSync(file, JSON.stringify({ kills: killTimes, starts: hub.startTimes, runs }));
  const count = (status: string) => runs.filter((r) => r.status === status).length;
  const steps = [...new Set(runs.map((r) => r.step))].sort().map((step) => {
    const done = runs.filter((r) => r.step === step && r.finished_at && r.status !== 'skipped');
    const ms = done.reduce((sum, r) => sum + (r.finished_at!.getTime() - r.started_at.getTime()), 0);
    return `${step} ${done.length ? Math.round(ms / done.length) : '-'} (${done.length})`;
  });
  const starts = runs.map((r) => r.started_at.getTime()).sort((a, b) => a - b);
  const bootMs = hub.startTimes
    .map((t) => (starts.find((s) => s >= t) ?? Number.NaN) - t)
    .filter((ms) => Number.isFinite(ms))
    .sort((a, b) => a - b);
  return {
    cutOff: count('running'),
    summary:
      `step runs: succeeded ${count('succeeded')}, failed ${count('failed')}, cut off by a kill ${count('running')}; ` +
      `mean ms ${steps.join(', ')}; hub start → first step median ${bootMs[Math.floor(bootMs.length / 2)] ?? '?'} ms`,
  };
}
