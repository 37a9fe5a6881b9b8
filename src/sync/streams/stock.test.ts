import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { product, stepContext } from './offers/fakes.test-support.ts';
import { stockWorld } from './offers/stock-world.test-support.ts';
import { syncStock } from './stock.ts';

const world = stockWorld();

const issues = (code: string) =>
  world.database.db
    .selectFrom('sync_issues')
    .select(['subject', 'message'])
    .where('account_id', '=', world.accountId)
    .where('code', '=', code)
    .where('resolved_at', 'is', null)
    .execute();
const offerRow = (sku: string) =>
  world.database.db
    .selectFrom('offers')
    .selectAll()
    .where('account_id', '=', world.accountId)
    .where('sku', '=', sku)
    .executeTakeFirst();

describe('stock step call budget', () => {
  it('20,000 SKUs with 1 % changed: ⌈200/150⌉ = 2 marketplace requests and 1 ERP call', async () => {
    const products = Array.from({ length: 20_000 }, (_, i) => product(`SKU-${i}`, 10));
    world.erp.edit(...products);
    for (const p of products) world.marketplace.list(p.sku, 10, 1000); // already listed, as the ERP says
    await world.stock();
    expect(world.marketplace.requests).toEqual({ list: 200, find: 0, create: 0, bulk: 0 });

    const before = { erp: world.erp.calls, marketplace: world.marketplace.totalRequests() };
    expect((await world.stock()).updated).toBe(0);
    expect(world.marketplace.totalRequests()).toBe(before.marketplace);

    for (const p of products.slice(0, 200)) world.erp.stock(p.sku, 3);
    world.erp.calls = 0;
    const counts = await world.stock();
    expect(counts).toMatchObject({ read: 200, updated: 200, failed: 0 });
    expect(world.marketplace.totalRequests() - before.marketplace).toBe(2);
    expect(world.erp.calls).toBe(1);
    expect(world.marketplace.offers.get('SKU-0')?.amount).toBe(3);
  }, 60_000);
});

describe('stock step safety', () => {
  it('a failed bulk update records nothing, so the rerun sends the change again', async () => {
    world.erp.edit(product('A', 5));
    await world.stock();
    world.erp.stock('A', 2);
    world.marketplace.failNextUpdate = true;
    await expect(world.stock()).rejects.toMatchObject({ code: 'fake.timeout' });
    expect(await offerRow('A')).toMatchObject({ amount: 5 });
    await world.stock();
    expect(world.marketplace.offers.get('A')?.amount).toBe(2);
    expect(await offerRow('A')).toMatchObject({ amount: 2, last_error: null });
  });

  it('a refused change becomes an issue, is retried an hour later, and the issue closes on success', async () => {
    world.erp.edit(product('A', 5));
    await world.stock();
    world.erp.stock('A', 9);
    world.marketplace.refuseChanges.add('A');
    expect(await world.stock()).toMatchObject({ failed: 1, updated: 0 });
    expect(await issues('offer.rejected')).toEqual([expect.objectContaining({ subject: 'A' })]);
    expect(await offerRow('A')).toMatchObject({ amount: 5, last_error: 'fake.refused: Price too high.' });

    const requests = world.marketplace.totalRequests();
    await world.stock();
    expect(world.marketplace.totalRequests()).toBe(requests); // not resent every 30 s

    world.marketplace.refuseChanges.clear();
    await sql`UPDATE offers SET updated_at = now() - interval '2 hours'`.execute(world.database.db);
    expect(await world.stock()).toMatchObject({ updated: 1, failed: 0 });
    expect(world.marketplace.offers.get('A')?.amount).toBe(9);
    expect(await issues('offer.rejected')).toEqual([]);
  });

  it('a create not listed back waits, then is found instead of created twice', async () => {
    world.marketplace.unlistedCreates = true;
    world.erp.edit(product('A', 5));
    await world.stock();
    expect(await offerRow('A')).toMatchObject({ offer_id: null, pending_since: expect.any(Date) });
    world.erp.stock('A', 4);
    await world.stock();
    expect(world.marketplace.requests).toMatchObject({ create: 1, find: 1, bulk: 1 });
    expect(await offerRow('A')).toMatchObject({ offer_id: '1', amount: 4, pending_since: null });
  });

  it('links an offer that already exists when its create is refused', async () => {
    world.erp.edit(product('B', 1));
    await world.stock();
    world.marketplace.list('A', 1, 500); // listed by hand after the first run's listing
    world.erp.edit(product('A', 6));
    await world.catalog();
    await world.stock();
    expect(world.marketplace.requests).toMatchObject({ create: 2, find: 1, bulk: 1 });
    expect(world.marketplace.offers.get('A')).toMatchObject({ amount: 6, priceMinor: 1000 });
  });
});

describe('SKU checks', () => {
  it('holds back SKUs sharing an EAN until only one carries it', async () => {
    const a = product('A', 5);
    world.erp.edit(a, product('B', 5, { ean: a.ean }));
    await world.catalog();
    expect(await issues('sku.duplicate_ean')).toEqual([expect.objectContaining({ subject: a.ean })]);
    expect(await world.stock()).toMatchObject({ created: 0, skipped: 2 });

    world.erp.edit(product('B', 5, { id: 'id-B' }));
    await world.catalog();
    expect(await issues('sku.duplicate_ean')).toEqual([]);
    expect(await world.stock()).toMatchObject({ created: 2 });
  });

  it('a renamed SKU leaves its old offer at amount 0', async () => {
    world.erp.edit(product('OLD', 5, { id: '7' }));
    await world.stock();
    world.erp.edit(product('NEW', 5, { id: '7' }));
    await world.catalog();
    await world.stock();
    expect(world.marketplace.offers.get('OLD')?.amount).toBe(0);
    expect(world.marketplace.offers.get('NEW')?.amount).toBe(5);
  });
});

describe('stock step and the reservation ledger', () => {
  it('counts reservations before it reads the ERP: a sale order confirmed meanwhile is never missing from both', async () => {
    await world.database.db.deleteFrom('hub_orders').execute();
    world.erp.edit(product('LAMP', 2));
    world.marketplace.list('LAMP', 2, 1000);
    await world.stock();
    const order = await world.database.db
      .insertInto('hub_orders')
      .values({
        account_id: world.accountId,
        marketplace_order_id: 'O-1',
        channel: 'de',
        currency: 'EUR',
        buyer: null,
        billing_address: null,
        shipping_address: null,
        marketplace_created_at: new Date(),
        total_minor: 1000,
        state: 'received',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await world.database.db
      .insertInto('hub_order_lines')
      .values({
        order_id: order.id,
        account_id: world.accountId,
        marketplace_line_id: 'L-1',
        sku: 'LAMP',
        price_minor: 1000,
        shipping_minor: 0,
        marketplace_status: 'to_ship',
      })
      .execute();
    await world.stock();
    expect(world.marketplace.offers.get('LAMP')?.amount).toBe(1); // 2 free − 1 sold, not in the ERP yet

    // While the step reads the ERP's stock, the orders step of this account confirms the sale order — but the
    // page the ERP answers was read before its reservation: still 2 free. Counting after the read would see
    // no reservation and offer 2 of the 1 piece left.
    world.erp.stock('LAMP', 2);
    const ctx = stepContext(world.database.db, world.accountId, 'stock', {
      erp: world.erp,
      marketplace: world.marketplace,
    });
    const session = ctx.erp;
    ctx.erp = {
      ...session,
      stockChangedSince: async (cursor, limit) => {
        const page = await session.stockChangedSince(cursor, limit);
        await world.database.db
          .updateTable('hub_orders')
          .set({ state: 'in_erp' })
          .where('id', '=', order.id)
          .execute();
        return page;
      },
    };
    await syncStock(ctx);
    expect(world.marketplace.offers.get('LAMP')?.amount).toBeLessThanOrEqual(1);

    // The next run reads the reservation in the ERP's free quantity and releases the hub's.
    world.erp.stock('LAMP', 1);
    await world.stock();
    expect(world.marketplace.offers.get('LAMP')?.amount).toBe(1);
    await world.database.db.deleteFrom('hub_orders').execute();
  });
});
