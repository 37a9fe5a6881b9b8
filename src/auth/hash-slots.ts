import { availableParallelism } from 'node:os';
import { AppError } from '../core/errors.ts';

/**
 * scrypt runs on libuv's thread pool (4 threads), off the event loop, but each hash takes ~50 ms of a core
 * and 32 MiB. Unbounded, 200 sign-ins at once would fill the pool (file and DNS work waits behind them) and
 * take every core from the event loop, so /health would stall. At most `cores - 1` hashes run at once
 * (at least 1); a short queue waits, and beyond it the caller is told to come back (429) instead of piling up.
 */
export class HashSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most hashes ever running at once, for the tests. */
  peak = 0;

  constructor(
    readonly limit = Math.max(1, Math.min(2, availableParallelism() - 1)),
    readonly maxWaiting = 64,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.maxWaiting) {
        throw new AppError(
          'transient',
          'auth.busy',
          'Too many sign-ins at once. Try again in a few seconds.',
        );
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    this.peak = Math.max(this.peak, this.running);
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `running` never overshoots the limit.
      if (next) next();
      else this.running--;
    }
  }
}

/** One pool for the whole process: every password hash (sign-in, setup, password change) goes through it. */
export const hashSlots = new HashSlots();
