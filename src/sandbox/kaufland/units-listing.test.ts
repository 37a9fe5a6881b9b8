import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKauflandClient, type KauflandClient } from '../../connectors/kaufland/index.ts';
import { startKauflandSandbox, type KauflandSandbox } from './index.ts';

// GET /units over real HTTP through the hub's own client (which checks every answer's shape): the indexes behind
// the filters and pages must answer what a scan of every unit answered.
let sandbox: KauflandSandbox;
let client: KauflandClient;
let other: KauflandClient;
const ids: Record<string, number> = {};

beforeAll(async () => {
  sandbox = await startKauflandSandbox();
  const connect = (keys: { client_key: string; secret_key: string }) =>
    createKauflandClient({
      baseUrl: sandbox.baseUrl,
      clientKey: keys.client_key,
      secretKey: keys.secret_key,
    });
  client = connect(sandbox.addSeller({ storefronts: ['de', 'at'] }));
  other = connect(sandbox.addSeller({ storefronts: ['de'] }));
  // 250 units on de (EANs shared by pairs: P-0/P-1 are one product), 1 on at, 1 of another seller on de.
  for (let i = 0; i < 250; i += 1) {
    const created = await client.units.create('de', {
      id_offer: `P-${i}`,
      ean: String(4_000_000_000_000 + Math.floor(i / 2)),
      listing_price: 100 + i,
      handling_time: 1,
      amount: 1,
      condition: 'NEW',
    });
    ids[`P-${i}`] = created.id_unit!;
  }
  const p0 = { id_offer: 'P-0', ean: '4000000000000', listing_price: 100, handling_time: 1, amount: 1 };
  await client.units.create('at', { ...p0, condition: 'NEW' });
  await other.units.create('de', { ...p0, condition: 'NEW' });
});
afterAll(async () => {
  await sandbox.close();
});

describe('GET /units', () => {
  it("pages through the seller's units on one storefront in ascending id_unit", async () => {
    const first = await client.units.list({ storefront: 'de', limit: 100, offset: 0 });
    const last = await client.units.list({ storefront: 'de', limit: 100, offset: 200 });
    expect(first.pagination).toEqual({ offset: 0, limit: 100, total: 250 });
    expect(first.items.map((unit) => unit.id_offer)).toEqual(Array.from({ length: 100 }, (_, i) => `P-${i}`));
    expect(last.items.map((unit) => unit.id_offer)).toEqual(
      Array.from({ length: 50 }, (_, i) => `P-${200 + i}`),
    );
    expect(last.items.map((unit) => unit.id_unit)).toEqual(
      [...last.items.map((unit) => unit.id_unit)].sort((a, b) => a - b),
    );
    const counts = await client.units.list({ storefront: 'de', limit: 0 });
    expect(counts).toMatchObject({ items: [], pagination: { total: 250 } });
    expect((await client.units.list({ storefront: 'at' })).pagination?.total).toBe(1);
  });

  it('finds one unit by id_offer on the asked storefront, of the asking seller only', async () => {
    const [unit, ...more] = await client.units.listByOffer('de', 'P-137');
    expect(more).toEqual([]);
    expect(unit).toMatchObject({ id_unit: ids['P-137'], id_offer: 'P-137', listing_price: 237 });
    expect(await client.units.listByOffer('de', 'P-250')).toEqual([]);
    expect((await client.units.listByOffer('at', 'P-0')).map((u) => u.storefront)).toEqual(['at']);
    expect((await other.units.listByOffer('de', 'P-0')).map((u) => u.id_unit)).not.toContain(ids['P-0']);
  });

  it('filters by ean and id_product, alone and together with id_offer', async () => {
    const byEan = await client.units.list({ storefront: 'de', ean: '4000000000021' });
    expect(byEan.items.map((unit) => unit.id_offer)).toEqual(['P-42', 'P-43']);
    const idProduct = byEan.items[0]!.id_product;
    const byProduct = await client.units.list({ storefront: 'de', id_product: idProduct });
    expect(byProduct.items.map((unit) => unit.id_offer)).toEqual(['P-42', 'P-43']);
    const both = await client.units.list({ storefront: 'de', ean: '4000000000021', id_offer: 'P-43' });
    expect(both.items.map((unit) => unit.id_offer)).toEqual(['P-43']);
    const mismatch = await client.units.list({ storefront: 'de', ean: '4000000000021', id_offer: 'P-44' });
    expect(mismatch.pagination?.total).toBe(0);
    expect((await client.units.list({ storefront: 'de', ean: '4999999999999' })).items).toEqual([]);
    const kauflandOnly = await client.units.list({
      storefront: 'de',
      fulfillment_type: ['fulfilled_by_kaufland'],
    });
    expect(kauflandOnly.pagination?.total).toBe(0);
  });
});
