import { AppError } from '../../core/errors.ts';
import { seedSchema, type SeedInput } from './control.ts';
import type { OdooInstance } from './instance.ts';
import { LOCATION } from './logic/stock.ts';
import type { Rec } from './models/types.ts';
import { createRecords } from './orm/write.ts';

const ADMIN = 2;

/**
 * `seed` for big catalogs: the same records `seed` leaves for a NEW product (template, variant, WH/Stock quant,
 * and for a positive quantity the inventory adjustment: done move, done move line, the counter-quant in
 * Inventory adjustment), written straight into the store. `seed` takes each product through the ORM (defaults,
 * barcode check, inventory mode), ~2.5× as long at 100,000 products; this is one pass. Only new SKUs: an
 * existing SKU or a repeated one is refused up front, nothing is written.
 */
export function seedMany(instance: OdooInstance, input: Pick<SeedInput, 'products'>): { created: number } {
  const { products } = seedSchema.parse({ products: input.products });
  const [first, ...rest] = products;
  if (!first) return { created: 0 };
  const env = instance.env(ADMIN);
  const db = env.db;
  // Through the field indexes, not a scan of every product: a catalog grown 200 products a call (the bench's
  // history mode) made 1,000,000 SKUs 5,000 scans of up to a million records each.
  const taken = (field: string, value: string) => db.findBy('product.product', field, value).length > 0;
  const skus = new Set<string>();
  const barcodes = new Set<string>();
  for (const p of products) {
    const eanTaken = p.ean !== undefined && (barcodes.has(p.ean) || taken('barcode', p.ean));
    if (skus.has(p.sku) || taken('default_code', p.sku) || eanTaken)
      throw new AppError('conflict', 'sandbox.seed_exists', `SKU ${p.sku} or its EAN is already taken.`);
    skus.add(p.sku);
    if (p.ean !== undefined) barcodes.add(p.ean);
  }
  const storable = env.version >= 18 ? { type: 'consu', is_storable: true } : { detailed_type: 'product' };
  const vals = (p: typeof first) => ({
    name: p.name ?? p.sku,
    default_code: p.sku,
    barcode: p.ean ?? false,
    list_price: p.price,
  });
  // The first one through the ORM: its record is the shape (defaults, computed types) the others copy.
  const shape = db.get(
    'product.product',
    createRecords(env, 'product.product', [{ ...vals(first), ...storable }])[0] as number,
  ) as Rec;
  addStock(instance, shape.id, first.qty);
  const now = env.now();
  // Copied out of the record once: spreading a record (a proxy) costs a trap per field, 100,000 times ~0.3 s.
  const { id: _id, ...copy } = shape;
  const taxes = copy.taxes_id as number[];
  for (const p of rest) {
    const product = vals(p);
    const template = db.insert('product.template', {
      name: product.name,
      default_code: product.default_code,
      create_date: now,
      write_date: now,
    });
    const created = db.insert('product.product', {
      ...copy,
      ...product,
      product_tmpl_id: template.id,
      taxes_id: [...taxes],
      create_date: now,
      write_date: now,
    });
    addStock(instance, created.id, p.qty);
  }
  return { created: products.length };
}

/** What `quantFor` + `applyInventory` leave for a product that had no quant yet (see logic/stock.ts). */
function addStock(instance: OdooInstance, productId: number, qty: number): void {
  const db = instance.store;
  const now = instance.env(ADMIN).now();
  const quant = (location: number, quantity: number) =>
    db.insert('stock.quant', {
      product_id: productId,
      location_id: location,
      quantity,
      reserved_quantity: 0,
      inventory_quantity: 0,
      inventory_quantity_set: false,
      create_date: now,
      write_date: now,
    });
  quant(LOCATION.stock, qty);
  if (qty <= 0) return;
  const name = 'Product Quantity Updated';
  const where = { location_id: LOCATION.inventoryLoss, location_dest_id: LOCATION.stock };
  const move = db.insert('stock.move', {
    name,
    reference: name,
    product_id: productId,
    product_uom_qty: qty,
    quantity: qty,
    picked: true,
    state: 'done',
    ...where,
    picking_id: false,
    date: now,
    create_date: now,
    write_date: now,
  });
  db.insert('stock.move.line', {
    move_id: move.id,
    picking_id: false,
    product_id: productId,
    quantity: qty,
    picked: true,
    ...where,
    state: 'done',
    date: now,
    reference: name,
    create_date: now,
    write_date: now,
  });
  quant(LOCATION.inventoryLoss, -qty);
}
