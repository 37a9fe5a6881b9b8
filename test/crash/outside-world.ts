import type { CrashWorld } from './crash-world.ts';
import type { LiveOrder } from './end-state.ts';
import type { PlannedOrder } from './plan.ts';

/** A second delivery follows the first after this long, as a warehouse sends the rest a little later. */
const SECOND_DELIVERY_AFTER_MS = 1_500;

/**
 * What happens outside the hub: buyers place the planned orders on Kaufland, and the warehouse ships each
 * planned delivery in Odoo as soon as the order's sale order is confirmed there.
 */
export class OutsideWorld {
  readonly live: LiveOrder[] = [];
  readonly shipErrors: string[] = [];

  constructor(
    private readonly w: CrashWorld,
    private readonly plans: readonly PlannedOrder[],
  ) {}

  /** Places the next `count` planned orders; false once all are placed. */
  placeOrders(count: number): boolean {
    for (const plan of this.plans.slice(this.live.length, this.live.length + count)) {
      const order = this.w.kaufland.createOrder({
        client_key: this.w.keys.client_key,
        storefront: 'de',
        items: plan.items.map((item) => ({ id_offer: item.sku, quantity: item.quantity })),
      });
      this.live.push({
        plan,
        idOrder: order.id_order,
        units: order.order_units.map((u) => ({ id: u.id_order_unit, sku: u.id_offer ?? '' })),
        delivered: 0,
        lastDeliveryAt: 0,
      });
    }
    return this.live.length < this.plans.length;
  }

  /** Refs of the sale orders confirmed in Odoo. */
  confirmedInOdoo(): Set<string> {
    return new Set(
      this.w.odoo.instance.store
        .all('sale.order')
        .filter((o) => o.state === 'sale')
        .map((o) => String(o.client_order_ref)),
    );
  }

  /** Validates in Odoo every planned delivery that is due: the whole order, or its first part, then the rest. */
  shipDue(): void {
    const confirmed = this.confirmedInOdoo();
    for (const order of this.live) {
      const { deliveries } = order.plan;
      if (order.delivered >= deliveries.length || !confirmed.has(order.idOrder)) continue;
      if (order.delivered > 0 && Date.now() - order.lastDeliveryAt < SECOND_DELIVERY_AFTER_MS) continue;
      const delivery = deliveries[order.delivered]!;
      const firstOfTwo = deliveries.length > 1 && order.delivered === 0;
      try {
        this.w.odoo.ship({
          client_order_ref: order.idOrder,
          carrier: delivery.carrier,
          tracking_ref: delivery.trackingRef,
          ...(firstOfTwo && { lines: [...delivery.lines].map(([sku, qty]) => ({ sku, qty })) }),
        });
      } catch (error) {
        this.shipErrors.push(`${order.idOrder}: ${(error as Error).message}`);
      }
      order.delivered++;
      order.lastDeliveryAt = Date.now();
    }
  }

  allPlacedAndDelivered(): boolean {
    return (
      this.live.length === this.plans.length &&
      this.live.every((o) => o.delivered >= o.plan.deliveries.length)
    );
  }

  progress(): string {
    const sent = this.w.kaufland.state().order_units.filter((u) => u.status === 'sent').length;
    const deliveries = this.live.reduce((n, o) => n + o.delivered, 0);
    return `orders placed ${this.live.length}, confirmed in Odoo ${this.confirmedInOdoo().size}, deliveries ${deliveries}, units sent ${sent}`;
  }
}
