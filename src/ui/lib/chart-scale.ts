/** The small amount of maths the hand-drawn charts need: round axis maxima, ticks, gap-free time buckets. */

/** The smallest 1, 2, 2.5 or 5 × 10^k at or above `value` (at least 1), so axis labels read as round numbers. */
export function niceCeiling(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/** 0 … max in 4 or 5 round steps for a max from niceCeiling (10 → 2s, 20 → 5s, 25 → 5s, 50 → 10s). */
export function linearTicks(max: number): number[] {
  const mantissa = max / 10 ** Math.floor(Math.log10(max));
  const count = Math.abs(mantissa - 2) < 1e-9 ? 4 : 5;
  return Array.from({ length: count + 1 }, (_, i) => (max / count) * i);
}

export interface Bucket<V> {
  /** Start of the bucket, epoch ms. */
  t: number;
  value: V | undefined;
}

/**
 * `count` buckets of `stepMs` ending with the one holding `now`; each takes the point that starts in it. Hours
 * without orders are there as empty buckets, so a quiet night looks quiet instead of being left out.
 */
export function timeBuckets<P, V>(
  points: readonly P[],
  timeOf: (point: P) => string,
  valueOf: (point: P) => V,
  stepMs: number,
  count: number,
  now: number,
): Bucket<V>[] {
  const last = Math.floor(now / stepMs) * stepMs;
  const byBucket = new Map<number, V>();
  for (const point of points)
    byBucket.set(Math.floor(Date.parse(timeOf(point)) / stepMs) * stepMs, valueOf(point));
  return Array.from({ length: count }, (_, i) => {
    const t = last - (count - 1 - i) * stepMs;
    return { t, value: byBucket.get(t) };
  });
}

/** Plot area inside an SVG of the given size: room for y labels on the left and x labels below. */
export interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

export function plotArea(width: number, height: number, left = 44): Plot {
  const plot = { left, right: width - 10, top: 10, bottom: height - 22 };
  return { ...plot, width: plot.right - plot.left, height: plot.bottom - plot.top };
}
