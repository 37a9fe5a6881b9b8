import { z } from 'zod';
import { chunks } from '../../../core/chunks.ts';
import type { ErpPage, ErpProduct } from '../../../core/ports/erp.port.ts';
import { changeCursorSchema, changedSince, decodeCursor, START } from '../cursor.ts';
import type { OdooClient } from '../odoo.client.ts';
import { PRODUCT_FIELDS, productSchema, toErpProduct } from '../odoo.mapper.ts';
import { OdooScope } from './scope.ts';

/** Sellable goods with a SKU: services (shipping, fees) and products without `default_code` cannot be offers. */
const SELLABLE = [
  ['type', '!=', 'service'],
  ['default_code', '!=', false],
];

/** Products whose own fields changed (name, price, SKU, archiving) since the cursor, oldest change first. */
export async function productsChangedSince(
  client: OdooClient,
  cursor: string | null,
  limit = 500,
  scope: OdooScope = new OdooScope(undefined),
): Promise<ErpPage<ErpProduct>> {
  const from = decodeCursor(cursor, changeCursorSchema, START);
  const changed = await changedSince(
    client,
    {
      model: 'product.product',
      domain: SELLABLE,
      fields: [...PRODUCT_FIELDS, ...scope.kindFields(client.dialect)],
      dateField: 'write_date',
      limit,
      context: await scope.context(client),
    },
    from,
  );
  return {
    items: changed.rows.map((row) => inScope(row, scope, client)),
    cursor: JSON.stringify(changed.cursor),
    hasMore: changed.hasMore,
  };
}

/** One `in` query per 200 SKUs (~50 ms each on a real Odoo), archived ones and every kind included. */
export async function findProductsBySku(
  client: OdooClient,
  skus: readonly string[],
  scope: OdooScope = new OdooScope(undefined),
): Promise<ErpProduct[]> {
  const unique = [...new Set(skus)];
  const context = await scope.context(client);
  const found: ErpProduct[] = [];
  for (let i = 0; i < unique.length; i += 200) {
    const chunk = unique.slice(i, i + 200);
    const rows = await client.searchRead(
      'product.product',
      { domain: [['default_code', 'in', chunk]], fields: PRODUCT_FIELDS, context },
      productSchema,
    );
    found.push(...rows.map(toErpProduct));
  }
  return found;
}

/** The product, inactive when its kind is outside the scope (so its offers come down). */
function inScope(row: Record<string, unknown>, scope: OdooScope, client: OdooClient): ErpProduct {
  const product = toErpProduct(productSchema.parse(row));
  return scope.includes(row, client.dialect) ? product : { ...product, active: false };
}

/**
 * Product id per SKU, archived ones included: only the id and SKU, so Odoo computes no stock for them
 * (`free_qty` costs ~0.2 ms a product on a real Odoo, NOTES.md). 200 SKUs per call.
 */
export async function productIdsBySku(
  client: OdooClient,
  skus: readonly string[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const chunk of chunks([...new Set(skus)], 200)) {
    const rows = await client.searchRead(
      'product.product',
      { domain: [['default_code', 'in', chunk]], fields: ['default_code'], context: { active_test: false } },
      z.looseObject({ id: z.number(), default_code: z.string() }),
    );
    for (const row of rows) if (!ids.has(row.default_code)) ids.set(row.default_code, row.id);
  }
  return ids;
}

/** These products with their stock, those of kinds outside the scope as inactive. One call. */
export async function readProducts(
  client: OdooClient,
  ids: readonly number[],
  scope: OdooScope = new OdooScope(undefined),
): Promise<ErpProduct[]> {
  if (ids.length === 0) return [];
  const rows = await client.searchRead('product.product', {
    domain: [['id', 'in', [...ids]], ...SELLABLE],
    fields: [...PRODUCT_FIELDS, ...scope.kindFields(client.dialect)],
    context: await scope.context(client),
  });
  return rows.map((row) => inScope(row, scope, client));
}

export interface NewProduct {
  sku: string;
  ean?: string | null;
  name: string;
  /** Minor units. */
  price: number;
}

/** Storable products in one batch (for demos and tests; the hub never writes the catalog). */
export function createProducts(client: OdooClient, products: readonly NewProduct[]): Promise<number[]> {
  return client.createMany(
    'product.product',
    products.map((p) => ({
      name: p.name,
      default_code: p.sku,
      barcode: p.ean ?? false,
      list_price: p.price / 100,
      sale_ok: true,
      ...client.dialect.storableProductVals,
    })),
  );
}
