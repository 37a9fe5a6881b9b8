import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalesce.ts';

describe('Coalescer', () => {
  it('runs a key at most once more after the running task, for every caller that came meanwhile', async () => {
    const coalescer = new Coalescer();
    let runs = 0;
    let release: () => void = () => undefined;
    const task = () => {
      runs++;
      return new Promise<void>((resolve) => (release = resolve));
    };
    const first = coalescer.run('a', task);
    const later = Array.from({ length: 100 }, () => coalescer.run('a', task));
    expect(runs).toBe(1);
    release();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toBe(2);
    release();
    await Promise.all(later);
    expect(runs).toBe(2);
    // Other keys are independent, and a finished key starts afresh.
    const other = coalescer.run('b', task);
    expect(runs).toBe(3);
    release();
    await other;
  });

  it('passes a failure to the callers of that run only', async () => {
    const coalescer = new Coalescer();
    await expect(coalescer.run('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(coalescer.run('a', () => Promise.resolve())).resolves.toBeUndefined();
  });

  it('with a gather time, callers that come together share one run, started after the wait', async () => {
    const coalescer = new Coalescer(20);
    let runs = 0;
    const task = () => {
      runs++;
      return Promise.resolve();
    };
    const together = Array.from({ length: 10 }, () => coalescer.run('a', task));
    // Nothing runs before the wait is over.
    expect(runs).toBe(0);
    await Promise.all(together);
    expect(runs).toBe(1);
    await coalescer.run('a', task);
    expect(runs).toBe(2);
  });
});
