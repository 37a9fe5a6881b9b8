import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { backoffCapMs, DEFAULT_RETRY, withRetry } from './kaufland.retry.ts';

const serverError = () => new AppError('transient', 'kaufland.server_error', 'boom');

describe('Kaufland retry schedule', () => {
  it('caps the jittered sleep at 0.5, 1, 2, 4, 8 s for the 5 default retries', () => {
    const caps = Array.from({ length: DEFAULT_RETRY.retries }, (_, i) => backoffCapMs(i + 1, DEFAULT_RETRY));
    expect(caps).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it('sleeps a full-jitter fraction of the cap before each retry, then rethrows the last error', async () => {
    const delays: number[] = [];
    let attempts = 0;
    const options = { retries: 4, minDelayMs: 2, maxDelayMs: 8 };
    const failing = withRetry(
      () => {
        attempts++;
        return Promise.reject(serverError());
      },
      options,
      (_error, _attempt, delayMs) => delays.push(delayMs),
      () => 0.5,
    );
    await expect(failing).rejects.toMatchObject({ code: 'kaufland.server_error' });
    expect(attempts).toBe(5);
    expect(delays).toEqual([1, 2, 4, 4]);
  });

  it('does not retry what is not retryable', async () => {
    let attempts = 0;
    const rejected = new AppError('rejected', 'kaufland.bad_request', 'no');
    const failing = withRetry(() => {
      attempts++;
      return Promise.reject(rejected);
    }, DEFAULT_RETRY);
    await expect(failing).rejects.toBe(rejected);
    expect(attempts).toBe(1);
  });
});
