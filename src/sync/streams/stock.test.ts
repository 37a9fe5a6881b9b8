import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import type { Database } from '../../store/db.ts';
import { syncCatalog } from './catalog.ts';
import { addAccount, FakeErp, FakeMarketplace, product, stepContext } from './offers/fakes.test-support.ts';
import { syncStock } from './stock.ts';

let database: Database;
let accountId: string;
let erp: FakeErp;
let marketplace: FakeMarketplace;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());
beforeEach(async () => {
  await database.db.deleteFrom('catalog_products').execute();
  accountId = await addAccount(database.db);
  erp = new FakeErp();
  marketplace = new FakeMarketplace();
});

const stock = () => {
  const ctx = stepContext(database.db, accountId, 'stock', { erp, marketplace });
  return syncStock(ctx).then(() => ctx.counts);
};
const catalog = () => syncCatalog(stepContext(database.db, accountId, 'catalog', { erp, marketplace }));
const issues = (code: string) =>
  database.db
    .selectFrom('sync_issues')
    .select(['subject', 'message'])
    .where('account_id', '=', accountId)
    .where('code', '=', code)
    .where('resolved_at', 'is', null)
    .execute();
const offerRow = (sku: string) =>
  database.db
    .selectFrom('offers')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('sku', '=', sku)
    .executeTakeFirst();

describe('stock step call budget', () => {
  it('20,000 SKUs with 1 % changed: ⌈200/150⌉ = 2 marketplace requests and 1 ERP call', async () => {
    const products = Array.from({ length: 20_000 }, (_, i) => product(`SKU-${i}`, 10));
    erp.edit(...products);
    for (const p of products) marketplace.list(p.sku, 10, 1000); // already listed, as the ERP says
    await stock();
    expect(marketplace.requests).toEqual({ list: 200, find: 0, create: 0, bulk: 0 });

    const before = { erp: erp.calls, marketplace: marketplace.totalRequests() };
    expect((await stock()).updated).toBe(0);
    expect(marketplace.totalRequests()).toBe(before.marketplace);

    for (const p of products.slice(0, 200)) erp.stock(p.sku, 3);
    erp.calls = 0;
    const counts = await stock();
    expect(counts).toMatchObject({ read: 200, updated: 200, failed: 0 });
    expect(marketplace.totalRequests() - before.marketplace).toBe(2);
    expect(erp.calls).toBe(1);
    expect(marketplace.offers.get('SKU-0')?.amount).toBe(3);
  }, 60_000);
});

describe('stock step safety', () => {
  it('a failed bulk update records nothing, so the rerun sends the change again', async () => {
    erp.edit(product('A', 5));
    await stock();
    erp.stock('A', 2);
    marketplace.failNextUpdate = true;
    await expect(stock()).rejects.toMatchObject({ code: 'fake.timeout' });
    expect(await offerRow('A')).toMatchObject({ amount: 5 });
    await stock();
    expect(marketplace.offers.get('A')?.amount).toBe(2);
    expect(await offerRow('A')).toMatchObject({ amount: 2, last_error: null });
  });

  it('a refused change becomes an issue, is retried an hour later, and the issue closes on success', async () => {
    erp.edit(product('A', 5));
    await stock();
    erp.stock('A', 9);
    marketplace.refuseChanges.add('A');
    expect(await stock()).toMatchObject({ failed: 1, updated: 0 });
    expect(await issues('offer.rejected')).toEqual([expect.objectContaining({ subject: 'A' })]);
    expect(await offerRow('A')).toMatchObject({ amount: 5, last_error: 'fake.refused: Price too high.' });

    const requests = marketplace.totalRequests();
    await stock();
    expect(marketplace.totalRequests()).toBe(requests); // not resent every 30 s

    marketplace.refuseChanges.clear();
    await sql`UPDATE offers SET updated_at = now() - interval '2 hours'`.execute(database.db);
    expect(await stock()).toMatchObject({ updated: 1, failed: 0 });
    expect(marketplace.offers.get('A')?.amount).toBe(9);
    expect(await issues('offer.rejected')).toEqual([]);
  });

  it('a create not listed back waits, then is found instead of created twice', async () => {
    marketplace.unlistedCreates = true;
    erp.edit(product('A', 5));
    await stock();
    expect(await offerRow('A')).toMatchObject({ offer_id: null, pending_since: expect.any(Date) });
    erp.stock('A', 4);
    await stock();
    expect(marketplace.requests).toMatchObject({ create: 1, find: 1, bulk: 1 });
    expect(await offerRow('A')).toMatchObject({ offer_id: '1', amount: 4, pending_since: null });
  });

  it('links an offer that already exists when its create is refused', async () => {
    erp.edit(product('B', 1));
    await stock();
    marketplace.list('A', 1, 500); // listed by hand after the first run's listing
    erp.edit(product('A', 6));
    await catalog();
    await stock();
    expect(marketplace.requests).toMatchObject({ create: 2, find: 1, bulk: 1 });
    expect(marketplace.offers.get('A')).toMatchObject({ amount: 6, priceMinor: 1000 });
  });
});

describe('SKU checks', () => {
  it('holds back SKUs sharing an EAN until only one carries it', async () => {
    const a = product('A', 5);
    erp.edit(a, product('B', 5, { ean: a.ean }));
    await catalog();
    expect(await issues('sku.duplicate_ean')).toEqual([expect.objectContaining({ subject: a.ean })]);
    expect(await stock()).toMatchObject({ created: 0, skipped: 2 });

    erp.edit(product('B', 5, { id: 'id-B' }));
    await catalog();
    expect(await issues('sku.duplicate_ean')).toEqual([]);
    expect(await stock()).toMatchObject({ created: 2 });
  });

  it('a renamed SKU leaves its old offer at amount 0', async () => {
    erp.edit(product('OLD', 5, { id: '7' }));
    await stock();
    erp.edit(product('NEW', 5, { id: '7' }));
    await catalog();
    await stock();
    expect(marketplace.offers.get('OLD')?.amount).toBe(0);
    expect(marketplace.offers.get('NEW')?.amount).toBe(5);
  });
});

describe('stock step and the reservation ledger', () => {
  it('counts reservations before it reads the ERP: a sale order confirmed meanwhile is never missing from both', async () => {
    await database.db.deleteFrom('hub_orders').execute();
    erp.edit(product('LAMP', 2));
    marketplace.list('LAMP', 2, 1000);
    await stock();
    const order = await database.db
      .insertInto('hub_orders')
      .values({
        account_id: accountId,
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
    await database.db
      .insertInto('hub_order_lines')
      .values({
        order_id: order.id,
        account_id: accountId,
        marketplace_line_id: 'L-1',
        sku: 'LAMP',
        price_minor: 1000,
        shipping_minor: 0,
        marketplace_status: 'to_ship',
      })
      .execute();
    await stock();
    expect(marketplace.offers.get('LAMP')?.amount).toBe(1); // 2 free − 1 sold, not in the ERP yet

    // While the step reads the ERP's stock, the orders step of this account confirms the sale order — but the
    // page the ERP answers was read before its reservation: still 2 free. Counting after the read would see
    // no reservation and offer 2 of the 1 piece left.
    erp.stock('LAMP', 2);
    const ctx = stepContext(database.db, accountId, 'stock', { erp, marketplace });
    const session = ctx.erp;
    ctx.erp = {
      ...session,
      stockChangedSince: async (cursor, limit) => {
        const page = await session.stockChangedSince(cursor, limit);
        await database.db
          .updateTable('hub_orders')
          .set({ state: 'in_erp' })
          .where('id', '=', order.id)
          .execute();
        return page;
      },
    };
    await syncStock(ctx);
    expect(marketplace.offers.get('LAMP')?.amount).toBeLessThanOrEqual(1);

    // The next run reads the reservation in the ERP's free quantity and releases the hub's.
    erp.stock('LAMP', 1);
    await stock();
    expect(marketplace.offers.get('LAMP')?.amount).toBe(1);
    await database.db.deleteFrom('hub_orders').execute();
  });
});
