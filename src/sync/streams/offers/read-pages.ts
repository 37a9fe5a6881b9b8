import { AppError } from '../../../core/errors.ts';
import type { ErpPage } from '../../../core/ports/erp.port.ts';

/**
 * Reads change pages from `from` while the ERP says more are waiting. `store` must apply the page and then
 * commit its cursor: a crash between pages resumes after the last stored page, never skips one.
 */
export async function readPages<T>(
  fetch: (cursor: string | null) => Promise<ErpPage<T>>,
  from: string | null,
  store: (page: ErpPage<T>) => Promise<void>,
): Promise<void> {
  let cursor = from;
  for (;;) {
    const page = await fetch(cursor);
    await store(page);
    if (!page.hasMore) return;
    if (page.cursor === cursor) {
      throw new AppError(
        'bug',
        'sync.cursor_stuck',
        'The ERP reported more changes but its cursor did not move.',
        {
          details: { cursor: cursor?.slice(0, 200) },
        },
      );
    }
    cursor = page.cursor;
  }
}
