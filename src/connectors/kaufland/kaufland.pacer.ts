import { TokenBucket } from 'limiter';

/**
 * Kaufland allows 111 requests per second per seller across all endpoints and answers 429 beyond that, without
 * documenting its window. A token bucket of `burst` tokens refilled at `perSecond` grants at most burst + perSecond
 * × T requests in ANY window of T seconds, whatever the server's algorithm: here 2 + 104 = 106 in any one second.
 *
 * The 5 to spare are for arrivals bunching up between our grant and the server's count: a stall of S ms on either
 * side (event loop, scheduler, network) packs the grants of 1 s + S into one of the server's seconds, so 106 stays
 * within 111 for S up to (111 − 2) / 104 − 1 s ≈ 48 ms. Measured against the sandbox (it counts like Kaufland, a
 * sliding 1000 ms log, src/sandbox/kaufland/rate-limit.ts), 3,000 creates per run on 2 cores at load 3–6: 3 + 106
 * sent at most 109 in a second yet 111–118 arrived, 429s in 6 of 8 runs; 2 + 104 sent ≤ 106, ≤ 110 arrived, no 429
 * in 3 runs (a few 429s only at load 8–9 with 300–400 ms stalls, where every pace ≥ 100/s bunched over 111).
 *
 * Sustained: 104 calls/s, so a first listing (one POST /units per SKU: Kaufland has no bulk create) runs at up to
 * 104 creations/s, 10,000 SKUs in ≥ 96 s; stock changes go out 150 per /units/bulk call, 15,600 per second.
 * Why a bucket of 2 and not 1: a waiter's timer fires late on a busy machine, and the bucket keeps what accrued
 * meanwhile (≈ 10 ms at 104/s) instead of losing it; every token more would come out of the 5 to spare.
 */
export const PACE = { burst: 2, perSecond: 104 } as const;

/** The most requests the pacer lets out in any one-second window: 106 of Kaufland's 111. */
export const MAX_PER_SECOND = PACE.burst + PACE.perSecond;

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
