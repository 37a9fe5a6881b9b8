import { z } from 'zod';
import type { ErpProduct, ErpSaleOrder, ErpShipment } from '../../core/ports/erp.port.ts';
import { many2one, text } from './odoo.client.ts';
import type { OdooDialect } from './odoo.dialect.ts';

/** Decimal amount to minor units; Odoo floats like 19.990000000000002 land on 1999. */
export const toMinor = (amount: number): number => Math.round(amount * 100);
export const fromMinor = (minor: number): number => minor / 100;
/** Odoo's "YYYY-MM-DD HH:MM:SS" (UTC) as ISO 8601. */
export const odooDateToIso = (value: string | null): string | null =>
  value ? `${value.replace(' ', 'T')}Z` : null;

export const PRODUCT_FIELDS = [
  'default_code',
  'barcode',
  'name',
  'list_price',
  'free_qty',
  'qty_available',
  'active',
  'write_date',
];
export const productSchema = z.looseObject({
  id: z.number(),
  default_code: text,
  barcode: text,
  name: z.string(),
  list_price: z.number(),
  free_qty: z.number(),
  qty_available: z.number(),
  active: z.boolean(),
});

export function toErpProduct(row: z.infer<typeof productSchema>): ErpProduct {
  return {
    id: String(row.id),
    sku: row.default_code ?? '',
    ean: row.barcode,
    name: row.name,
    price: toMinor(row.list_price),
    freeQty: row.free_qty,
    onHand: row.qty_available,
    active: row.active,
  };
}

export const SALE_ORDER_FIELDS = [
  'name',
  'state',
  'client_order_ref',
  'delivery_status',
  'amount_total',
  'amount_tax',
  'currency_id',
];
export const saleOrderSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  state: z.string(),
  client_order_ref: text,
  delivery_status: z.union([z.string(), z.literal(false)]).optional(),
  amount_total: z.number(),
  amount_tax: z.number().optional(),
  // [id, "CZK"]: a currency's display name is its ISO code.
  currency_id: many2one.optional(),
});

export function toErpSaleOrder(row: z.infer<typeof saleOrderSchema>, dialect: OdooDialect): ErpSaleOrder {
  return {
    id: String(row.id),
    name: row.name,
    externalRef: row.client_order_ref,
    state: dialect.saleState(row.state),
    deliveryStatus: dialect.deliveryStatus(row.delivery_status),
    total: toMinor(row.amount_total),
    ...(row.amount_tax === undefined ? {} : { tax: toMinor(row.amount_tax) }),
    ...(row.currency_id ? { currency: row.currency_id[1] } : {}),
  };
}

export const PICKING_FIELDS = [
  'name',
  'sale_id',
  'carrier_id',
  'carrier_tracking_ref',
  'date_done',
  'backorder_id',
  'write_date',
];
export const pickingSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  sale_id: many2one,
  carrier_id: many2one,
  carrier_tracking_ref: text,
  date_done: text,
  backorder_id: many2one,
});

export function toErpShipment(
  row: z.infer<typeof pickingSchema>,
  order: { ref: string | null } | undefined,
  lines: ErpShipment['lines'],
  hasBackorder: boolean,
): ErpShipment {
  return {
    id: String(row.id),
    name: row.name,
    orderId: row.sale_id ? String(row.sale_id[0]) : '',
    externalRef: order?.ref ?? null,
    carrier: row.carrier_id ? { id: String(row.carrier_id[0]), name: row.carrier_id[1] } : null,
    trackingRef: row.carrier_tracking_ref,
    shippedAt: odooDateToIso(row.date_done),
    partial: hasBackorder || row.backorder_id !== false,
    lines,
  };
}
