import { describe, expect, it } from 'vitest';
import type { ErpPage } from '../../../core/ports/erp.port.ts';
import { inParallel } from './in-parallel.ts';
import { readPages } from './read-pages.ts';

describe('readPages', () => {
  it('stores each page before asking for the next, from the given cursor', async () => {
    const pages: Record<string, ErpPage<number>> = {
      c0: { items: [1, 2], cursor: 'c1', hasMore: true },
      c1: { items: [3], cursor: 'c2', hasMore: false },
    };
    const log: string[] = [];
    await readPages(
      async (cursor) => {
        log.push(`fetch ${cursor}`);
        return pages[cursor ?? '']!;
      },
      'c0',
      async (page) => {
        log.push(`store ${page.items.join(',')} → ${page.cursor}`);
      },
    );
    expect(log).toEqual(['fetch c0', 'store 1,2 → c1', 'fetch c1', 'store 3 → c2']);
  });

  it('refuses to loop when the ERP says more but the cursor stands still', async () => {
    const stuck = async () => ({ items: [1], cursor: 'same', hasMore: true });
    await expect(readPages(stuck, 'same', async () => undefined)).rejects.toMatchObject({ code: 'sync.cursor_stuck' });
  });

  it('does not move the cursor past a page that failed to store', async () => {
    const committed: string[] = [];
    const fetch = async (cursor: string | null) => ({ items: [cursor], cursor: `${cursor}+`, hasMore: true });
    const store = async (page: ErpPage<string | null>) => {
      if (committed.length === 2) throw new Error('database gone');
      committed.push(page.cursor);
    };
    await expect(readPages(fetch, 'a', store)).rejects.toThrow('database gone');
    expect(committed).toEqual(['a+', 'a++']);
  });
});

describe('inParallel', () => {
  it('keeps at most the limit in flight and runs every item', async () => {
    let inFlight = 0;
    let peak = 0;
    const done: number[] = [];
    await inParallel([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      done.push(n);
      inFlight -= 1;
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts nothing after a failure, lets running work finish, then throws', async () => {
    const started: number[] = [];
    let finished = 0;
    const run = inParallel([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await new Promise((resolve) => setTimeout(resolve, n === 1 ? 1 : 10));
      if (n === 1) throw new Error('refused');
      finished += 1;
    });
    await expect(run).rejects.toThrow('refused');
    expect(started).toEqual([1, 2]);
    expect(finished).toBe(1);
  });
});
