import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { product } from './fakes.test-support.ts';
import { stockWorld } from './stock-world.test-support.ts';

const world = stockWorld(['cz']);

describe('repricing after a rate change', () => {
  it('20,000 CZK offers, a rate change that moves 200 prices: ⌈200/150⌉ = 2 calls, then ⌈20,000/150⌉', async () => {
    // 1 % of the products cost 1,000.00 EUR, the rest 10.00 EUR: 25 → 25.0001 moves 1,000 EUR by 0.10 CZK and
    // leaves 10 EUR at 250.00 CZK (250.001 rounds to 250.00).
    const products = Array.from({ length: 20_000 }, (_, i) =>
      product(`SKU-${i}`, 10, { price: i % 100 === 0 ? 100_000 : 1_000 }),
    );
    world.erp.edit(...products);
    world.erp.rates.set('CZK', 25);
    for (const p of products) world.marketplace.list(p.sku, 10, p.price * 25);
    await world.stock();
    expect(world.marketplace.requests).toMatchObject({ create: 0, bulk: 0 });
    const listed = world.marketplace.totalRequests();

    world.erp.rates.set('CZK', 25.0001);
    expect(await world.stock()).toMatchObject({ updated: 200, failed: 0 });
    expect(world.marketplace.totalRequests() - listed).toBe(2);
    expect(world.marketplace.offers.get('SKU-0')?.priceMinor).toBe(2_500_010);
    expect(world.marketplace.offers.get('SKU-1')?.priceMinor).toBe(25_000);

    world.erp.rates.set('CZK', 26);
    const before = world.marketplace.totalRequests();
    expect(await world.stock()).toMatchObject({ updated: 20_000, failed: 0 });
    expect(world.marketplace.totalRequests() - before).toBe(Math.ceil(20_000 / 150));
    // Sent as the comparison goes, in whole bulk requests, never all 20,000 changes at once.
    expect(world.marketplace.largestUpdate).toBeLessThanOrEqual(1_500 + 2_000);
    expect(world.marketplace.largestUpdate % 150).toBe(0);
    expect(world.erp.currencyCalls).toBe(3); // one per run
  }, 120_000);

  const openIssues = (code: string) =>
    world.database.db
      .selectFrom('sync_issues')
      .select(['subject', 'message'])
      .where('account_id', '=', world.accountId)
      .where('code', '=', code)
      .where('resolved_at', 'is', null)
      .execute();

  it('a rate of 0 or a > 50 % jump holds prices; a jump left unchanged for 24 hours is taken as meant', async () => {
    world.erp.edit(product('A', 5));
    world.erp.rates.set('CZK', 25);
    await world.stock();
    expect(world.marketplace.offers.get('A')?.priceMinor).toBe(25_000);

    world.erp.rates.set('CZK', 0);
    await world.stock();
    expect(world.marketplace.offers.get('A')?.priceMinor).toBe(25_000);
    expect(await openIssues('price.rate_held')).toEqual([
      { subject: 'CZK', message: 'The CZK rate in the ERP is 0: prices in CZK are held.' },
    ]);

    world.erp.rates.set('CZK', 40); // +60 %
    world.erp.stock('A', 2);
    const before = world.marketplace.totalRequests();
    await world.stock();
    expect(world.marketplace.offers.get('A')).toMatchObject({ amount: 2, priceMinor: 25_000 }); // amount only
    expect(world.marketplace.totalRequests() - before).toBe(1);
    expect((await openIssues('price.rate_held'))[0]?.message).toContain('moved from 25 to 40');

    // The same rate a day later: meant, so the prices follow and the issue closes.
    await sql`
      UPDATE sync_cursors
      SET cursor = jsonb_set(cursor::jsonb, '{rates,CZK,held,since}', '"2000-01-01T00:00:00.000Z"')
      WHERE account_id = ${world.accountId} AND step = 'stock'`.execute(world.database.db);
    await world.stock();
    expect(world.marketplace.offers.get('A')?.priceMinor).toBe(40_000);
    expect(await openIssues('price.rate_held')).toEqual([]);
  });

  it('a currency the ERP has no rate for lists nothing new and changes no price', async () => {
    world.erp.edit(product('A', 5), product('B', 5));
    world.marketplace.list('A', 5, 24_000);
    await world.stock();
    expect(world.marketplace.requests).toMatchObject({ create: 0, bulk: 0 });
    expect(world.marketplace.offers.has('B')).toBe(false);
    world.erp.stock('A', 2);
    await world.stock();
    expect(world.marketplace.offers.get('A')).toMatchObject({ amount: 2, priceMinor: 24_000 });
  });
});
