import type { StepHandler } from '../step-context.ts';
import { refreshCatalog } from './offers/ingest-products.ts';
import { systemNames } from './offers/system-names.ts';

/**
 * Catalog: ERP products changed since the cursor → `catalog_products`, with the SKU checks (no EAN, one EAN
 * on two SKUs). Counts: read = products read, created/updated = catalog rows new/changed.
 * The ERP settings' `productTypes` cannot be applied here: the ERP port's product pages carry no type, and
 * the Odoo connector reads every non-service product with a SKU (storable and consumable alike).
 */
export const syncCatalog: StepHandler = async (ctx) => {
  const from = (await ctx.cursor.read<string>()) ?? null;
  const commit = (cursor: string) => ctx.cursor.write(cursor);
  await refreshCatalog(ctx, from, await systemNames(ctx), commit, ctx.counts);
};
