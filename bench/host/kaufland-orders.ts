import type { CreatedOrder } from '../ipc.ts';
import type { World } from './world.ts';

/**
 * Buyers' checkouts on Kaufland: `units` pieces of in-stock SKUs picked at random (a SKU picked twice is one
 * item of quantity 2), ready to ship (`need_to_be_sent`, what the hub imports) unless `status` is `open`. Stock is tracked here, so no
 * order asks for more than is listed.
 */
export function createOrders(world: World, count: number, units: number, status?: 'open'): CreatedOrder[] {
  const skus = [...world.sellable.keys()];
  const pick = (): string => {
    for (;;) {
      const sku = skus[Math.floor(world.rng() * skus.length)] as string;
      if ((world.sellable.get(sku) ?? 0) > 0) return sku;
    }
  };
  return Array.from({ length: count }, () => {
    const items = new Map<string, number>();
    for (let i = 0; i < units; i += 1) {
      const sku = pick();
      world.sellable.set(sku, (world.sellable.get(sku) ?? 0) - 1);
      items.set(sku, (items.get(sku) ?? 0) + 1);
    }
    const at = Date.now();
    const order = world.kaufland.createOrder({
      client_key: world.clientKey,
      storefront: world.storefront,
      items: [...items].map(([sku, quantity]) => ({ id_offer: sku, quantity })),
      ...(status && { status }),
    });
    return {
      idOrder: order.id_order,
      at,
      skus: [...items].flatMap(([sku, n]) => Array<string>(n).fill(sku)),
    };
  });
}

/** Kaufland's amount per SKU (the whole state is read once: fine between measurements, not inside them). */
export function kauflandAmounts(world: World, skus: readonly string[]): Record<string, number> {
  const wanted = new Set(skus);
  const amounts: Record<string, number> = {};
  for (const unit of world.kaufland.state().units) {
    if (unit.id_offer !== null && wanted.has(unit.id_offer)) amounts[unit.id_offer] = unit.amount;
  }
  return amounts;
}

/** Kaufland's listing price (minor units of the storefront's currency) per SKU, of every unit. */
export function kauflandPrices(world: World): Record<string, number> {
  const prices: Record<string, number> = {};
  for (const unit of world.kaufland.state().units)
    if (unit.id_offer !== null) prices[unit.id_offer] = unit.listing_price;
  return prices;
}
