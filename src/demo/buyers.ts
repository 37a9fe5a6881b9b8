import type { KauflandSandbox, OrderDetailsView } from '../sandbox/kaufland/index.ts';
import { MISMATCH } from './mismatch.ts';
import type { Random } from '../core/random.ts';

interface Item {
  id_offer: string;
  quantity: number;
}

/**
 * Buyers on the storefronts: one order of one or two products, 1–2 pieces each, only of what the marketplace
 * shows in stock (the sandbox refuses more, as Kaufland would). The home storefront gets most orders.
 * `open`: bought, not paid yet (not released to ship). Undefined while nothing is listed yet (the first stock
 * run creates the offers).
 */
export function placeOrder(
  kaufland: KauflandSandbox,
  clientKey: string,
  storefronts: readonly string[],
  random: Random,
  status?: 'open',
): OrderDetailsView | undefined {
  const units = kaufland
    .state()
    .units.filter(
      (u) =>
        u.client_key === clientKey && u.status === 'AVAILABLE' && u.amount > 0 && u.id_offer !== MISMATCH.sku,
    );
  const listed = storefronts.filter((s) => units.some((u) => u.storefront === s));
  if (listed.length === 0) return undefined;
  const storefront = listed.includes('de') && random.chance(0.6) ? 'de' : random.pick(listed);
  const candidates = units.filter((u) => u.storefront === storefront);
  const items: Item[] = [];
  const wanted = random.chance(0.25) ? 2 : 1;
  for (let attempt = 0; attempt < 6 && items.length < wanted; attempt += 1) {
    const unit = random.pick(candidates);
    const idOffer = unit.id_offer ?? '';
    if (!idOffer || items.some((i) => i.id_offer === idOffer)) continue;
    items.push({ id_offer: idOffer, quantity: Math.min(unit.amount, random.chance(0.3) ? 2 : 1) });
  }
  return kaufland.createOrder({
    client_key: clientKey,
    storefront: storefront as never,
    items,
    ...(status && { status }),
  });
}

/** An order for the planted SKU Odoo does not know: AdlerDo holds it and says why. */
export function placeUnknownSkuOrder(
  kaufland: KauflandSandbox,
  clientKey: string,
): OrderDetailsView | undefined {
  const unit = kaufland
    .state()
    .units.find((u) => u.client_key === clientKey && u.id_offer === MISMATCH.sku && u.amount > 0);
  if (!unit) return undefined;
  return kaufland.createOrder({
    client_key: clientKey,
    storefront: MISMATCH.storefront,
    items: [{ id_offer: MISMATCH.sku, quantity: 1 }],
  });
}
