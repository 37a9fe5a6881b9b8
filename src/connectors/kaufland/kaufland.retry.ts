import pRetry from 'p-retry';
import { scaledMs } from '../../core/clock.ts';
import { isRetryable } from './kaufland.errors.ts';

export interface RetryOptions {
  /** Further attempts after the first. */
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
  /** Which failures are worth another attempt; default `isRetryable` (kaufland.errors.ts). */
  retryable?: (error: unknown) => boolean;
}

/**
 * 5 retries with exponential backoff and full jitter: before retry n (1…5) we sleep a uniform random time in
 * [0, min(8 s, 0.5 s × 2^(n-1))], i.e. caps of 0.5, 1, 2, 4, 8 s: at most 15.5 s of sleep (≈ 7.75 s on average)
 * over 6 attempts. Full jitter spreads the retries of many parallel calls that hit the same 429 or 503.
 */
export const DEFAULT_RETRY: RetryOptions = { retries: 5, minDelayMs: 500, maxDelayMs: 8000 };

export function backoffCapMs(retryNumber: number, options: RetryOptions): number {
  return Math.min(options.maxDelayMs, options.minDelayMs * 2 ** (retryNumber - 1));
}

/**
 * Runs `attempt` until it succeeds, throws something not retryable (4xx other than 429, a bad body), or the
 * retries are spent; the last error is rethrown as it is. p-retry's own delay is switched off (minTimeout 0)
 * because its `randomize` only stretches by ×1–2; the full-jitter sleep happens in `shouldRetry`, which p-retry
 * calls only when another attempt will follow.
 */
export function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: RetryOptions,
  onRetry: (error: Error, attemptNumber: number, delayMs: number) => void = () => {},
  random: () => number = Math.random,
): Promise<T> {
  return pRetry(attempt, {
    retries: options.retries,
    minTimeout: 0,
    maxTimeout: 0,
    shouldRetry: async ({ error, attemptNumber }) => {
      if (!(options.retryable ?? isRetryable)(error)) return false;
      const delayMs = Math.round(random() * scaledMs(backoffCapMs(attemptNumber, options)));
      onRetry(error, attemptNumber, delayMs);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return true;
    },
  });
}
