import type { StepHandler } from '../step-context.ts';
import { refreshCatalog } from './offers/ingest-products.ts';
import { systemNames } from './offers/system-names.ts';

/**
 * Catalog: ERP products changed since the cursor → `catalog_products`, with the SKU checks (no EAN, one EAN
 * on two SKUs). Counts: read = products read, created/updated = catalog rows new/changed.
 * The ERP page's product kinds and warehouse apply inside the ERP session (ErpScope); changing them resets
 * this cursor, so the next run reads the catalog again.
 */
export const syncCatalog: StepHandler = async (ctx) => {
  const from = (await ctx.cursor.read<string>()) ?? null;
  const commit = (cursor: string) => ctx.cursor.write(cursor);
  await refreshCatalog(ctx, from, await systemNames(ctx), commit, ctx.counts);
};
