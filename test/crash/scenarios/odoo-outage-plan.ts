import type { PlannedDelivery, PlannedOrder } from '../plan.ts';
import { unitsPerSku } from '../plan.ts';
import { randomInt, shuffled } from '../rng.ts';

/**
 * The odoo-outage scenario's orders: 1–2 distinct SKUs at 1–3 units each (3 units an order on average), the
 * orders at the indexes in `shipped` shipped in Odoo, a third of those with two units or more in two deliveries.
 */
export function planOutageOrders(
  random: () => number,
  options: {
    orders: number;
    shipped: ReadonlySet<number>;
    skus: readonly string[];
    carriers: readonly string[];
  },
): PlannedOrder[] {
  return Array.from({ length: options.orders }, (_, index) => {
    const skus = shuffled(random, options.skus).slice(0, randomInt(random, 1, 2));
    const items = skus.map((sku) => ({ sku, quantity: randomInt(random, 1, 3) }));
    const carrier = options.carriers[index % options.carriers.length]!;
    const tracking = (n: number) => `OUT${String(index).padStart(5, '0')}-${n}`;
    const units = unitsPerSku(items);
    const total = [...units.values()].reduce((a, b) => a + b, 0);
    const deliveries: PlannedDelivery[] = [];
    if (options.shipped.has(index)) {
      if (total >= 2 && random() < 0.33) {
        let k = randomInt(random, 1, total - 1);
        const first = new Map<string, number>();
        const rest = new Map<string, number>();
        for (const [sku, quantity] of units) {
          const now = Math.min(quantity, k);
          k -= now;
          first.set(sku, now);
          rest.set(sku, quantity - now);
        }
        deliveries.push({ carrier, trackingRef: tracking(1), lines: first });
        deliveries.push({ carrier, trackingRef: tracking(2), lines: rest });
      } else deliveries.push({ carrier, trackingRef: tracking(1), lines: units });
    }
    return { index, items, deliveries };
  });
}
