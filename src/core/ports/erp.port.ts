/**
 * The seam between the hub and an ERP. The sync, the store and the HTTP layer only see this; vendor words
 * (Odoo's res.partner, stock.picking, …) stay inside the connector folder.
 *
 * Money is integer minor units (cents) of the ERP company's currency, like core/money.ts: it is exact, sums
 * without float drift, and is what Kaufland's API takes. An ERP with more than 2 price decimals is rounded
 * half away from zero to cents when read. Quantities are plain numbers (ERPs allow fractional units).
 * Ids are strings: ERPs differ (Odoo uses integers), the hub only stores and returns them.
 */
import type { CodedMessage } from '../coded-message.ts';
import type { AppError } from '../errors.ts';
import type { SessionMemory } from '../session-memory.ts';
import type { CallRecord } from './marketplace.port.ts';

export interface ErpCredentials {
  /** Root URL of the ERP, e.g. https://erp.example.com or a sandbox's URL. */
  url: string;
  database: string;
  login: string;
  /** API key (preferred) or password. Never logged. */
  secret: string;
  /** Wire protocol; `auto` (default) picks by server version. Odoo: `jsonrpc` | `json2`. */
  transport?: string;
}

export interface ErpConnectionCheck {
  serverVersion: string;
  transport: string;
  userId: string;
  warehouses: { id: string; code: string; name: string }[];
  carriers: { id: string; name: string }[];
}

/** Pages of changes: the cursor is opaque text the sync stores and hands back; null starts from the beginning. */
export interface ErpPage<T> {
  items: T[];
  cursor: string;
  /** More changes are waiting: ask again with the new cursor. */
  hasMore: boolean;
}

export interface ErpProduct {
  id: string;
  sku: string;
  ean: string | null;
  name: string;
  /** List price in minor units (cents). */
  price: number;
  /** On hand minus reserved: what can still be sold. */
  freeQty: number;
  onHand: number;
  active: boolean;
}

export interface ErpAddress {
  name: string;
  company?: string | null;
  street: string;
  street2?: string | null;
  zip: string;
  city: string;
  /** ISO 3166-1 alpha-2, e.g. "DE". */
  countryCode: string;
  phone?: string | null;
}

export interface ErpCustomerInput {
  /** The marketplace's buyer id, prefixed with the marketplace (e.g. "kaufland:123"). */
  externalId: string;
  email: string | null;
  invoiceAddress: ErpAddress;
  shippingAddress: ErpAddress;
}

export interface ErpCustomerRef {
  customerId: string;
  invoiceAddressId: string;
  shippingAddressId: string;
}

export interface ErpSaleOrderLineInput {
  sku: string;
  quantity: number;
  /** Gross unit price in minor units, as the buyer paid it. */
  unitPrice: number;
}

export interface ErpSaleOrderInput {
  /** The marketplace order id: looked up first, so a retry never creates a second order. */
  externalRef: string;
  origin?: string;
  customer: ErpCustomerRef;
  lines: ErpSaleOrderLineInput[];
  /** Shipping the buyer paid, gross, in minor units: one shipping line when above 0. */
  shippingAmount?: number;
  /**
   * ISO 4217 code of the order's money (e.g. "CZK"): the sale order is booked in it, and its total equals the
   * lines plus shipping to the cent. Absent: the ERP company's currency.
   */
  currency?: string;
  /** The marketplace's display name (e.g. "Kaufland"): names what the ERP creates for its orders. */
  marketplace?: string;
}

export type ErpSaleOrderState = 'draft' | 'confirmed' | 'done' | 'cancelled';
export type ErpDeliveryStatus = 'pending' | 'started' | 'partial' | 'full';

export interface ErpSaleOrder {
  id: string;
  name: string;
  externalRef: string | null;
  state: ErpSaleOrderState;
  deliveryStatus: ErpDeliveryStatus | null;
  /** Total in minor units of `currency`, taxes included. */
  total: number;
  /** The VAT contained in `total`, in minor units. */
  tax?: number;
  /** ISO 4217 code of the sale order's currency; absent when the ERP did not say. */
  currency?: string;
}

export interface ErpShipmentLine {
  sku: string | null;
  quantity: number;
}

/** A done delivery: what left the warehouse for one order, with the carrier and tracking number. */
export interface ErpShipment {
  id: string;
  name: string;
  orderId: string;
  externalRef: string | null;
  carrier: { id: string; name: string } | null;
  trackingRef: string | null;
  /** ISO 8601 UTC. */
  shippedAt: string | null;
  /** Part of a split delivery (a backorder exists or this is one). */
  partial: boolean;
  lines: ErpShipmentLine[];
}

/**
 * One item of a batch call: its value, or why the ERP refused that one item (an AppError of kind `rejected`).
 * Transient and config errors are not per item: they fail the whole call, and the batch is retried later.
 */
export type ErpOutcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

export interface ErpSaleOrderResult {
  order: ErpSaleOrder;
  /** False when the order already existed (an earlier attempt cut off before the hub recorded it). */
  created: boolean;
  /**
   * What the ERP had to be told so its total is the buyer's (e.g. price-excluded taxes swapped for
   * price-included ones, a rounding line), for the order's timeline; empty when nothing was needed.
   */
  corrections: CodedMessage[];
}

/** What of the ERP the sync reads (the ERP page's settings). Absent: every kind of goods, company-wide stock. */
export interface ErpScope {
  /** Kinds of goods offered on marketplaces; services never are. */
  productTypes: readonly ('storable' | 'consumable')[];
  /** Free quantity counts in this warehouse's stock location only; null: every internal location. */
  warehouseId: string | null;
  /** These stock locations (and their children) instead of the warehouse's main one. */
  stockLocationIds: readonly string[] | null;
}

/** A currency as the ERP knows it, for pricing offers in a channel's currency. */
export interface ErpCurrency {
  /** ISO 4217, e.g. "CZK". */
  code: string;
  /** Usable in the ERP (Odoo hides inactive currencies from its own documents). */
  active: boolean;
  /**
   * Units of this currency per 1 unit of the company currency, as the ERP converts today; null when the ERP
   * has no rate for it (it would otherwise convert 1:1, a guess).
   */
  rate: number | null;
  /** Smallest amount, e.g. 0.01. */
  rounding: number;
}

export interface ErpCurrencies {
  /** The currency of the ERP's prices (`ErpProduct.price`). */
  companyCurrency: string;
  /** The currencies asked for that the ERP knows (unknown codes are left out), and the company currency. */
  currencies: ErpCurrency[];
}

/** A quantity of one SKU: a line of a return or of a partial credit note. */
export interface ErpQuantityLine {
  sku: string;
  quantity: number;
}

export type ErpDocumentKind = 'invoice' | 'credit_note';

/** A customer invoice or credit note of a sale order, as the accounting booked it. */
export interface ErpDocument {
  id: string;
  saleOrderId: string;
  kind: ErpDocumentKind;
  /** The accounting number (e.g. "INV/2026/00004"); the ERP's placeholder while a draft. */
  number: string;
  posted: boolean;
  /** Total in minor units of `currency`, taxes included, always positive (a credit note's too). */
  totalMinor: number;
  /** ISO 4217. */
  currency: string;
  /** The accounting date (YYYY-MM-DD), null while a draft has none. */
  date: string | null;
  /** The hub's reference this document was made for (`createCreditNote`), null for the ERP's own documents. */
  ref: string | null;
}

export interface ErpDocumentPdf {
  fileName: string;
  pdf: Uint8Array;
}

export interface ErpReturnInput {
  /** The hub's reference of this return (e.g. "kaufland:return:123"): looked up first, so a retry never makes a second receipt. */
  ref: string;
  /** What comes back, per SKU of the order's delivery. */
  lines: ErpQuantityLine[];
}

/** A return receipt the warehouse validated: the goods are back in stock. */
export interface ErpReturnReceipt {
  receiptId: string;
  name: string;
  saleOrderId: string;
  /** The `ErpReturnInput.ref` it was prepared for; null for a return the warehouse made on its own. */
  ref: string | null;
  lines: ErpQuantityLine[];
  /** ISO 8601 UTC. */
  doneAt: string;
}

export interface ErpCreditNoteInput {
  /** The hub's reference (a return or a refund): looked up first, so a retry never makes a second credit note. */
  ref: string;
  /** Why, in words: shown on the credit note. */
  reason: string;
  /** Credit these units at the invoice's prices (the sale order's when it has no invoice). */
  lines?: ErpQuantityLine[];
  /** Or credit this gross amount, in minor units of `currency`. Neither: the whole invoice. */
  amountMinor?: number;
  /** ISO 4217 of `amountMinor`: must be the sale order's currency. */
  currency: string;
  /** Post it (final, numbered) or leave it a draft for the accountant. */
  post: boolean;
}

/** What a marketplace catalogue needs of a product beyond `ErpProduct`: its content (issue 13). */
export interface ErpProductContent {
  sku: string;
  /** The sales description; null when the ERP has none. */
  description: string | null;
  /** The product's main picture; null when it has none. */
  image: { contentType: string; bytes: Uint8Array } | null;
  /** The maker or brand, when the ERP has a field for it and it is set; null otherwise. */
  manufacturer: string | null;
  /** The ERP's product category (e.g. "All / Saleable"); null when it has none. */
  category: { id: string; name: string } | null;
  /** The company that sells it: the brand of own goods when the ERP names no manufacturer. */
  companyName: string;
}

/** Product names and sales descriptions in one language, as the ERP translates them. */
export interface ErpProductTexts {
  /** The ERP's own code of the language it answered in (e.g. cs_CZ). */
  language: string;
  texts: { sku: string; name: string; description: string | null }[];
}

export interface ErpSession {
  /** The company currency and these currencies with today's rate: one call per sync cycle. */
  currencies(codes: readonly string[]): Promise<ErpCurrencies>;
  productsChangedSince(cursor: string | null, limit?: number): Promise<ErpPage<ErpProduct>>;
  /** Products whose stock moved or got reserved: stock changes do not touch a product's own change date. */
  stockChangedSince(cursor: string | null, limit?: number): Promise<ErpPage<ErpProduct>>;
  /** A `stockChangedSince` cursor at the newest change now: for a reader about to read every product anyway. */
  stockCursorNow(): Promise<string>;
  findProductsBySku(skus: readonly string[]): Promise<ErpProduct[]>;
  /** One outcome per input, in input order; a buyer named twice is one customer. */
  findOrCreateCustomers(inputs: readonly ErpCustomerInput[]): Promise<ErpOutcome<ErpCustomerRef>[]>;
  /** The sale orders with these marketplace references (the oldest per reference); absent ones are left out. */
  findSaleOrders(externalRefs: readonly string[]): Promise<ErpSaleOrder[]>;
  /**
   * Creates and confirms (which reserves stock) one sale order per input, in as few calls as the ERP allows; an
   * existing order with that reference is confirmed/returned instead, never created twice. One outcome per
   * input, in input order.
   */
  createSaleOrders(inputs: readonly ErpSaleOrderInput[]): Promise<ErpOutcome<ErpSaleOrderResult>[]>;
  cancelSaleOrder(orderId: string): Promise<void>;
  /** Sale orders with a marketplace reference cancelled in the ERP since the cursor (any cancelled before, on null). */
  cancelledSaleOrdersSince(cursor: string | null, limit?: number): Promise<ErpPage<ErpSaleOrder>>;
  shipmentsSince(cursor: string | null, limit?: number): Promise<ErpPage<ErpShipment>>;

  /** Posted customer invoices and credit notes of sale orders, changed since the cursor (null: all). */
  documentsChangedSince(cursor: string | null, limit?: number): Promise<ErpPage<ErpDocument>>;
  /** Every customer invoice and credit note of these sale orders, drafts too; none: an empty list. */
  saleOrderDocuments(saleOrderIds: readonly string[]): Promise<ErpDocument[]>;
  /**
   * The document's PDF: the stored one, else rendered by the ERP's own report (and stored there). AppError
   * `rejected` `<type>.pdf_unavailable` when the ERP cannot render it (the message says what to do),
   * `not_found` `<type>.document_not_found`.
   */
  documentPdf(documentId: string): Promise<ErpDocumentPdf>;
  /**
   * Invoices what was delivered of the sale order through the ERP's standard invoicing, and posts it. Idempotent:
   * an order already invoiced answers its posted invoice (a draft one is posted). AppError `rejected`
   * `<type>.nothing_to_invoice` when nothing delivered is left to invoice.
   */
  invoiceSaleOrder(saleOrderId: string): Promise<ErpDocument>;
  /**
   * Prepares a return receipt on the order's done delivery for these quantities, ready for the warehouse to
   * validate (units that left in several deliveries: one receipt each, all with `ref`; the answer is the first,
   * with every name). Idempotent by `ref`. AppError `rejected` `<type>.return_not_possible` when the order has no done
   * delivery or a SKU/quantity is not on it.
   */
  prepareReturn(saleOrderId: string, input: ErpReturnInput): Promise<{ id: string; name: string }>;
  /** Return receipts of sale orders validated since the cursor (null: all). */
  returnReceiptsDoneSince(cursor: string | null, limit?: number): Promise<ErpPage<ErpReturnReceipt>>;
  /**
   * A credit note for the sale order: a (partial) reversal of its posted invoice when there is one, else a new
   * credit note for the lines or the amount. Idempotent by `ref` (answers the existing one). AppError `rejected`
   * `<type>.credit_note_not_possible` when there is nothing to credit (no invoice, no lines, no amount; a SKU
   * not on the order; more than was invoiced).
   */
  createCreditNote(saleOrderId: string, input: ErpCreditNoteInput): Promise<ErpDocument>;
  /** Content of these products (description, picture, maker, category); unknown SKUs are left out. */
  productContent?(skus: readonly string[]): Promise<ErpProductContent[]>;
  /**
   * Names and sales descriptions in a language (BCP 47, e.g. cs-CZ); null when the ERP does not have that language
   * installed (then the default language's text is all there is).
   */
  productTexts?(skus: readonly string[], language: string): Promise<ErpProductTexts | null>;
}

export interface ErpConnector {
  readonly type: string;
  readonly displayName: string;
  /**
   * Signs in and reads what the connection screen shows. AppError codes: `<type>.auth_failed`,
   * `<type>.unknown_database`, `<type>.access_denied` (details.model names what is missing) — kind `config`;
   * `<type>.unreachable` — kind `transient`.
   */
  verifyConnection(credentials: ErpCredentials): Promise<ErpConnectionCheck>;
  /**
   * A session for the sync; it connects on first use and keeps the sign-in. With `memory`, what it learns once
   * per connection (sign-in, ids it looked up) is kept there for the next sessions (src/core/session-memory.ts).
   */
  open(
    credentials: ErpCredentials,
    options?: { onCall?: (call: CallRecord) => void; scope?: ErpScope; memory?: SessionMemory },
  ): ErpSession;
}
