import type { Page } from './schemas/common.ts';

/** Kaufland's maximum page size for units, orders and order-units (the default would be 30). */
export const MAX_PAGE_SIZE = 100;

/**
 * Walks an offset/limit list: the next page starts at `offset + limit` while `offset + limit < total`, as the
 * Seller API documents. Stops early on an empty page or a list without `pagination`, so a server that
 * miscounts `total` cannot make this loop forever.
 */
export async function* paginate<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  { offset = 0, limit = MAX_PAGE_SIZE }: { offset?: number; limit?: number } = {},
): AsyncGenerator<T, void, undefined> {
  let next = offset;
  for (;;) {
    const page = await fetchPage(next, limit);
    yield* page.items;
    const pagination = page.pagination;
    if (!pagination || page.items.length === 0) return;
    const step = pagination.limit > 0 ? pagination.limit : limit;
    if (pagination.offset + step >= pagination.total) return;
    next = pagination.offset + step;
  }
}

/** Collects an async iterator; for lists known to be short (units of one SKU, carriers). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
