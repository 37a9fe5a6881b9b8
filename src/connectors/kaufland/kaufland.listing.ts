import { MAX_PAGE_SIZE } from './paging.ts';
import type { Page } from './schemas/common.ts';

/**
 * Reads a whole offset/limit list into memory, each item once, for lists that can change while they are read.
 *
 * GET /order-units sorts newest first only (spec 2.27.0 `sort`: `ts_created:desc` | `ts_updated:desc`), so
 * "oldest first" needs every page before the first item, and meanwhile lines move: a new order lands in front
 * (everything shifts back: an item is read twice, harmless, de-duplicated by id), a line leaving the asked
 * status (shipped, cancelled) vanishes, and everything behind it moves forward, so plain offset paging would
 * silently skip an item at each page boundary. A `total` lower than on the page before shows that; the page is
 * then read again from `offset − drop`, which covers every item that moved forward (insertions in front only
 * push items back). A re-read needs a falling total, so there are at most as many as lines left the list while
 * it was read. Costs one call per 100 items (the maximum `limit`) plus one per shrink seen.
 */
export async function readAll<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  idOf: (item: T) => number | string,
): Promise<T[]> {
  const seen = new Map<number | string, T>();
  let offset = 0;
  let previousTotal: number | undefined;
  for (;;) {
    const page = await fetchPage(offset, MAX_PAGE_SIZE);
    for (const item of page.items) seen.set(idOf(item), item);
    const pagination = page.pagination;
    if (!pagination) break;
    const dropped = previousTotal === undefined ? 0 : previousTotal - pagination.total;
    previousTotal = pagination.total;
    if (dropped > 0 && pagination.offset > 0) {
      offset = Math.max(0, pagination.offset - dropped);
      continue;
    }
    const step = pagination.limit > 0 ? pagination.limit : MAX_PAGE_SIZE;
    if (page.items.length === 0 || pagination.offset + step >= pagination.total) break;
    offset = pagination.offset + step;
  }
  return [...seen.values()];
}
