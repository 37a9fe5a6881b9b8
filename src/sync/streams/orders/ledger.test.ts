import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.ts';
import type { OrderLine } from '../../../core/order.ts';
import type { Database } from '../../../store/db.ts';
import { addAccount, FakeErp, FakeMarketplace, stepContext } from '../offers/fakes.test-support.ts';
import { ISSUE_LINE_AFTER_ERP, storeOrderLines } from './ledger.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

function line(orderId: string, lineId: string, sku: string): OrderLine {
  const at = '2026-12-01T10:00:00Z';
  return {
    ...{ lineId, orderId, channel: 'de', sku, title: null, status: 'to_ship', currency: 'EUR' },
    ...{ priceMinor: 1000, shippingMinor: 0, vatPercent: 19, createdAt: at, updatedAt: at },
    ...{ buyer: null, billingAddress: null, shippingAddress: null, deemedSupplier: false },
  };
}

describe('storeOrderLines', () => {
  it('raises an issue, naming the ERP order, when a unit arrives for an order already in the ERP', async () => {
    const accountId = await addAccount(database.db);
    const ctx = stepContext(database.db, accountId, 'orders', {
      erp: new FakeErp(),
      marketplace: new FakeMarketplace(),
    });
    expect(await storeOrderLines(ctx, [line('MO-7', 'u1', 'MUG')])).toBe(1);
    await database.db
      .updateTable('hub_orders')
      .set({ state: 'in_erp', erp_order_id: '41', erp_order_name: 'S00041' })
      .where('marketplace_order_id', '=', 'MO-7')
      .execute();
    // Re-reading the same line (the overlap window) is no news; a unit never seen before is.
    expect(await storeOrderLines(ctx, [line('MO-7', 'u1', 'MUG')])).toBe(0);
    const issues = () =>
      database.db
        .selectFrom('sync_issues')
        .select(['subject', 'details', 'resolved_at'])
        .where('account_id', '=', accountId)
        .where('code', '=', ISSUE_LINE_AFTER_ERP)
        .execute();
    expect(await issues()).toEqual([]);
    expect(await storeOrderLines(ctx, [line('MO-7', 'u1', 'MUG'), line('MO-7', 'u2', 'TEA')])).toBe(1);
    expect(await issues()).toEqual([
      { subject: 'MO-7', details: { erpOrder: 'S00041', skus: ['TEA'], units: 1 }, resolved_at: null },
    ]);
  });
});
