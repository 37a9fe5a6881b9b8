import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKauflandClient } from '../../connectors/kaufland/index.ts';
import { startKauflandSandbox, type KauflandSandbox, type SellerCredentials } from './index.ts';

const UNITS = [
  { id_offer: 'SEED-1', ean: '4006381333931', listing_price: 1250, amount: 5, handling_time: 1 },
  { id_offer: 'SEED-2', ean: '4006381333948', listing_price: 300, amount: 0, handling_time: 2 },
];

describe('seedUnits', () => {
  let sandbox: KauflandSandbox;
  let keys: SellerCredentials;
  beforeAll(async () => {
    sandbox = await startKauflandSandbox({ port: 0 });
    keys = sandbox.addSeller({ storefronts: ['de'] });
  });
  afterAll(() => sandbox.close());

  it('lists the units as GET /units shows units created one by one: price, amount, handling time', async () => {
    const { created, firstUnitId } = sandbox.seedUnits(keys.client_key, 'de', UNITS);
    expect(created).toBe(2);
    const client = createKauflandClient({
      baseUrl: sandbox.baseUrl,
      clientKey: keys.client_key,
      secretKey: keys.secret_key,
    });
    const listed = [];
    for await (const unit of client.units.iterate({ storefront: 'de' })) listed.push(unit);
    expect(listed.map((u) => [u.id_offer, u.listing_price, u.amount, u.handling_time, u.status])).toEqual([
      ['SEED-1', 1250, 5, 1, 'AVAILABLE'],
      ['SEED-2', 300, 0, 2, 'AVAILABLE'],
    ]);
    expect(listed.map((u) => u.id_unit)).toEqual([firstUnitId, firstUnitId! + 1]);
  });

  it('refuses a taken or repeated id_offer up front, writing nothing', () => {
    const before = sandbox.state().units.length;
    const fresh = { ...UNITS[0]!, id_offer: 'SEED-3', ean: '4006381333955' };
    expect(() => sandbox.seedUnits(keys.client_key, 'de', [fresh, UNITS[1]!])).toThrow(/SEED-2/);
    expect(() => sandbox.seedUnits(keys.client_key, 'de', [fresh, fresh])).toThrow(/SEED-3/);
    expect(sandbox.state().units.length).toBe(before);
  });

  it('refuses an unknown seller or a storefront the seller does not sell on', () => {
    expect(() => sandbox.seedUnits('0'.repeat(32), 'de', UNITS)).toThrow(/client key/);
    expect(() => sandbox.seedUnits(keys.client_key, 'cz', [])).toThrow(/cz/);
  });
});
