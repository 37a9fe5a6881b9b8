import type { FaultConfig } from './faults.ts';
import { orderUnitView, orderView, type OrderUnitView, type OrderView } from './order-views.ts';
import { invoiceView, type OrderInvoiceView } from './invoices.ts';
import type { RefundRecord, ReturnUnitRecord, ShipmentRecord } from './records.ts';
import { returnView, type ReturnView } from './return-views.ts';
import type { SandboxStore } from './state.ts';
import type { Storefront } from './storefronts.ts';
import { returnUnitView, type ReturnUnitView } from './return-unit-view.ts';
import { unitView, type UnitView } from './views.ts';

type Owned<T> = T & { client_key: string };

/** What `GET /_sandbox/state` shows: everything in spec shapes plus the owning client key; secrets never. */
export interface SandboxStateView {
  sellers: { client_key: string; storefronts: Storefront[]; ts_created_iso: string }[];
  units: Owned<UnitView>[];
  orders: Owned<OrderView>[];
  order_units: Owned<OrderUnitView>[];
  shipments: ShipmentRecord[];
  order_invoices: Owned<OrderInvoiceView & { size_bytes: number }>[];
  returns: Owned<ReturnView & { id_order: string }>[];
  /** The spec's ReturnUnit plus the messages the seller sent with reject/clarify and how often it was accepted. */
  return_units: Owned<ReturnUnitView & { messages: ReturnUnitRecord['messages']; accepts: number }>[];
  refunds: RefundRecord[];
  faults: FaultConfig;
}

export function stateView(store: SandboxStore, faults: FaultConfig): SandboxStateView {
  const keyOf = (idSeller: number): string => store.sellers.get(idSeller)?.client_key ?? '';
  return {
    sellers: [...store.sellers.values()].map((seller) => ({
      client_key: seller.client_key,
      storefronts: [...seller.storefronts],
      ts_created_iso: seller.ts_created_iso,
    })),
    units: [...store.units.values()].map((unit) => ({
      client_key: keyOf(unit.id_seller),
      ...unitView(store, unit, ['products']),
    })),
    orders: [...store.orders.values()].map((order) => ({
      client_key: keyOf(order.id_seller),
      ...orderView(store, order),
    })),
    order_units: [...store.orderUnits.values()].map((unit) => ({
      client_key: keyOf(unit.id_seller),
      ...orderUnitView(store, unit),
    })),
    shipments: store.shipments.map((shipment) => ({
      ...shipment,
      tracking_numbers: [...shipment.tracking_numbers],
    })),
    order_invoices: [...store.invoices.values()].map((invoice) => ({
      client_key: keyOf(invoice.id_seller),
      ...invoiceView(store, invoice),
      size_bytes: invoice.size_bytes,
    })),
    returns: [...store.returns.values()].map((record) => ({
      client_key: keyOf(record.id_seller),
      ...returnView(record),
      id_order: record.id_order,
    })),
    return_units: [...store.returnUnits.values()].map((unit) => ({
      client_key: keyOf(unit.id_seller),
      ...returnUnitView(unit),
      messages: unit.messages.map((message) => ({ ...message })),
      accepts: unit.accepts ?? 0,
    })),
    refunds: store.refunds.map((refund) => ({ ...refund })),
    faults,
  };
}
