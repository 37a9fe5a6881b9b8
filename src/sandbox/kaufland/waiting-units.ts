import { ProblemError } from './errors.ts';
import { productDataBook, shownOn, type WaitingUnit } from './product-data.ts';
import type { SellerRecord } from './records.ts';
import type { UnitCreateInput } from './schemas.ts';
import type { SandboxStore } from './state.ts';
import type { Storefront } from './storefronts.ts';
import { createUnit } from './units-service.ts';

/**
 * A create by EAN that the catalogue has no product for on this storefront (none yet, or not in its language):
 * Kaufland takes it, but nobody sees it yet.
 */
export function waitsForProduct(
  store: SandboxStore,
  input: UnitCreateInput,
  storefront: Storefront,
): boolean {
  return input.id_product === undefined && input.ean !== undefined && !shownOn(store, input.ean, storefront);
}

/**
 * Keeps the unit until product data makes its EAN a product (then `releaseUnit` lists it). Meanwhile GET /units
 * does not show it, which is what a seller sees on Kaufland: the offer stays invisible, without an error.
 */
export function holdUnit(
  store: SandboxStore,
  seller: SellerRecord,
  storefront: Storefront,
  input: UnitCreateInput & { ean: string },
): void {
  const book = productDataBook(store);
  const taken =
    store.units.findOffer(seller.id_seller, storefront, input.id_offer) !== undefined ||
    book.waiting.some(
      (unit) =>
        unit.id_seller === seller.id_seller &&
        unit.storefront === storefront &&
        unit.input.id_offer === input.id_offer,
    );
  if (taken) {
    throw new ProblemError(
      400,
      '/problems/already-exists',
      'A unit with this id_offer exists on this storefront',
      [{ field: 'id_offer', message: 'already used on this storefront' }],
    );
  }
  book.waiting.push({ id_seller: seller.id_seller, storefront, ean: input.ean, input });
}

/** Lists a held unit now that its product exists; one made meanwhile with the same id_offer stands instead. */
export function releaseUnit(store: SandboxStore, waiting: WaitingUnit): void {
  const seller = store.sellers.get(waiting.id_seller);
  if (!seller || store.units.findOffer(seller.id_seller, waiting.storefront, waiting.input.id_offer)) return;
  createUnit(store, seller, waiting.storefront, waiting.input);
}
