const whole = new Intl.NumberFormat('en-GB');

/** 12345 → "12,345". */
export function formatCount(n: number): string {
  return whole.format(n);
}

/** 44 → "44 ms", 8972 → "9.0 s", 125000 → "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return formatSeconds(ms / 1000);
}

/** Latencies: 4.2 → "4.2 s", 75 → "1 min 15 s", 7300 → "2 h 2 min". */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = Math.round(seconds - minutes * 60);
    return rest > 0 ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes - hours * 60;
  return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
}

/** "1 unit", "3 units". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
