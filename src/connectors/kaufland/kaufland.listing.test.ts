import { describe, expect, it } from 'vitest';
import { readAll } from './kaufland.listing.ts';
import type { Page } from './schemas/common.ts';

/** A newest-first list held in an array that tests change between page reads, as Kaufland's can. */
function liveList(ids: number[], between: (call: number, list: number[]) => void = () => {}) {
  let calls = 0;
  const offsets: number[] = [];
  const fetchPage = (offset: number, limit: number): Promise<Page<number>> => {
    between(calls++, ids);
    offsets.push(offset);
    return Promise.resolve({
      items: ids.slice(offset, offset + limit),
      pagination: { offset, limit, total: ids.length },
    });
  };
  return { fetchPage, offsets };
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('readAll', () => {
  it('reads 250 items in 3 calls of 100', async () => {
    const { fetchPage, offsets } = liveList(range(1, 250));
    const items = await readAll(fetchPage, (id) => id);
    expect(items).toHaveLength(250);
    expect(offsets).toEqual([0, 100, 200]);
  });

  it('misses nothing when items before the offset leave the list while it is read', async () => {
    const list = range(1, 250);
    const { fetchPage, offsets } = liveList(list, (call, ids) => {
      // Before the 2nd call, 3 lines of the first page are shipped and leave a "to ship" listing.
      if (call === 1) for (const gone of [5, 50, 99]) ids.splice(ids.indexOf(gone), 1);
    });
    const items = await readAll(fetchPage, (id) => id);
    const stillListed = range(1, 250).filter((id) => ![5, 50, 99].includes(id));
    expect(items).toEqual(expect.arrayContaining(stillListed));
    // Page 2 is read again from 97: the 3 items that slid onto page 1 (101, 102, 103) are not skipped.
    expect(offsets).toEqual([0, 100, 97, 197]);
  });

  it('reads an item twice but returns it once when new items land in front', async () => {
    const { fetchPage, offsets } = liveList(range(1, 150), (call, ids) => {
      if (call === 1) ids.unshift(1000, 1001);
    });
    const items = await readAll(fetchPage, (id) => id);
    expect(new Set(items).size).toBe(items.length);
    expect(items).toEqual(expect.arrayContaining(range(1, 150)));
    expect(offsets).toEqual([0, 100]);
  });

  it('stops on a list without pagination', async () => {
    const items = await readAll(
      () => Promise.resolve({ items: [1, 2], pagination: undefined }),
      (id) => id,
    );
    expect(items).toEqual([1, 2]);
  });
});
