import type { AppContext } from '../src/app-context.ts';
import type { KauflandSandbox } from '../src/sandbox/kaufland/index.ts';
import type { OdooSandbox } from '../src/sandbox/odoo/index.ts';
import type { BenchProduct } from './catalog.ts';
import { listEverything } from './host/kaufland-listed.ts';
import type { ListedCatalog } from './ipc.ts';
import { seedCatalogRows, startStockCursor } from './seed-hub.ts';

/**
 * A seller whose big catalog is already on sale, as after its first listing, seeded in bulk on all three sides
 * the way `--listed` seeds them: the products in the Odoo sandbox, one Kaufland unit per SKU on `de` at the
 * amount and price the hub would send, the hub's catalog rows and the account's stock cursor at now. Its first
 * stock step then links every listed offer and compares all of them (nothing to send), and later ones send what
 * changed. The account must exist and the hub's ERP be connected; `products` must be new SKUs in both sandboxes.
 */
export async function seedListedSeller(input: {
  ctx: AppContext;
  accountId: string;
  odoo: OdooSandbox;
  kaufland: KauflandSandbox;
  clientKey: string;
  products: readonly BenchProduct[];
}): Promise<ListedCatalog & { productIds: Map<string, number> }> {
  const { ctx, odoo, kaufland, products } = input;
  odoo.seedMany({ products: [...products] });
  const wanted = new Set(products.map((p) => p.sku));
  const productIds = new Map<string, number>();
  for (const product of odoo.instance.store.all('product.product')) {
    const sku = product.default_code;
    if (typeof sku === 'string' && wanted.has(sku)) productIds.set(sku, product.id);
  }
  const listed = listEverything(kaufland, input.clientKey, 'de', products, productIds);
  await seedCatalogRows(ctx.db, products, listed.firstProductId);
  await startStockCursor(ctx, input.accountId);
  return { ...listed, productIds };
}
