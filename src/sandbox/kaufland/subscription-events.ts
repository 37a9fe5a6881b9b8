import type { OrderUnitStatus, ReturnStatus, ReturnUnitStatus } from './records.ts';
import type { SandboxStore } from './state.ts';
import type { SubscriptionEvent } from './subscription-book.ts';

/** One event a subscription may be told about. */
export interface Notice {
  id_seller: number;
  event_name: SubscriptionEvent;
  storefront: string;
  /** The endpoint whose data changed; the receiver reads it there. */
  url: string;
}

/**
 * Finds what happened to orders and returns since the last look, by comparing the store with what it saw then.
 * Every path that creates or moves an order unit or a return (control API, seller actions, the demo) is thus
 * noticed without knowing about subscriptions.
 *
 * Kaufland's events, as the sandbox maps them: a new order → `order_new` plus `order_unit_new` per unit; a unit
 * that changed status → `order_unit_status_changed`; a new return → `return_new`; a return that changed status →
 * `return_status_changed`; a return unit that changed status, or was added to an existing return (Kaufland has
 * no event of its own for that) → `return_unit_status_changed`.
 */
export class ChangeScanner {
  private readonly units = new Map<number, OrderUnitStatus>();
  private readonly orders = new Set<string>();
  private readonly returns = new Map<number, ReturnStatus>();
  private readonly returnUnits = new Map<number, ReturnUnitStatus>();

  /** Starts from the store as it is now: what is already there is not news. */
  constructor(store: SandboxStore) {
    this.scan(store);
  }

  reset(): void {
    this.units.clear();
    this.orders.clear();
    this.returns.clear();
    this.returnUnits.clear();
  }

  scan(store: SandboxStore): Notice[] {
    return [...this.orderNotices(store), ...this.returnNotices(store)];
  }

  private orderNotices(store: SandboxStore): Notice[] {
    const notices: Notice[] = [];
    for (const unit of store.orderUnits.values()) {
      const before = this.units.get(unit.id_order_unit);
      if (before === unit.status) continue;
      this.units.set(unit.id_order_unit, unit.status);
      const base = { id_seller: unit.id_seller, storefront: unit.storefront };
      if (before !== undefined) {
        notices.push({
          ...base,
          event_name: 'order_unit_status_changed',
          url: `/v2/order-units/${unit.id_order_unit}`,
        });
        continue;
      }
      if (!this.orders.has(unit.id_order)) {
        this.orders.add(unit.id_order);
        notices.push({ ...base, event_name: 'order_new', url: `/v2/orders/${unit.id_order}` });
      }
      notices.push({ ...base, event_name: 'order_unit_new', url: `/v2/order-units/${unit.id_order_unit}` });
    }
    return notices;
  }

  private returnNotices(store: SandboxStore): Notice[] {
    const notices: Notice[] = [];
    const fresh = new Set<number>();
    for (const record of store.returns.values()) {
      const before = this.returns.get(record.id_return);
      if (before === record.status) continue;
      this.returns.set(record.id_return, record.status);
      if (before === undefined) fresh.add(record.id_return);
      notices.push({
        id_seller: record.id_seller,
        storefront: record.storefront,
        event_name: before === undefined ? 'return_new' : 'return_status_changed',
        url: `/v2/returns/${record.id_return}`,
      });
    }
    for (const unit of store.returnUnits.values()) {
      const before = this.returnUnits.get(unit.id_return_unit);
      if (before === unit.status) continue;
      this.returnUnits.set(unit.id_return_unit, unit.status);
      // A new return's units are announced by its return_new.
      if (before === undefined && fresh.has(unit.id_return)) continue;
      notices.push({
        id_seller: unit.id_seller,
        storefront: unit.storefront,
        event_name: 'return_unit_status_changed',
        url: `/v2/return-units/${unit.id_return_unit}`,
      });
    }
    return notices;
  }
}
