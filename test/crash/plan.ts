import { randomInt, shuffled } from './rng.ts';

export interface PlannedItem {
  sku: string;
  quantity: number;
}

export interface PlannedDelivery {
  /** Odoo carrier name (see CARRIERS). */
  carrier: string;
  trackingRef: string;
  /** Units per SKU this delivery moves; the last delivery of an order moves whatever is left. */
  lines: Map<string, number>;
}

export interface PlannedOrder {
  index: number;
  items: PlannedItem[];
  /** Empty: the order is never shipped. One delivery: all of it; two: a partial delivery, then the rest. */
  deliveries: PlannedDelivery[];
}

/** Units per SKU of the order. */
export function unitsPerSku(items: readonly PlannedItem[]): Map<string, number> {
  const units = new Map<string, number>();
  for (const item of items) units.set(item.sku, (units.get(item.sku) ?? 0) + item.quantity);
  return units;
}

/**
 * `orders` orders of 1–3 distinct SKUs at 1–3 units each; `shipped` of them shipped in the ERP, about a third
 * of those (the ones with two units or more) in two deliveries, each delivery with its own tracking number.
 */
export function planOrders(
  random: () => number,
  options: { orders: number; shipped: number; skus: readonly string[]; carriers: readonly string[] },
): PlannedOrder[] {
  const toShip = new Set(
    shuffled(
      random,
      Array.from({ length: options.orders }, (_, i) => i),
    ).slice(0, options.shipped),
  );
  return Array.from({ length: options.orders }, (_, index) => {
    const skus = shuffled(random, options.skus).slice(0, randomInt(random, 1, 3));
    const items = skus.map((sku) => ({ sku, quantity: randomInt(random, 1, 3) }));
    const carrier = options.carriers[index % options.carriers.length]!;
    const tracking = (n: number) => `TRK${String(index).padStart(4, '0')}-${n}`;
    const units = unitsPerSku(items);
    const total = [...units.values()].reduce((a, b) => a + b, 0);
    const deliveries: PlannedDelivery[] = [];
    if (toShip.has(index)) {
      if (total >= 2 && random() < 0.35) {
        // The first delivery takes the first k units (in item order), the second the rest.
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
      } else {
        deliveries.push({ carrier, trackingRef: tracking(1), lines: units });
      }
    }
    return { index, items, deliveries };
  });
}
