import type { components } from '../../connectors/kaufland/generated/openapi.d.ts';
import { orderUnitView } from './order-views.ts';
import type { ReturnRecord, ReturnUnitRecord } from './records.ts';
import { returnUnitView } from './return-unit-view.ts';
import type { SandboxStore } from './state.ts';

type Schemas = components['schemas'];
export type ReturnView = Schemas['Return'];
export type ReturnDetailsView = Schemas['ReturnDetails'];
export type ReturnUnitDetailsView = Schemas['ReturnUnitDetails'];
export type ReturnEmbed = Schemas['ReturnEmbeddable'];
export type ReturnUnitEmbed = Schemas['ReturnUnitEmbeddable'];

export function returnView(record: ReturnRecord): ReturnView {
  return {
    id_return: record.id_return,
    ts_created_iso: record.ts_created_iso,
    ts_updated_iso: record.ts_updated_iso,
    storefront: record.storefront,
    tracking_provider: record.tracking_provider,
    tracking_code: record.tracking_code,
    status: record.status,
    fulfillment_type: 'fulfilled_by_merchant',
  };
}

export function unitsOfReturn(store: SandboxStore, idReturn: number): ReturnUnitRecord[] {
  return [...store.returnUnits.values()].filter((unit) => unit.id_return === idReturn);
}

export function returnDetailsView(
  store: SandboxStore,
  record: ReturnRecord,
  embedded: readonly ReturnEmbed[],
): ReturnDetailsView {
  const view: ReturnDetailsView = returnView(record);
  if (embedded.includes('buyer')) {
    const order = store.orders.get(record.id_order);
    view.buyer = order ? { ...order.buyer } : null;
  }
  if (embedded.includes('return_units'))
    view.return_units = unitsOfReturn(store, record.id_return).map(returnUnitView);
  return view;
}

/** POST /returns answers the return with its units (InitializeReturn), always. */
export function initializedReturnView(store: SandboxStore, record: ReturnRecord) {
  return { ...returnView(record), return_units: unitsOfReturn(store, record.id_return).map(returnUnitView) };
}

/** `return` is required by the spec and always sent; `order_unit` and `tickets` only when asked for. */
export function returnUnitDetailsView(
  store: SandboxStore,
  unit: ReturnUnitRecord,
  embedded: readonly ReturnUnitEmbed[],
): ReturnUnitDetailsView {
  const parent = store.returns.get(unit.id_return);
  const view: ReturnUnitDetailsView = {
    ...returnUnitView(unit),
    return: parent ? returnView(parent) : orphanReturn(unit),
  };
  const orderUnit = store.orderUnits.get(unit.id_order_unit);
  if (embedded.includes('order_unit') && orderUnit) view.order_unit = orderUnitView(store, orderUnit);
  if (embedded.includes('tickets')) view.tickets = [];
  return view;
}

/** Never reached while the store is consistent; keeps the view total instead of throwing. */
function orphanReturn(unit: ReturnUnitRecord): ReturnView {
  return {
    id_return: unit.id_return,
    ts_created_iso: unit.ts_created_iso,
    ts_updated_iso: unit.ts_created_iso,
    storefront: unit.storefront,
    tracking_provider: null,
    tracking_code: null,
    status: 'return_requested',
    fulfillment_type: 'fulfilled_by_merchant',
  };
}
