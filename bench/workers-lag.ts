import { percentile } from './percentile.ts';

/** A run record as the workers bench reads it (sync_runs). */
export interface RunRecord {
  account_id: string;
  step: string;
  started_at: Date;
  finished_at: Date | null;
}

export interface CycleLag {
  /** Runs that finished inside the window, per second of it. */
  jobsPerSecond: number;
  finished: number;
  /** How late each cycle started: gap between two starts of one account's step minus its interval, ≥ 0 (ms). */
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  gaps: number;
  /** Pairs of runs of one account that overlapped in time (must be 0). */
  overlaps: number;
}

/**
 * Jobs/s and cycle lag over the runs of `[from, to]`. Lag counts only consecutive starts of the same account and
 * step that both fall inside the window: a cycle due while the processes were still booting is not the hub's lag.
 */
export function cycleLag(
  runs: readonly RunRecord[],
  intervalsMs: Readonly<Record<string, number>>,
  from: number,
  to: number,
): CycleLag {
  const inside = runs.filter((r) => r.started_at.getTime() >= from && r.started_at.getTime() <= to);
  const finished = runs.filter((r) => {
    const end = r.finished_at?.getTime();
    return end !== undefined && end >= from && end <= to;
  }).length;
  const byKey = new Map<string, number[]>();
  const byAccount = new Map<string, RunRecord[]>();
  for (const run of inside) {
    const key = `${run.account_id}|${run.step}`;
    byKey.set(key, [...(byKey.get(key) ?? []), run.started_at.getTime()]);
    byAccount.set(run.account_id, [...(byAccount.get(run.account_id) ?? []), run]);
  }
  const lags: number[] = [];
  for (const [key, starts] of byKey) {
    const interval = intervalsMs[key.split('|')[1] ?? ''];
    if (interval === undefined) continue;
    starts.sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i += 1) lags.push(Math.max(0, starts[i]! - starts[i - 1]! - interval));
  }
  let overlaps = 0;
  for (const own of byAccount.values()) {
    own.sort((a, b) => a.started_at.getTime() - b.started_at.getTime());
    let lastEnd = -Infinity;
    for (const run of own) {
      if (run.started_at.getTime() < lastEnd) overlaps += 1;
      lastEnd = Math.max(lastEnd, run.finished_at?.getTime() ?? to);
    }
  }
  return {
    jobsPerSecond: finished / ((to - from) / 1000),
    finished,
    p50Ms: percentile(lags, 50),
    p95Ms: percentile(lags, 95),
    maxMs: lags.length === 0 ? Number.NaN : Math.max(...lags),
    gaps: lags.length,
    overlaps,
  };
}
