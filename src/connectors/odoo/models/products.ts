import type { ErpPage, ErpProduct } from '../../../core/ports/erp.port.ts';
import { changeCursorSchema, changedSince, decodeCursor, START } from '../cursor.ts';
import type { OdooClient } from '../odoo.client.ts';
import { PRODUCT_FIELDS, productSchema, toErpProduct } from '../odoo.mapper.ts';

/** Sellable goods with a SKU: services (shipping, fees) and products without `default_code` cannot be offers. */
const SELLABLE = [
  ['type', '!=', 'service'],
  ['default_code', '!=', false],
];
/** Archived products are reported too (active: false) so the hub can take their offers down. */
const ALL = { active_test: false };

/** Products whose own fields changed (name, price, SKU, archiving) since the cursor, oldest change first. */
export async function productsChangedSince(
  client: OdooClient,
  cursor: string | null,
  limit = 500,
): Promise<ErpPage<ErpProduct>> {
  const from = decodeCursor(cursor, changeCursorSchema, START);
  const changed = await changedSince(
    client,
    {
      model: 'product.product',
      domain: SELLABLE,
      fields: PRODUCT_FIELDS,
      dateField: 'write_date',
      limit,
      context: ALL,
    },
    from,
  );
  return {
    items: changed.rows.map((row) => toErpProduct(productSchema.parse(row))),
    cursor: JSON.stringify(changed.cursor),
    hasMore: changed.hasMore,
  };
}

/** One `in` query per 200 SKUs (~50 ms each on a real Odoo), archived ones included. */
export async function findProductsBySku(client: OdooClient, skus: readonly string[]): Promise<ErpProduct[]> {
  const unique = [...new Set(skus)];
  const found: ErpProduct[] = [];
  for (let i = 0; i < unique.length; i += 200) {
    const chunk = unique.slice(i, i + 200);
    const rows = await client.searchRead(
      'product.product',
      { domain: [['default_code', 'in', chunk]], fields: PRODUCT_FIELDS, context: ALL },
      productSchema,
    );
    found.push(...rows.map(toErpProduct));
  }
  return found;
}

export async function readProducts(client: OdooClient, ids: readonly number[]): Promise<ErpProduct[]> {
  const rows = await client.read('product.product', ids, PRODUCT_FIELDS, ALL, productSchema);
  return rows.filter((row) => row.default_code !== null).map(toErpProduct);
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
