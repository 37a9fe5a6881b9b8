import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { runIndependentPhases } from './independent-phases.ts';

describe('runIndependentPhases', () => {
  it('runs every phase past a transient failure, then throws the first one', async () => {
    const ran: string[] = [];
    const first = new AppError('transient', 'erp.unreachable', 'down');
    const run = runIndependentPhases([
      () => Promise.resolve(ran.push('a')),
      () => Promise.reject(first),
      () => Promise.reject(new AppError('transient', 'erp.timeout', 'slow')),
      () => Promise.resolve(ran.push('d')),
    ]);
    await expect(run).rejects.toBe(first);
    expect(ran).toEqual(['a', 'd']);
  });

  it('stops at once on anything that is not worth retrying (keys refused)', async () => {
    const ran: string[] = [];
    const refused = new AppError('config', 'kaufland.auth_failed', 'keys refused');
    await expect(
      runIndependentPhases([() => Promise.reject(refused), () => Promise.resolve(ran.push('b'))]),
    ).rejects.toBe(refused);
    expect(ran).toEqual([]);
  });

  it('resolves when every phase succeeds', async () => {
    const ran: number[] = [];
    await runIndependentPhases([1, 2, 3].map((n) => () => Promise.resolve(ran.push(n))));
    expect(ran).toEqual([1, 2, 3]);
  });
});
