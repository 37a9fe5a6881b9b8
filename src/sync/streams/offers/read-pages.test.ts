import { describe, expect, it } from 'vitest';
import type { ErpPage } from '../../../core/ports/erp.port.ts';
import { readPages } from './read-pages.ts';

describe('readPages', () => {
  it('stores each page before asking for the next, from the given cursor', async () => {
    const pages: Record<string, ErpPage<number>> = {
      c0: { items: [1, 2], cursor: 'c1', hasMore: true },
      c1: { items: [3], cursor: 'c2', hasMore: false },
    };
    const log: string[] = [];
    await readPages(
      (cursor) => {
        log.push(`fetch ${cursor}`);
        return Promise.resolve(pages[cursor ?? '']!);
      },
      'c0',
      (page) => {
        log.push(`store ${page.items.join(',')} → ${page.cursor}`);
        return Promise.resolve();
      },
    );
    expect(log).toEqual(['fetch c0', 'store 1,2 → c1', 'fetch c1', 'store 3 → c2']);
  });

  it('refuses to loop when the ERP says more but the cursor stands still', async () => {
    const stuck = () => Promise.resolve({ items: [1], cursor: 'same', hasMore: true });
    await expect(readPages(stuck, 'same', () => Promise.resolve())).rejects.toMatchObject({
      code: 'sync.cursor_stuck',
    });
  });

  it('does not move the cursor past a page that failed to store', async () => {
    const committed: string[] = [];
    const fetch = (cursor: string | null) =>
      Promise.resolve({ items: [cursor], cursor: `${cursor}+`, hasMore: true });
    const store = (page: ErpPage<string | null>) => {
      if (committed.length === 2) return Promise.reject(new Error('database gone'));
      committed.push(page.cursor);
      return Promise.resolve();
    };
    await expect(readPages(fetch, 'a', store)).rejects.toThrow('database gone');
    expect(committed).toEqual(['a+', 'a++']);
  });
});
