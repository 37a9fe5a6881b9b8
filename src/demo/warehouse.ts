import type { OdooSandbox } from '../sandbox/odoo/index.ts';
import type { DemoProduct } from './catalog.ts';
import type { Random } from '../core/random.ts';

/** Odoo's default carrier in a fresh database; the demo account maps it to DHL on Kaufland. */
export const DEMO_CARRIER = 'Standard delivery';

export interface WarehouseOptions {
  /** Share of orders the warehouse ships; the rest stay "in the ERP", as some always do. */
  shipShare: number;
  /** Ships an order this long after first seeing it, at random in between. */
  minDelayMs: number;
  maxDelayMs: number;
}

/**
 * The seller's warehouse in the Odoo sandbox: validates deliveries of confirmed sale orders a little while
 * after they arrive (carrier "Standard delivery", a DHL-style tracking number), and restocks products that
 * run low, so stock changes flow out to the marketplace too.
 */
export function createWarehouse(
  odoo: OdooSandbox,
  catalog: readonly DemoProduct[],
  random: Random,
  options: WarehouseOptions,
) {
  /** Per client_order_ref: when to ship it; null = this one waits (or is done). */
  const plan = new Map<string, number | null>();
  const bySku = new Map(catalog.map((p) => [p.sku, p]));

  return {
    /** Ships what is due; returns the marketplace order ids shipped. */
    shipDue(now: number): string[] {
      const state = odoo.state();
      const open = new Set(
        state.pickings.filter((p) => p.state !== 'done' && p.state !== 'cancel').map((p) => p.origin),
      );
      const shipped: string[] = [];
      for (const order of state.orders) {
        const ref = typeof order.clientOrderRef === 'string' ? order.clientOrderRef : '';
        if (!ref || order.state !== 'sale' || !open.has(String(order.name))) continue;
        if (!plan.has(ref))
          plan.set(
            ref,
            random.chance(options.shipShare)
              ? now + random.int(options.minDelayMs, options.maxDelayMs)
              : null,
          );
        const at = plan.get(ref);
        if (at === null || at === undefined || at > now) continue;
        odoo.ship({ client_order_ref: ref, carrier: DEMO_CARRIER, tracking_ref: trackingNumber(random) });
        plan.set(ref, null);
        shipped.push(ref);
      }
      return shipped;
    },

    /** A delivery from the supplier for up to three products that are (nearly) sold out. */
    restock(): string[] {
      const products = odoo
        .state()
        .products.flatMap((p) => {
          const known = typeof p.sku === 'string' ? bySku.get(p.sku) : undefined;
          return known && p.free < 3 ? [{ ...known, qty: p.onHand + random.int(20, 60) }] : [];
        })
        .slice(0, 3);
      if (products.length > 0) odoo.seed({ products });
      return products.map((p) => p.sku);
    },
  };
}

export type Warehouse = ReturnType<typeof createWarehouse>;

/** 20 digits like a DHL Paket number. */
function trackingNumber(random: Random): string {
  let digits = '0034043';
  while (digits.length < 20) digits += String(random.int(0, 9));
  return digits;
}
