/** A run record as the workers scenario reads it. */
export interface RunRow {
  account_id: string;
  step: string;
  status: string;
  started_at: Date;
  finished_at: Date | null;
}

export interface IntervalCheck {
  /** Pairs of runs of one account whose [started, finished] intervals overlap. */
  overlaps: string[];
  /** Per account, the longest gap between the starts of two consecutive runs of `step`, minus its interval (ms). */
  worstLagMs: number;
  medianLagMs: number;
  /** Accounts with fewer than `minRuns` runs of `step`. */
  starved: string[];
}

/**
 * No account may run two steps at once: every run of an account must start after the one before it finished. A
 * run cut off by a SIGKILL never finishes (still `running`); it ended when its process died (`cutOffAt`).
 */
export function checkIntervals(
  runs: readonly RunRow[],
  options: {
    step: string;
    intervalMs: number;
    minRuns: number;
    cutOffAt: number;
    accounts: readonly string[];
  },
): IntervalCheck {
  const overlaps: string[] = [];
  const lags: number[] = [];
  const starved: string[] = [];
  for (const account of options.accounts) {
    const own = runs
      .filter((r) => r.account_id === account)
      .sort((a, b) => a.started_at.getTime() - b.started_at.getTime());
    let lastEnd = -Infinity;
    let lastLabel = '';
    for (const run of own) {
      const start = run.started_at.getTime();
      const end = run.finished_at?.getTime() ?? options.cutOffAt;
      if (start < lastEnd)
        overlaps.push(`${account}: ${run.step} started ${lastEnd - start} ms before ${lastLabel} ended`);
      if (end > lastEnd) {
        lastEnd = end;
        lastLabel = run.step;
      }
    }
    const starts = own.filter((r) => r.step === options.step).map((r) => r.started_at.getTime());
    if (starts.length < options.minRuns) starved.push(`${account} (${starts.length} ${options.step} runs)`);
    let worst = 0;
    for (let i = 1; i < starts.length; i++)
      worst = Math.max(worst, starts[i]! - starts[i - 1]! - options.intervalMs);
    lags.push(worst);
  }
  lags.sort((a, b) => a - b);
  return {
    overlaps,
    worstLagMs: lags.at(-1) ?? 0,
    medianLagMs: lags[Math.floor(lags.length / 2)] ?? 0,
    starved,
  };
}
