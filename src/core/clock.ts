/**
 * The hub's own waits — scheduler intervals, retry backoff, the ERP outage backoff, issue thresholds — go
 * through here, so a test can run them faster without another code path: `ADLERDO_TIME_SCALE` (test only, not
 * in the docs for operators; read by src/config/config.ts and applied once in src/app-context.ts) divides every
 * such wait. At the default 1 nothing changes. Waits of other systems (HTTP timeouts, graphile-worker's own
 * retry schedule, PostgreSQL) keep real time.
 */
let scale = 1;

/** Sets the factor the hub's waits are divided by (1 = real time). */
export function useTimeScale(factor: number): void {
  scale = Number.isFinite(factor) && factor > 0 ? factor : 1;
}

export function timeScale(): number {
  return scale;
}

/** A wait of `ms` hub milliseconds, in real milliseconds. */
export function scaledMs(ms: number): number {
  return scale === 1 ? ms : ms / scale;
}
