import { fieldError, ProblemError } from './errors.ts';
import type { ProductRecord, SellerRecord, UnitRecord } from './records.ts';
import type { UnitCreateInput, UnitPatchInput } from './schemas.ts';
import type { SandboxStore } from './state.ts';
import { SANDBOX_CATEGORY } from './categories.ts';
import { STOREFRONT_FACTS, type Storefront } from './storefronts.ts';

/** Sandbox defaults where the seller's account settings would decide (shipping group, carrier times). */
const DEFAULT_SHIPPING_RATE = 0;
const DEFAULT_TRANSPORT_DAYS = { min: 1, max: 3 };

export function createUnit(
  store: SandboxStore,
  seller: SellerRecord,
  storefront: Storefront,
  input: UnitCreateInput,
): UnitRecord {
  checkPrices(storefront, input);
  if (store.units.findOffer(seller.id_seller, storefront, input.id_offer)) {
    throw new ProblemError(
      400,
      '/problems/already-exists',
      'A unit with this id_offer exists on this storefront',
      [{ field: 'id_offer', message: 'already used on this storefront' }],
    );
  }
  const product = resolveProduct(store, input.ean, input.id_product);
  const now = store.nowIso();
  const unit: UnitRecord = {
    id_unit: store.nextId('unit'),
    id_seller: seller.id_seller,
    storefront,
    id_offer: input.id_offer,
    id_product: product.id_product,
    status: 'AVAILABLE',
    condition: input.condition ?? 'NEW',
    listing_price: input.listing_price,
    minimum_price: input.minimum_price ?? null,
    handling_time: input.handling_time,
    note: input.note ?? null,
    id_shipping_group: input.id_shipping_group ?? null,
    id_warehouse: input.id_warehouse ?? null,
    vat_indicator: input.vat_indicator ?? 'standard_rate',
    eco_participation: input.eco_participation ?? null,
    battery_participation: input.battery_participation ?? null,
    shipping_rate: DEFAULT_SHIPPING_RATE,
    transport_time_min: DEFAULT_TRANSPORT_DAYS.min,
    transport_time_max: DEFAULT_TRANSPORT_DAYS.max,
    date_inserted_iso: now,
    date_lastchange_iso: now,
  };
  // Units with the same id_offer share one stock; a new unit without `amount` joins it, or starts at the spec's default 1.
  const shared = store.units.hasOffer(seller.id_seller, unit.id_offer);
  store.units.add(unit);
  if (input.amount !== undefined || !shared)
    store.setAmount(seller.id_seller, unit.id_offer, input.amount ?? 1);
  store.changed();
  return unit;
}

export function patchUnit(store: SandboxStore, unit: UnitRecord, input: UnitPatchInput): UnitRecord {
  checkPrices(unit.storefront, input);
  const { amount, ...fields } = input;
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) Object.assign(unit, { [key]: value });
  }
  if (amount !== undefined) store.setAmount(unit.id_seller, unit.id_offer, amount);
  unit.date_lastchange_iso = store.nowIso();
  store.changed();
  return unit;
}

export function deleteUnit(store: SandboxStore, unit: UnitRecord): void {
  store.units.delete(unit);
  store.changed();
}

/** Finds the seller's unit on that storefront; another seller's or another storefront's unit is a plain 404. */
export function findUnit(
  store: SandboxStore,
  seller: SellerRecord,
  storefront: Storefront,
  idUnit: number,
): UnitRecord {
  const unit = store.units.get(idUnit);
  if (!unit || unit.id_seller !== seller.id_seller || unit.storefront !== storefront) {
    throw new ProblemError(404, '/problems/not-found', 'Unit not found');
  }
  return unit;
}

function checkPrices(
  storefront: Storefront,
  input: { listing_price?: number; minimum_price?: number },
): void {
  const { maxPrice, currency } = STOREFRONT_FACTS[storefront];
  for (const field of ['listing_price', 'minimum_price'] as const) {
    const value = input[field];
    if (value !== undefined && value > maxPrice) {
      throw fieldError(
        field,
        `must be at most ${maxPrice} (cents of ${currency}) on storefront ${storefront}`,
      );
    }
  }
}

/**
 * The catalogue is not stored up front: an EAN it knows (product-data.ts: `catalogueKnows`, checked by the route
 * before this) becomes a product on first use; an unknown id_product is refused.
 */
function resolveProduct(
  store: SandboxStore,
  ean: string | undefined,
  idProduct: number | undefined,
): ProductRecord {
  if (idProduct !== undefined) {
    const product = store.products.get(idProduct);
    if (!product) throw fieldError('id_product', 'no product with this id_product');
    if (ean !== undefined && !product.eans.includes(ean))
      throw fieldError('ean', 'does not belong to id_product');
    return product;
  }
  if (ean === undefined) throw fieldError('ean', 'ean or id_product is required');
  const known = store.products.byEanCode(ean);
  if (known) return known;
  const product: ProductRecord = {
    id_product: store.nextId('product'),
    eans: [ean],
    title: `Sandbox product ${ean}`,
    manufacturer: 'Sandbox',
    id_category: SANDBOX_CATEGORY,
  };
  store.products.add(product);
  return product;
}
