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

/** Next ids. Offsets give ids the length real ones have (id_order_unit 314567896580917 has 15 digits). */
export interface Counters {
  seller: number;
  unit: number;
  product: number;
  orderUnit: number;
  buyer: number;
  order: number;
}

export const INITIAL_COUNTERS: Counters = {
  seller: 1,
  unit: 400_000_001,
  product: 362_500_001,
  orderUnit: 314_567_800_000_001,
  buyer: 21_600_001,
  order: 1,
};
