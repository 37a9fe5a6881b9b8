import type { components } from '../../connectors/kaufland/generated/openapi.d.ts';
import type { ReturnUnitRecord } from './records.ts';
import type { SandboxStore } from './state.ts';

export type ReturnUnitView = components['schemas']['ReturnUnit'];

/** Kept apart from return-views.ts: order-views.ts embeds a return unit, return-views.ts embeds an order unit. */
export function returnUnitView(unit: ReturnUnitRecord): ReturnUnitView {
  return {
    id_return_unit: unit.id_return_unit,
    id_return: unit.id_return,
    id_order_unit: unit.id_order_unit,
    ts_created_iso: unit.ts_created_iso,
    status: unit.status,
    note: unit.note,
    reason: unit.reason,
    storefront: unit.storefront,
    fulfillment_type: 'fulfilled_by_merchant',
  };
}

/** The newest return unit of an order unit (a rejected return may be followed by another one). */
export function latestReturnUnitOf(store: SandboxStore, idOrderUnit: number): ReturnUnitRecord | undefined {
  let latest: ReturnUnitRecord | undefined;
  for (const unit of store.returnUnits.values()) if (unit.id_order_unit === idOrderUnit) latest = unit;
  return latest;
}
