import { AppError } from '../../core/errors.ts';
import type { UnitRecord } from './records.ts';
import type { Storefront } from './storefronts.ts';

const shelfKey = (idSeller: number, storefront: Storefront): string => `${idSeller}|${storefront}`;
const offerKey = (idSeller: number, storefront: Storefront, idOffer: string): string =>
  `${idSeller}|${storefront}|${idOffer}`;
const productKey = (idSeller: number, storefront: Storefront, idProduct: number): string =>
  `${idSeller}|${storefront}|${idProduct}`;
const stockKey = (idSeller: number, idOffer: string): string => `${idSeller}|${idOffer}`;

/**
 * The units, indexed for the hot paths. A first listing sends one POST /units per SKU, and each create used to copy
 * and scan every unit twice (measured in-process: 0.15 ms per create at 10,000 units, 6.2 ms at 50,000, so the
 * sandbox alone capped a 100,000-unit listing near 31 creates/s); GET /units built, sorted and viewed every unit for
 * one page of 100. Now a create, a look-up by id_offer and a page cost O(1) or O(log n) whatever the count.
 *
 * Indexed fields (seller, storefront, id_offer, id_product) never change after a create: PATCH cannot touch them.
 */
export class UnitTable {
  private readonly byId = new Map<number, UnitRecord>();
  /** seller|storefront → its units in ascending id_unit, the order GET /units pages in. */
  private readonly shelves = new Map<string, UnitRecord[]>();
  /** seller|storefront|id_offer → the unit: Kaufland allows one per id_offer and storefront. */
  private readonly byOffer = new Map<string, UnitRecord>();
  /** seller|storefront|id_product → its units (several offers may sell one product). */
  private readonly byProduct = new Map<string, Map<number, UnitRecord>>();
  /** seller|id_offer → units across storefronts: they share one stock amount. */
  private readonly offerCounts = new Map<string, number>();

  get size(): number {
    return this.byId.size;
  }

  get(idUnit: number): UnitRecord | undefined {
    return this.byId.get(idUnit);
  }

  /** In insertion order (ascending id_unit for everything the sandbox created). */
  values(): IterableIterator<UnitRecord> {
    return this.byId.values();
  }

  /** The seller's unit with this id_offer on that storefront. */
  findOffer(idSeller: number, storefront: Storefront, idOffer: string): UnitRecord | undefined {
    return this.byOffer.get(offerKey(idSeller, storefront, idOffer));
  }

  /** Whether the seller has a unit with this id_offer on any storefront. */
  hasOffer(idSeller: number, idOffer: string): boolean {
    return (this.offerCounts.get(stockKey(idSeller, idOffer)) ?? 0) > 0;
  }

  /** The seller's units on that storefront in ascending id_unit; the caller must not change the array. */
  listed(idSeller: number, storefront: Storefront): readonly UnitRecord[] {
    return this.shelves.get(shelfKey(idSeller, storefront)) ?? [];
  }

  /** The seller's units of one product on that storefront, in ascending id_unit. */
  withProduct(idSeller: number, storefront: Storefront, idProduct: number): UnitRecord[] {
    const units = this.byProduct.get(productKey(idSeller, storefront, idProduct));
    return units ? [...units.values()].sort((a, b) => a.id_unit - b.id_unit) : [];
  }

  /** Adds a unit; callers check id_offer first (a duplicate there is a 400, here it would be a sandbox bug). */
  add(unit: UnitRecord): void {
    const byOffer = offerKey(unit.id_seller, unit.storefront, unit.id_offer);
    if (this.byId.has(unit.id_unit) || this.byOffer.has(byOffer)) {
      throw new AppError(
        'bug',
        'kaufland_sandbox.unit_exists',
        `Unit ${unit.id_unit} or id_offer ${byOffer} is already stored`,
      );
    }
    this.byId.set(unit.id_unit, unit);
    this.byOffer.set(byOffer, unit);
    const shelf = this.shelfOf(unit);
    // New units get the highest id so far: an append. Only a hand-made snapshot can need the binary insert.
    if (shelf.length === 0 || shelf[shelf.length - 1]!.id_unit < unit.id_unit) shelf.push(unit);
    else shelf.splice(positionOf(shelf, unit.id_unit), 0, unit);
    const product = productKey(unit.id_seller, unit.storefront, unit.id_product);
    let units = this.byProduct.get(product);
    if (!units) this.byProduct.set(product, (units = new Map<number, UnitRecord>()));
    units.set(unit.id_unit, unit);
    const stock = stockKey(unit.id_seller, unit.id_offer);
    this.offerCounts.set(stock, (this.offerCounts.get(stock) ?? 0) + 1);
  }

  delete(unit: UnitRecord): void {
    if (this.byId.get(unit.id_unit) !== unit) return;
    this.byId.delete(unit.id_unit);
    this.byOffer.delete(offerKey(unit.id_seller, unit.storefront, unit.id_offer));
    const shelf = this.shelfOf(unit);
    shelf.splice(positionOf(shelf, unit.id_unit), 1);
    const product = productKey(unit.id_seller, unit.storefront, unit.id_product);
    const units = this.byProduct.get(product);
    units?.delete(unit.id_unit);
    if (units?.size === 0) this.byProduct.delete(product);
    const stock = stockKey(unit.id_seller, unit.id_offer);
    const left = (this.offerCounts.get(stock) ?? 1) - 1;
    if (left > 0) this.offerCounts.set(stock, left);
    else this.offerCounts.delete(stock);
  }

  clear(): void {
    for (const map of [this.byId, this.shelves, this.byOffer, this.byProduct, this.offerCounts]) map.clear();
  }

  private shelfOf(unit: UnitRecord): UnitRecord[] {
    const key = shelfKey(unit.id_seller, unit.storefront);
    let shelf = this.shelves.get(key);
    if (!shelf) this.shelves.set(key, (shelf = []));
    return shelf;
  }
}

/** The index of the first unit with an id_unit ≥ `idUnit` in an ascending shelf. */
function positionOf(shelf: readonly UnitRecord[], idUnit: number): number {
  let low = 0;
  let high = shelf.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (shelf[middle]!.id_unit < idUnit) low = middle + 1;
    else high = middle;
  }
  return low;
}
