import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { OdooInstance } from './instance.ts';
import { isCustomerDocument, moveTotals } from './logic/invoice.ts';
import { buttonValidate, movesOf } from './logic/picking.ts';
import { LOCATION, PICKING_TYPE_IN, PICKING_TYPE_OUT, productQuantities, quantFor } from './logic/stock.ts';
import type { Rec } from './models/types.ts';
import { applyInventory } from './models/stock-quant.ts';
import { createRecords, writeRecords } from './orm/write.ts';

export const seedSchema = z.object({
  products: z
    .array(
      z.object({
        sku: z.string().min(1),
        ean: z.string().optional(),
        name: z.string().optional(),
        price: z.number().nonnegative().default(10),
        qty: z.number().nonnegative().default(0),
        description: z.string().optional(),
        /** The picture as base64 (Odoo's image_1920). */
        image: z.string().optional(),
        /** A category name under "All" (made when missing). */
        category: z.string().optional(),
      }),
    )
    .default([]),
  carriers: z.array(z.string().min(1)).default([]),
});

export const shipSchema = z.object({
  client_order_ref: z.string().min(1),
  carrier: z.union([z.string().min(1), z.number().int()]).optional(),
  tracking_ref: z.string().optional(),
  lines: z.array(z.object({ sku: z.string(), qty: z.number().nonnegative() })).optional(),
});

export const receiveReturnSchema = z.object({ client_order_ref: z.string().min(1) });
export const pdfRendererSchema = z.object({ available: z.boolean() });

export type SeedInput = z.input<typeof seedSchema>;
export type ShipInput = z.input<typeof shipSchema>;
export type ReceiveReturnInput = z.input<typeof receiveReturnSchema>;
const ADMIN = 2;

/** Creates (or updates, by SKU) storable products and sets their on-hand quantity in WH/Stock. */
export function seed(instance: OdooInstance, input: SeedInput) {
  const { products, carriers } = seedSchema.parse(input);
  const env = instance.env(ADMIN);
  const storable =
    instance.config.version >= 18 ? { type: 'consu', is_storable: true } : { detailed_type: 'product' };
  const ids = products.map((p) => {
    const vals = {
      name: p.name ?? p.sku,
      default_code: p.sku,
      barcode: p.ean ?? false,
      list_price: p.price,
      ...(p.description !== undefined && { description_sale: p.description }),
      ...(p.image !== undefined && { image_1920: p.image }),
      ...(p.category !== undefined && { categ_id: categoryId(instance, p.category) }),
    };
    const [existing] = env.db.findBy('product.product', 'default_code', p.sku);
    const id = existing
      ? existing.id
      : (createRecords(env, 'product.product', [{ ...vals, ...storable }])[0] as number);
    if (existing) writeRecords(env, 'product.product', [id], vals);
    const quant = quantFor(env, id, LOCATION.stock);
    quant.inventory_quantity = p.qty;
    applyInventory(env, quant);
    return { id, sku: p.sku };
  });
  const carrierIds = carriers.map((name) => carrierId(instance, name));
  return { products: ids, carriers: carrierIds };
}

function categoryId(instance: OdooInstance, name: string): number {
  const env = instance.env(ADMIN);
  const path = `All / ${name}`;
  const found = env.db.all('product.category').find((c) => c.complete_name === path);
  return found
    ? found.id
    : (createRecords(env, 'product.category', [{ name, complete_name: path, parent_id: 1 }])[0] as number);
}

function carrierId(instance: OdooInstance, nameOrId: string | number): number {
  const env = instance.env(ADMIN);
  if (typeof nameOrId === 'number') return nameOrId;
  const found = env.db.all('delivery.carrier').find((c) => c.name === nameOrId);
  return found
    ? found.id
    : (createRecords(env, 'delivery.carrier', [{ name: nameOrId, delivery_type: 'fixed' }])[0] as number);
}

/** Validates the open delivery of an order as a warehouse worker would: all of it, or the given lines. */
export function ship(instance: OdooInstance, input: ShipInput) {
  const request = shipSchema.parse(input);
  const env = instance.env(ADMIN, { skip_sms: true, skip_backorder: true });
  const [order] = env.db.findBy('sale.order', 'client_order_ref', request.client_order_ref);
  if (!order)
    throw new AppError(
      'not_found',
      'sandbox.order_not_found',
      `No sale order with client_order_ref ${request.client_order_ref}.`,
    );
  const picking = env.db
    .findBy('stock.picking', 'sale_id', order.id)
    .find((p) => p.picking_type_id === PICKING_TYPE_OUT && !['done', 'cancel'].includes(String(p.state)));
  if (!picking)
    throw new AppError(
      'conflict',
      'sandbox.nothing_to_ship',
      `Order ${String(order.name)} has no open delivery.`,
    );
  const vals: Record<string, unknown> = {};
  if (request.carrier !== undefined) vals.carrier_id = carrierId(instance, request.carrier);
  if (request.tracking_ref !== undefined) vals.carrier_tracking_ref = request.tracking_ref;
  writeRecords(env, 'stock.picking', [picking.id], vals);
  if (request.lines) {
    for (const move of movesOf(env, picking.id)) {
      const sku = env.db.get('product.product', Number(move.product_id))?.default_code;
      const line = request.lines.find((l) => l.sku === sku);
      if (line) writeRecords(env, 'stock.move', [move.id], { quantity: line.qty, picked: line.qty > 0 });
    }
  }
  buttonValidate(env, [picking.id]);
  const [backorder] = env.db.findBy('stock.picking', 'backorder_id', picking.id);
  return {
    picking: String(picking.name),
    pickingId: picking.id,
    backorder: backorder ? String(backorder.name) : null,
  };
}

/** The warehouse books the returned parcel: validates every open return receipt of the order, as prepared. */
export function receiveReturn(instance: OdooInstance, input: ReceiveReturnInput) {
  const request = receiveReturnSchema.parse(input);
  const env = instance.env(ADMIN, { skip_sms: true, skip_backorder: true });
  const [order] = env.db.findBy('sale.order', 'client_order_ref', request.client_order_ref);
  if (!order)
    throw new AppError(
      'not_found',
      'sandbox.order_not_found',
      `No sale order with client_order_ref ${request.client_order_ref}.`,
    );
  const receipts = env.db
    .findBy('stock.picking', 'sale_id', order.id)
    .filter(
      (p) =>
        p.picking_type_id === PICKING_TYPE_IN && p.return_id && !['done', 'cancel'].includes(String(p.state)),
    );
  if (receipts.length === 0)
    throw new AppError(
      'conflict',
      'sandbox.nothing_to_receive',
      `Order ${String(order.name)} has no open return receipt.`,
    );
  buttonValidate(
    env,
    receipts.map((p) => p.id),
  );
  return { receipts: receipts.map((p) => ({ id: p.id, name: String(p.name) })) };
}

/** Whether "Send & Print" renders PDFs; off, it fails like a server without wkhtmltopdf. */
export function setPdfRenderer(instance: OdooInstance, input: z.input<typeof pdfRendererSchema>) {
  instance.store.pdfRenderer = pdfRendererSchema.parse(input).available;
  return { available: instance.store.pdfRenderer };
}

const name = (instance: OdooInstance, model: string, id: unknown): string | null => {
  const value = typeof id === 'number' ? instance.store.get(model, id)?.name : undefined;
  return typeof value === 'string' ? value : null;
};

export function state(instance: OdooInstance) {
  const env = instance.env(ADMIN);
  const db = instance.store;
  const product = (p: Rec) => {
    const q = productQuantities(env, p.id);
    return {
      id: p.id,
      sku: p.default_code || null,
      ean: p.barcode || null,
      name: p.name,
      price: p.list_price,
      onHand: q.onHand,
      free: q.free,
      active: p.active !== false,
    };
  };
  return {
    version: instance.config.version,
    database: instance.config.database,
    products: db
      .all('product.product')
      .filter((p) => p.type !== 'service')
      .map(product),
    partners: db
      .all('res.partner')
      .filter((p) => p.id > 6)
      .map((p) => ({
        id: p.id,
        name: p.name,
        email: p.email || null,
        ref: p.ref || null,
        parentId: p.parent_id || null,
        type: p.type,
      })),
    orders: db.all('sale.order').map((o) => ({
      id: o.id,
      name: o.name,
      clientOrderRef: o.client_order_ref || null,
      state: o.state,
      partnerId: o.partner_id,
    })),
    pickings: db.all('stock.picking').map((p) => ({
      id: p.id,
      name: p.name,
      state: env.db.models.get('stock.picking')?.fields.state?.compute?.(p, env),
      origin: p.origin || null,
      carrier: name(instance, 'delivery.carrier', p.carrier_id),
      trackingRef: p.carrier_tracking_ref || null,
      backorderOf: name(instance, 'stock.picking', p.backorder_id),
      returnOf: name(instance, 'stock.picking', p.return_id),
    })),
    carriers: db.all('delivery.carrier').map((c) => ({ id: c.id, name: c.name })),
    // Customer invoices and credit notes, with the order they came from and whether their PDF is stored.
    documents: db
      .all('account.move')
      .filter(isCustomerDocument)
      .map((m) => ({
        id: m.id,
        name: m.name || null,
        type: m.move_type === 'out_refund' ? 'credit_note' : 'invoice',
        state: m.state,
        origin: m.invoice_origin || null,
        ref: m.ref || null,
        total: moveTotals(env, m).total,
        reversalOf: name(instance, 'account.move', m.reversed_entry_id),
        pdf: Boolean(m.invoice_pdf_report_id),
      })),
  };
}
