import { conflict, notFound, validationError } from './errors.ts';
import type { SandboxStore } from './state.ts';
import type { Storefront } from './storefronts.ts';
import { createUnit } from './units-service.ts';

/** One unit already on sale: what a seller listed before connecting the hub. */
export interface SeedUnit {
  id_offer: string;
  ean: string;
  /** Cents of the storefront's currency. */
  listing_price: number;
  amount: number;
  handling_time: number;
}

/** Units get consecutive ids: the n-th seeded unit (from 0) is `firstUnitId + n`. */
export interface SeedUnitsResult {
  created: number;
  firstUnitId: number | null;
}

/**
 * Lists many units for a seller at once, as if the seller had listed them by hand long ago: the same records
 * `POST /units` leaves (through `createUnit`, with its price checks), without HTTP, signatures or the rate limit,
 * so a catalog of 1,000,000 offers is on sale in seconds instead of the hours 111 requests/s would take.
 * A taken or repeated id_offer is refused up front; nothing is written then.
 */
export function seedUnits(
  store: SandboxStore,
  clientKey: string,
  storefront: Storefront,
  units: readonly SeedUnit[],
): SeedUnitsResult {
  const seller = store.sellerByClientKey(clientKey);
  if (!seller) throw notFound('No seller with this client key');
  if (!seller.storefronts.includes(storefront))
    throw validationError(
      [{ field: 'storefront', message: 'not one of the seller’s storefronts' }],
      `The seller does not sell on ${storefront}`,
    );
  const seen = new Set<string>();
  for (const unit of units) {
    if (seen.has(unit.id_offer) || store.units.findOffer(seller.id_seller, storefront, unit.id_offer))
      throw conflict(`id_offer ${unit.id_offer} is already used on ${storefront}`, [
        { field: 'id_offer', message: 'already used on this storefront' },
      ]);
    seen.add(unit.id_offer);
  }
  let firstUnitId: number | null = null;
  for (const unit of units) {
    const created = createUnit(store, seller, storefront, { ...unit, condition: 'NEW' });
    firstUnitId ??= created.id_unit;
  }
  return { created: units.length, firstUnitId };
}
