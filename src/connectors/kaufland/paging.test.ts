import { describe, expect, it } from 'vitest';
import { collect, paginate } from './paging.ts';
import type { Page } from './schemas/common.ts';

function source(total: number, options: { pagination?: boolean; lie?: number } = {}) {
  const offsets: number[] = [];
  const fetchPage = (offset: number, limit: number): Promise<Page<number>> => {
    offsets.push(offset);
    const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i);
    const pagination =
      options.pagination === false ? undefined : { offset, limit, total: options.lie ?? total };
    return Promise.resolve({ items, pagination });
  };
  return { fetchPage, offsets };
}

describe('paginate', () => {
  it('pages on while offset + limit < total', async () => {
    const { fetchPage, offsets } = source(250);
    expect(await collect(paginate(fetchPage))).toHaveLength(250);
    expect(offsets).toEqual([0, 100, 200]);
  });

  it('makes exactly one call when total fits the first page exactly', async () => {
    const { fetchPage, offsets } = source(100);
    expect(await collect(paginate(fetchPage))).toHaveLength(100);
    expect(offsets).toEqual([0]);
  });

  it('honours a custom limit and start offset', async () => {
    const { fetchPage, offsets } = source(75);
    expect(await collect(paginate(fetchPage, { offset: 10, limit: 30 }))).toHaveLength(65);
    expect(offsets).toEqual([10, 40, 70]);
  });

  it('stops on a list without pagination and on an empty page despite a larger total', async () => {
    const plain = source(250, { pagination: false });
    expect(await collect(paginate(plain.fetchPage))).toHaveLength(100);
    const liar = source(150, { lie: 10_000 });
    expect(await collect(paginate(liar.fetchPage))).toHaveLength(150);
    expect(liar.offsets).toEqual([0, 100, 200]);
  });
});
