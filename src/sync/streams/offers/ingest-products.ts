import type { ErpPage, ErpProduct } from '../../../core/ports/erp.port.ts';
import { writeCursor } from '../../cursors.repository.ts';
import type { StepContext } from '../../step-context.ts';
import { upsertProducts, type UpsertResult } from './catalog.repository.ts';
import { readPages } from './read-pages.ts';
import { checkSkus, resolveFixedDuplicates } from './sku-issues.ts';
import type { SystemNames } from './system-names.ts';

/** 500 products per ERP call: Odoo answers such a page in ~100 ms, and 100,000 SKUs take 200 calls. */
export const ERP_PAGE_SIZE = 500;

export interface IngestTotals {
  read: number;
  created: number;
  updated: number;
}

/** Stores one page of ERP products in the hub's catalog and checks their SKUs. */
export async function ingestProducts(
  ctx: StepContext,
  products: readonly ErpProduct[],
  names: SystemNames,
): Promise<UpsertResult> {
  const result = await upsertProducts(ctx.db, products);
  await checkSkus(ctx, products, names);
  return result;
}

/**
 * Products whose own fields changed since `from` (all of them from null), page by page, each page's cursor
 * committed right after its rows are stored. `commit` writes the catalog step's cursor; `totals` grows per
 * page, so a run that fails halfway still reports what it stored.
 */
export async function refreshCatalog(
  ctx: StepContext,
  from: string | null,
  names: SystemNames,
  commit: (cursor: string) => Promise<void>,
  totals: IngestTotals,
): Promise<void> {
  await readPages(
    (cursor) => ctx.erp.productsChangedSince(cursor, ERP_PAGE_SIZE),
    from,
    async (page: ErpPage<ErpProduct>) => {
      const stored = await ingestProducts(ctx, page.items, names);
      await commit(page.cursor);
      totals.read += page.items.length;
      totals.created += stored.created.length;
      totals.updated += stored.updated.length;
      ctx.progress(totals.read);
    },
  );
  await resolveFixedDuplicates(ctx);
}

/** The catalog step's own cursor, for the stock step when it fills an empty catalog itself. */
export function commitCatalogCursor(ctx: StepContext): (cursor: string) => Promise<void> {
  return (cursor) => writeCursor(ctx.db, ctx.account.id, 'catalog', cursor);
}
