import { randomInt } from 'node:crypto';
import type { components } from '../../connectors/kaufland/generated/openapi.d.ts';
import type { Storefront } from './storefronts.ts';

/** Glossary: what the sandbox keeps in memory (and in the snapshot file). Views in views*.ts turn these into spec shapes. */
type Schemas = components['schemas'];
export type UnitStatus = Schemas['UnitStatuses'];
export type UnitCondition = Schemas['UnitCondition'];
export type VatIndicator = Schemas['VatIndicator'];
export type OrderUnitStatus = Schemas['OrderUnitStatus'];
export type CancelReason = Schemas['OrderUnitCancelReason'];
export type Address = Schemas['Address'];
export type Buyer = Schemas['Buyer'];
export type ReturnStatus = Schemas['ReturnStatus'];
export type ReturnUnitStatus = Schemas['ReturnUnitStatus'];
export type ReturnReason = Schemas['ReturnReason'];
export type RefundReason = Schemas['OrderUnitRefundReason'];

/** A seller account. `id_seller` is internal and survives key rotation; the client key is what requests carry. */
export interface SellerRecord {
  id_seller: number;
  client_key: string;
  secret_key: string;
  storefronts: Storefront[];
  ts_created_iso: string;
}

/** The catalogue product an EAN resolves to; the sandbox invents one for every new EAN. */
export interface ProductRecord {
  id_product: number;
  eans: string[];
  title: string;
  manufacturer: string;
  id_category: number;
}

/** An offer on one storefront. Its amount lives in the shared stock (see SandboxStore.stockKey). */
export interface UnitRecord {
  id_unit: number;
  id_seller: number;
  storefront: Storefront;
  id_offer: string;
  id_product: number;
  status: UnitStatus;
  condition: UnitCondition;
  listing_price: number;
  minimum_price: number | null;
  handling_time: number;
  note: string | null;
  id_shipping_group: number | null;
  id_warehouse: number | null;
  vat_indicator: VatIndicator;
  eco_participation: number | null;
  battery_participation: number | null;
  shipping_rate: number;
  transport_time_min: number;
  transport_time_max: number;
  date_inserted_iso: string;
  date_lastchange_iso: string;
}

export interface OrderRecord {
  id_order: string;
  id_seller: number;
  storefront: Storefront;
  ts_created_iso: string;
  buyer: Buyer;
  billing_address: Address;
  shipping_address: Address;
  /** Kaufland is the seller of record and invoices the buyer itself (EU deemed supplier); absent = false. */
  deemed_supplier?: boolean;
}

/** One piece of one order line: three of an item are three order units. Product data is copied at purchase time. */
export interface OrderUnitRecord {
  id_order_unit: number;
  id_order: string;
  id_seller: number;
  storefront: Storefront;
  id_offer: string;
  id_product: number;
  unit_condition: string;
  status: OrderUnitStatus;
  cancel_reason: CancelReason | null;
  price: number;
  shipping_rate: number;
  vat: number;
  delivery_time_min: number;
  delivery_time_max: number;
  delivery_time_expires_iso: string;
  order_received_timestamp_iso: string | null;
  ts_created_iso: string;
  ts_updated_iso: string;
}

export interface ShipmentRecord {
  id_order_unit: number;
  carrier_code: string;
  tracking_numbers: string[];
  ts_created_iso: string;
}

/** A document the seller attached to an order. Only its facts are kept, not the file (snapshots stay small). */
export interface InvoiceRecord {
  id_invoice: number;
  id_order: string;
  id_seller: number;
  storefront: Storefront;
  original_name: string;
  mime_type: string;
  size_bytes: number;
  ts_created_iso: string;
}

/** One return parcel: order units of one order, sent back together. */
export interface ReturnRecord {
  id_return: number;
  id_seller: number;
  id_order: string;
  storefront: Storefront;
  status: ReturnStatus;
  tracking_provider: string | null;
  tracking_code: string | null;
  ts_created_iso: string;
  /** Moves whenever the return or one of its units changes (the spec's return units carry no time of their own). */
  ts_updated_iso: string;
}

export interface ReturnUnitRecord {
  id_return_unit: number;
  id_return: number;
  id_order_unit: number;
  id_seller: number;
  storefront: Storefront;
  status: ReturnUnitStatus;
  reason: ReturnReason;
  note: string | null;
  /** Messages the seller sent with reject/clarify (Kaufland opens a ticket with them). */
  messages: { action: 'reject' | 'clarify'; message: string; ts_created_iso: string }[];
  /** How often an accept moved this unit to return_accepted (the crash test proves it is never twice). */
  accepts?: number;
  ts_created_iso: string;
}

export interface RefundRecord {
  id_order_unit: number;
  amount: number;
  reason: RefundReason;
  ts_created_iso: string;
}

/** Next ids. Offsets give ids the length real ones have (id_order_unit 314567896580917 has 15 digits). */
export interface Counters {
  seller: number;
  unit: number;
  product: number;
  orderUnit: number;
  buyer: number;
  order: number;
  invoice: number;
  return: number;
  returnUnit: number;
}

/** Sellers, offers and products are per sandbox; their ids may start at the same place every time. */
const FIXED_COUNTERS = {
  seller: 1,
  unit: 400_000_001,
  product: 362_500_001,
  invoice: 918_270_001,
} as const;

/**
 * Kaufland's order, order-unit, buyer and return ids are global: a sandbox restarted against a persistent ERP must
 * not hand out ids an earlier sandbox used. Each fresh store starts these at a random point of their id space
 * (crypto-random, so two sandboxes started in the same millisecond differ too); ids then count up from there.
 * Two sandboxes making N ids each overlap with a chance of about 2N / space: for order ids (36^7 ≈ 7.8e10) and
 * 10,000 orders each, 1 in 4 million. Every id stays a safe integer (below 2^53, the spec's int64).
 */
export function initialCounters(): Counters {
  return {
    ...FIXED_COUNTERS,
    // 15 digits like 314567896580917.
    orderUnit: randomStart(100_000_000_000_000, 899_000_000_000_000),
    buyer: randomStart(10_000_000, 89_000_000_000),
    // A sequence number; order-factory permutes it into the 7-character id space (36^7 values).
    order: randomStart(1, 78_000_000_000),
    return: randomStart(100_000_000, 8_900_000_000_000),
    returnUnit: randomStart(1_000_000_000, 8_900_000_000_000),
  };
}

function randomStart(from: number, span: number): number {
  // Two 24-bit draws give 48 random bits, more than any span here.
  const draw = randomInt(0, 2 ** 24) * 2 ** 24 + randomInt(0, 2 ** 24);
  return from + (draw % span);
}
