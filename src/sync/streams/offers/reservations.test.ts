import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.ts';
import type { Database } from '../../../store/db.ts';
import type { HubOrderState } from '../../../store/schema.ts';
import { addAccount } from './fakes.test-support.ts';
import { countReservations } from './reservations.ts';

let database: Database;
let first: string;
let second: string;
let orderNo = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  first = await addAccount(database.db);
  second = await addAccount(database.db);
});
afterAll(() => database?.close());
beforeEach(async () => {
  await database.db.deleteFrom('hub_orders').execute();
  await database.db.deleteFrom('catalog_products').execute();
  await database.db
    .insertInto('catalog_products')
    .values(
      ['A', 'B', 'C'].map((sku) => ({
        sku,
        erp_id: sku,
        name: sku,
        price_minor: 100,
        free_qty: 5,
        on_hand: 5,
      })),
    )
    .execute();
  // Long ago, so that a touch by the counter shows.
  await sql`UPDATE catalog_products SET updated_at = '2020-01-01', changed_at = '2020-01-01'`.execute(
    database.db,
  );
});

/** One order of `skus` (one line each) on an account, in a state, with some lines cancelled. */
async function order(accountId: string, state: HubOrderState, skus: string[], cancelled: string[] = []) {
  const row = await database.db
    .insertInto('hub_orders')
    .values({
      account_id: accountId,
      marketplace_order_id: `O-${++orderNo}`,
      channel: 'de',
      currency: 'EUR',
      buyer: null,
      billing_address: null,
      shipping_address: null,
      marketplace_created_at: new Date(),
      total_minor: 0,
      state,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('hub_order_lines')
    .values(
      [
        ...skus.map((sku) => ({ sku, cancelled: false })),
        ...cancelled.map((sku) => ({ sku, cancelled: true })),
      ].map((line, i) => ({
        order_id: row.id,
        account_id: accountId,
        marketplace_line_id: `${row.id}-${i}`,
        sku: line.sku,
        price_minor: 100,
        shipping_minor: 0,
        marketplace_status: 'open',
        cancelled_at: line.cancelled ? new Date() : null,
      })),
    )
    .execute();
  return row.id;
}

const setState = (id: string, state: HubOrderState) =>
  database.db.updateTable('hub_orders').set({ state }).where('id', '=', id).execute();

async function catalog() {
  const rows = await database.db
    .selectFrom('catalog_products')
    .select(['sku', 'reserved_qty', sql<boolean>`updated_at > '2020-01-02'`.as('touched')])
    .orderBy('sku')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.sku, { reserved: r.reserved_qty, touched: r.touched }]));
}

describe('countReservations', () => {
  it('counts lines of open, received and held orders across accounts; not cancelled lines, not orders the ERP has', async () => {
    await order(first, 'open', ['A', 'A']);
    await order(second, 'received', ['A'], ['A']);
    await order(first, 'held', ['B', 'UNKNOWN']);
    await order(second, 'in_erp', ['C']);
    await order(first, 'shipped', ['C']);
    await order(first, 'cancelled', [], ['C']);

    expect((await countReservations(database.db, 'exact')).sort()).toEqual(['A', 'B']);
    expect(await catalog()).toEqual({
      A: { reserved: 3, touched: true },
      B: { reserved: 1, touched: true },
      C: { reserved: 0, touched: false },
    });
    // Nothing changed: nothing touched, so no account compares these SKUs again.
    expect(await countReservations(database.db, 'exact')).toEqual([]);
  });

  it('exact lowers a count once the ERP has the order; raise never lowers, only raises', async () => {
    const sold = await order(first, 'received', ['A', 'A']);
    await countReservations(database.db, 'exact');
    await setState(sold, 'in_erp');
    await order(second, 'open', ['B']);

    expect(await countReservations(database.db, 'raise')).toEqual(['B']);
    expect((await catalog()).A!.reserved).toBe(2);
    expect(await countReservations(database.db, 'exact')).toEqual(['A']);
    expect(await catalog()).toMatchObject({ A: { reserved: 0 }, B: { reserved: 1 } });
  });

  it('gives the pieces of a cancelled open order back', async () => {
    const open = await order(first, 'open', ['C']);
    await countReservations(database.db, 'exact');
    expect((await catalog()).C!.reserved).toBe(1);
    await setState(open, 'cancelled');
    expect(await countReservations(database.db, 'exact')).toEqual(['C']);
    expect((await catalog()).C!.reserved).toBe(0);
  });
});
