import { TokenBucket } from 'limiter';

/**
 * Kaufland allows 111 requests per second per seller across all endpoints and answers 429 beyond that, without
 * documenting its window. A bucket of 5 refilled at 100/s never lets more than 5 + 100 = 105 requests leave in ANY
 * one-second window, whatever the server's algorithm; the 6 to spare (≈ 5 %) absorb network jitter that bunches
 * arrivals up (measured: 2 extra in a one-second window on localhost). Sustained: 100 calls/s, i.e. 15 000 stock
 * changes per second through /units/bulk at 150 per call.
 */
export const PACE = { burst: 5, perSecond: 100 } as const;

interface Pacer {
  bucket: TokenBucket;
  /** Waiters line up here, so tokens go out first come, first served instead of to whichever timer fires first. */
  tail: Promise<unknown>;
}

/**
 * One bucket per client key for the whole process: two clients built for the same seller (a sync job and a
 * credentials check) share the budget. Several worker processes each pace separately; the per-account job queue
 * keeps one seller's work in one process at a time.
 */
const pacers = new Map<string, Pacer>();

export function pacerFor(clientKey: string): () => Promise<void> {
  let pacer = pacers.get(clientKey);
  if (!pacer) {
    const bucket = new TokenBucket({
      bucketSize: PACE.burst,
      tokensPerInterval: PACE.perSecond,
      interval: 1000,
    });
    bucket.content = PACE.burst; // the library starts empty; a fresh seller may use its burst at once
    pacer = { bucket, tail: Promise.resolve() };
    pacers.set(clientKey, pacer);
  }
  const own = pacer;
  return async () => {
    const turn = own.tail.then(() => own.bucket.removeTokens(1));
    own.tail = turn.catch(() => undefined);
    await turn;
  };
}
