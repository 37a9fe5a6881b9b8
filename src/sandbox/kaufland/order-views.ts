import type { components } from '../../connectors/kaufland/generated/openapi.d.ts';
import { invoicesOfOrder, invoiceView } from './invoices.ts';
import type { OrderRecord, OrderUnitRecord } from './records.ts';
import { latestReturnUnitOf, returnUnitView } from './return-unit-view.ts';
import type { SandboxStore } from './state.ts';
import { STOREFRONT_FACTS } from './storefronts.ts';
import { productView } from './views.ts';

type Schemas = components['schemas'];
export type OrderView = Schemas['Order'];
export type OrderDetailsView = Schemas['OrderDetails'];
export type OrderUnitView = Schemas['OrderUnit'];
export type OrderUnitDetailsView = Schemas['OrderUnitDetails'];
type OrderDetailsUnit = OrderDetailsView['order_units'][number];
export type OrderUnitEmbed = Schemas['OrderUnitEmbeddable'];
export type OrderEmbed = Schemas['OrderEmbeddable'];

/** Integrations report addresses withheld for about 15 minutes while a unit is still `open`. */
export const ADDRESS_HOLD_MS = 15 * 60_000;

function isDeemedSupplier(order: OrderRecord | undefined): boolean {
  return order?.deemed_supplier === true;
}

function addressesVisible(store: SandboxStore, unit: OrderUnitRecord): boolean {
  return unit.status !== 'open' || store.clock() - Date.parse(unit.ts_created_iso) >= ADDRESS_HOLD_MS;
}

/**
 * The sandbox's reading of the money fields (undocumented upstream): `price` is the gross item price the buyer paid,
 * `revenue_gross` = price + shipping_rate, `revenue_net` = revenue_gross without the storefront's standard VAT.
 * Kaufland's fees are not deducted.
 */
function unitCore(store: SandboxStore, unit: OrderUnitRecord): Omit<OrderDetailsUnit, 'tickets' | 'product'> {
  const revenueGross = unit.price + unit.shipping_rate;
  return {
    id_order_unit: unit.id_order_unit,
    id_order: unit.id_order,
    ts_created_iso: unit.ts_created_iso,
    ts_updated_iso: unit.ts_updated_iso,
    is_marketplace_deemed_supplier: isDeemedSupplier(store.orders.get(unit.id_order)),
    status: unit.status,
    price: unit.price,
    id_offer: unit.id_offer,
    revenue_gross: revenueGross,
    revenue_net: Math.round((revenueGross * 100) / (100 + unit.vat)),
    note: null,
    unit_condition: unit.unit_condition,
    storefront: unit.storefront,
    currency: STOREFRONT_FACTS[unit.storefront].currency,
    delivery_time_min: unit.delivery_time_min,
    delivery_time_max: unit.delivery_time_max,
    delivery_time_expires_iso: unit.delivery_time_expires_iso,
    order_received_timestamp_iso: unit.order_received_timestamp_iso,
    shipping_rate: unit.shipping_rate,
    cancel_reason: unit.cancel_reason,
    vat: unit.vat,
  };
}

function productOf(store: SandboxStore, unit: OrderUnitRecord): OrderUnitView['product'] {
  const product = store.products.get(unit.id_product);
  return product ? productView(product, unit.storefront) : null;
}

export function orderUnitView(store: SandboxStore, unit: OrderUnitRecord): OrderUnitView {
  const order = store.orders.get(unit.id_order);
  const visible = addressesVisible(store, unit);
  return {
    ...unitCore(store, unit),
    fulfillment_type: 'fulfilled_by_merchant',
    buyer: order ? { ...order.buyer } : null,
    billing_address: order && visible ? { ...order.billing_address } : null,
    shipping_address: order && visible ? { ...order.shipping_address } : null,
    product: productOf(store, unit),
  };
}

export function orderUnitDetailsView(
  store: SandboxStore,
  unit: OrderUnitRecord,
  embedded: readonly OrderUnitEmbed[],
): OrderUnitDetailsView {
  const view: OrderUnitDetailsView = orderUnitView(store, unit);
  if (embedded.includes('tickets')) view.tickets = [];
  if (embedded.includes('return_unit')) {
    const returnUnit = latestReturnUnitOf(store, unit.id_order_unit);
    view.return_unit = returnUnit ? returnUnitView(returnUnit) : null;
  }
  if (embedded.includes('delivery_attempt_timestamp_iso')) view.delivery_attempt_timestamp_iso = null;
  if (embedded.includes('delivery')) view.delivery = { pickup_location: null };
  if (embedded.includes('kss_delivery')) view.kss_eligible = false;
  return view;
}

export function unitsOfOrder(store: SandboxStore, idOrder: string): OrderUnitRecord[] {
  return store.orderUnits.ofOrder(idOrder);
}

export function orderView(store: SandboxStore, order: OrderRecord): OrderView {
  const units = unitsOfOrder(store, order.id_order);
  return {
    id_order: order.id_order,
    ts_created_iso: order.ts_created_iso,
    is_marketplace_deemed_supplier: isDeemedSupplier(order),
    order_units_count: units.length,
    ts_units_updated_iso: latestUpdate(order, units),
    storefront: order.storefront,
    fulfillment_type: 'fulfilled_by_merchant',
  };
}

export function latestUpdate(order: OrderRecord, units: readonly OrderUnitRecord[]): string {
  return units.reduce(
    (latest, unit) => (unit.ts_updated_iso > latest ? unit.ts_updated_iso : latest),
    order.ts_created_iso,
  );
}

export function orderDetailsView(
  store: SandboxStore,
  order: OrderRecord,
  embedded: readonly OrderEmbed[] = [],
): OrderDetailsView {
  const units = unitsOfOrder(store, order.id_order);
  const visible = units.some((unit) => addressesVisible(store, unit));
  const view: OrderDetailsView = {
    id_order: order.id_order,
    ts_created_iso: order.ts_created_iso,
    is_marketplace_deemed_supplier: isDeemedSupplier(order),
    storefront: order.storefront,
    fulfillment_type: 'fulfilled_by_merchant',
    order_units: units.map((unit) => ({
      ...unitCore(store, unit),
      tickets: null,
      product: productOf(store, unit),
      ...(embedded.includes('kss_delivery') ? { kss_eligible: false } : {}),
    })),
    billing_address: visible ? { ...order.billing_address } : null,
    shipping_address: visible ? { ...order.shipping_address } : null,
    buyer: { ...order.buyer },
  };
  if (embedded.includes('order_invoices'))
    view.order_invoices = invoicesOfOrder(store, order.id_order).map((invoice) =>
      invoiceView(store, invoice),
    );
  if (embedded.includes('delivery')) view.delivery = { pickup_location: null };
  return view;
}
