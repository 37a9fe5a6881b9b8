import { describe, expect, it } from 'vitest';
import { ProblemError } from './errors.ts';
import type { SellerRecord } from './records.ts';
import type { UnitCreateInput } from './schemas.ts';
import { addSeller } from './sellers.ts';
import { SandboxStore } from './state.ts';
import { createUnit, deleteUnit } from './units-service.ts';

function world() {
  const store = new SandboxStore(() => Date.parse('2025-03-03T09:00:00Z'));
  const sellerOf = (storefronts: ('de' | 'at')[]): SellerRecord =>
    store.sellerByClientKey(addSeller(store, { storefronts }).client_key)!;
  return { store, seller: sellerOf(['de', 'at']), other: sellerOf(['de']) };
}

let eans = 0;
/** A unit with a new EAN each time (so a new product), unless `more` says otherwise. */
const input = (sku: string, more: Partial<UnitCreateInput> = {}): UnitCreateInput => ({
  id_offer: sku,
  ean: String(4_000_000_000_000 + (eans += 1)),
  listing_price: 1000,
  handling_time: 1,
  ...more,
});

/** What a refused create throws: the 400 the route answers. */
function refusal(create: () => unknown): { status: number; type: string; fields: unknown } | undefined {
  try {
    create();
  } catch (error) {
    if (error instanceof ProblemError)
      return { status: error.status, type: error.type, fields: error.fields };
    throw error;
  }
  return undefined;
}

describe('creating units', () => {
  it('finds every one of 5,000 units by id_offer and refuses a second unit with the same id_offer', () => {
    const { store, seller } = world();
    const created = Array.from({ length: 5_000 }, (_, i) =>
      createUnit(store, seller, 'de', input(`SKU-${i}`, { amount: i % 9 })),
    );
    expect(new Set(created.map((unit) => unit.id_unit)).size).toBe(5_000);
    for (const [i, unit] of created.entries()) {
      expect(store.units.findOffer(seller.id_seller, 'de', `SKU-${i}`)).toBe(unit);
      expect(store.amountOf(unit)).toBe(i % 9);
    }

    for (const sku of ['SKU-0', 'SKU-2500', 'SKU-4999']) {
      expect(refusal(() => createUnit(store, seller, 'de', input(sku, { amount: 99 })))).toEqual({
        status: 400,
        type: '/problems/already-exists',
        fields: [{ field: 'id_offer', message: 'already used on this storefront' }],
      });
    }
    // Nothing of a refused create is kept: not the unit, not its amount.
    expect(store.units.size).toBe(5_000);
    expect(store.amountOf({ id_seller: seller.id_seller, id_offer: 'SKU-2500' })).toBe(2500 % 9);
    expect(store.units.listed(seller.id_seller, 'de').map((unit) => unit.id_unit)).toEqual(
      created.map((unit) => unit.id_unit),
    );
  });

  it('allows the same id_offer on another storefront (sharing its stock) and for another seller', () => {
    const { store, seller, other } = world();
    const de = createUnit(store, seller, 'de', input('MUG-1', { amount: 10 }));
    const at = createUnit(store, seller, 'at', input('MUG-1'));
    expect(store.amountOf(at)).toBe(10);
    const theirs = createUnit(store, other, 'de', input('MUG-1', { amount: 3 }));
    expect(store.amountOf(theirs)).toBe(3);
    expect(store.amountOf(de)).toBe(10);
    expect(store.units.findOffer(seller.id_seller, 'at', 'MUG-1')).toBe(at);
    expect(store.units.findOffer(other.id_seller, 'de', 'MUG-1')).toBe(theirs);
    expect(store.units.findOffer(other.id_seller, 'at', 'MUG-1')).toBeUndefined();
  });

  it('lets a deleted id_offer be created again, which then starts a stock of its own', () => {
    const { store, seller } = world();
    const first = createUnit(store, seller, 'de', input('CUP-1', { amount: 4 }));
    deleteUnit(store, first);
    expect(store.units.findOffer(seller.id_seller, 'de', 'CUP-1')).toBeUndefined();
    expect(store.units.hasOffer(seller.id_seller, 'CUP-1')).toBe(false);
    // No unit shares the offer any more, so a create without amount starts at the spec's default 1.
    const again = createUnit(store, seller, 'de', input('CUP-1', { amount: undefined }));
    expect(again.id_unit).toBeGreaterThan(first.id_unit);
    expect(store.amountOf(again)).toBe(1);
    expect(store.units.listed(seller.id_seller, 'de')).toEqual([again]);
  });

  it('makes one product per new EAN and reuses it for the next unit with that EAN', () => {
    const { store, seller } = world();
    const a = createUnit(store, seller, 'de', input('A', { ean: '4006381333931' }));
    const b = createUnit(store, seller, 'at', input('B', { ean: '4006381333931' }));
    const c = createUnit(store, seller, 'de', input('C', { ean: '4007817327098' }));
    expect(b.id_product).toBe(a.id_product);
    expect(c.id_product).not.toBe(a.id_product);
    expect(store.products.size).toBe(2);
    expect(store.products.byEanCode('4006381333931')?.id_product).toBe(a.id_product);
  });

  it('keeps the indexes through a snapshot round trip', () => {
    const { store, seller } = world();
    for (let i = 0; i < 20; i += 1) createUnit(store, seller, i % 2 ? 'at' : 'de', input(`S-${i}`));
    const copy = new SandboxStore(store.clock);
    const snapshot = store.toSnapshot();
    // A hand-edited file may list units in any order; pages still go by ascending id_unit.
    copy.load({ ...snapshot, units: [...snapshot.units].reverse() });
    expect(copy.units.listed(seller.id_seller, 'de').map((unit) => unit.id_offer)).toEqual(
      store.units.listed(seller.id_seller, 'de').map((unit) => unit.id_offer),
    );
    expect(refusal(() => createUnit(copy, seller, 'at', input('S-3')))?.type).toBe(
      '/problems/already-exists',
    );
    expect(createUnit(copy, seller, 'at', input('S-4')).storefront).toBe('at');
  });
});
