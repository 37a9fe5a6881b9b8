import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { components } from '../../connectors/kaufland/generated/openapi.d.ts';
import { validateBody } from './body.ts';
import { fieldError, notFound } from './errors.ts';
import type { InvoiceRecord, OrderRecord, SellerRecord } from './records.ts';
import type { SandboxStore } from './state.ts';

export type OrderInvoiceView = components['schemas']['OrderInvoice'];

/**
 * The spec names no limits for uploads; these are the sandbox's reading of Kaufland's rules (README "Order
 * invoices"): a PDF, sent as `application/pdf`, a file name ending in `.pdf` without a path, at most 3 MiB
 * decoded (its base64 still fits the sandbox's 5 MB request body).
 */
export const INVOICE_MIME_TYPE = 'application/pdf';
export const MAX_INVOICE_BYTES = 3 * 1024 * 1024;
const MAX_NAME_LENGTH = 255;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const invoiceUploadSchema = z.strictObject({
  original_name: z.string(),
  mime_type: z.string(),
  data: z.string(),
});

export function findOrder(store: SandboxStore, seller: SellerRecord, idOrder: string): OrderRecord {
  const order = store.orders.get(idOrder);
  if (!order || order.id_seller !== seller.id_seller) throw notFound('Order not found');
  return order;
}

/** Checks name, type, encoding, content and size in that order; the first problem is the 400's field. */
export function uploadInvoice(
  store: SandboxStore,
  seller: SellerRecord,
  idOrder: string,
  body: unknown,
): InvoiceRecord {
  const input = validateBody(invoiceUploadSchema, body);
  const order = findOrder(store, seller, idOrder);
  const name = input.original_name.trim();
  if (name === '' || name.length > MAX_NAME_LENGTH)
    throw fieldError('original_name', `must be 1 to ${MAX_NAME_LENGTH} characters`);
  if (/[/\\]/.test(name) || [...name].some((char) => char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127))
    throw fieldError('original_name', 'must be a file name without path or control characters');
  if (!name.toLowerCase().endsWith('.pdf')) throw fieldError('original_name', 'must end with .pdf');
  if (input.mime_type !== INVOICE_MIME_TYPE)
    throw fieldError('mime_type', `"${input.mime_type}" is not accepted; only ${INVOICE_MIME_TYPE}`);
  if (!BASE64.test(input.data)) throw fieldError('data', 'is not valid base64');
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length === 0) throw fieldError('data', 'is empty');
  if (bytes.length > MAX_INVOICE_BYTES)
    throw fieldError(
      'data',
      `file is ${bytes.length} bytes; at most ${MAX_INVOICE_BYTES} bytes are accepted`,
    );
  if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-')))
    throw fieldError('data', 'is not a PDF document (it must start with %PDF-)');
  if (order.deemed_supplier === true) {
    throw fieldError(
      'id_order',
      'Kaufland is the deemed supplier of this order and issues its invoice itself',
    );
  }
  const invoice: InvoiceRecord = {
    id_invoice: store.nextId('invoice'),
    id_order: order.id_order,
    id_seller: seller.id_seller,
    storefront: order.storefront,
    original_name: name,
    mime_type: INVOICE_MIME_TYPE,
    size_bytes: bytes.length,
    ts_created_iso: store.nowIso(),
  };
  store.invoices.set(invoice.id_invoice, invoice);
  store.changed();
  return invoice;
}

export function findInvoice(
  store: SandboxStore,
  seller: SellerRecord,
  idOrder: string,
  idInvoice: number,
): InvoiceRecord {
  const invoice = store.invoices.get(idInvoice);
  if (!invoice || invoice.id_seller !== seller.id_seller || invoice.id_order !== idOrder)
    throw notFound('Invoice not found');
  return invoice;
}

export function deleteInvoice(store: SandboxStore, invoice: InvoiceRecord): void {
  store.invoices.delete(invoice.id_invoice);
  store.changed();
}

/** Upload order, oldest first, as in Kaufland's own example list. */
export function invoicesOfOrder(store: SandboxStore, idOrder: string): InvoiceRecord[] {
  return [...store.invoices.values()].filter((invoice) => invoice.id_order === idOrder);
}

export function invoiceView(store: SandboxStore, invoice: InvoiceRecord): OrderInvoiceView {
  // Stands in for Kaufland's random download token: unguessable enough for a fake, stable across calls.
  const token = createHash('sha256').update(`${invoice.id_invoice}|${invoice.id_order}`).digest('hex');
  return {
    id_invoice: invoice.id_invoice,
    id_order: invoice.id_order,
    storefront: invoice.storefront,
    is_marketplace_deemed_supplier: store.orders.get(invoice.id_order)?.deemed_supplier === true,
    original_name: invoice.original_name,
    mime_type: invoice.mime_type,
    url: `https://sandbox.kaufland.invalid/dynamic/files/order_invoices/${invoice.id_invoice}/?access_token=${token.slice(0, 32)}`,
    ts_created_iso: invoice.ts_created_iso,
  };
}
