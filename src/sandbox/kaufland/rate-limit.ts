/** Kaufland allows 111 requests per second per seller, across all endpoints. */
export const REQUESTS_PER_SECOND = 111;
const WINDOW_MS = 1000;

/**
 * Sliding-window log: a request is let through when fewer than 111 were let through in the 1000 ms before it.
 * A log (not a token bucket) because it is exact at the boundary the tests probe: the 112th call inside any second
 * fails, never an "almost". Refused requests are not logged, so a client that backs off recovers within one second.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly limit = REQUESTS_PER_SECOND,
    private readonly windowMs = WINDOW_MS,
  ) {}

  /** Records a request for `key` and says whether it is within the limit. */
  take(key: string): boolean {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => now - at < this.windowMs);
    const allowed = recent.length < this.limit;
    if (allowed) recent.push(now);
    this.hits.set(key, recent);
    return allowed;
  }

  reset(): void {
    this.hits.clear();
  }
}
