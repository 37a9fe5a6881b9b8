import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.ts';
import { AppError } from '../../../core/errors.ts';
import type { OrderLine, PostalAddress } from '../../../core/order.ts';
import type { ErpSaleOrder, ErpSession } from '../../../core/ports/erp.port.ts';
import type { Database } from '../../../store/db.ts';
import { addAccount, FakeErp, FakeMarketplace, product, stepContext } from '../offers/fakes.test-support.ts';
import { forwardPendingOrders } from './forward.ts';
import { storeOrderLines } from './ledger.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const address: PostalAddress = {
  ...{ firstName: 'Ada', lastName: 'Muster', company: null, street: 'Hauptstr.', houseNumber: '1' },
  ...{ extra: null, postcode: '10115', city: 'Berlin', country: 'DE', phone: null },
};

function line(orderId: string): OrderLine {
  const at = '2026-12-01T10:00:00Z';
  return {
    ...{ lineId: `${orderId}-1`, orderId, channel: 'de', sku: 'MUG', title: null, status: 'to_ship' },
    ...{ currency: 'EUR', priceMinor: 1000, shippingMinor: 0, vatPercent: 19, createdAt: at, updatedAt: at },
    ...{ buyer: { externalId: `b-${orderId}`, email: null }, billingAddress: address },
    ...{ shippingAddress: address, deemedSupplier: false },
  };
}

const cutOff = () => new AppError('transient', 'erp.server_error', 'The ERP answered HTTP 500.');

/**
 * An ERP whose sale orders live in `made` (one per reference, created at most once, as the ERP's look-up before
 * create guarantees); `createFails` says how the next createSaleOrders calls end: 'after' creates and then
 * fails (a timeout after the call ran), 'down' fails before anything, as does every read while `down` is set.
 */
function erpWith(made: Map<string, ErpSaleOrder>, createFails: ('after' | 'down')[], down = { now: false }) {
  const calls = { create: 0, find: 0 };
  const session: Partial<ErpSession> = {
    findProductsBySku: () => Promise.resolve([product('MUG', 100)]),
    findOrCreateCustomers: (inputs) =>
      Promise.resolve(
        inputs.map((i) => ({
          ok: true as const,
          value: { customerId: i.externalId, invoiceAddressId: '1', shippingAddressId: '1' },
        })),
      ),
    findSaleOrders: (refs) => {
      calls.find++;
      if (down.now) return Promise.reject(cutOff());
      return Promise.resolve(refs.flatMap((ref) => made.get(ref) ?? []));
    },
    createSaleOrders: (inputs) => {
      calls.create++;
      const fails = createFails.shift();
      if (fails === 'down') return Promise.reject(cutOff());
      const outcomes = inputs.map((input) => {
        const found = made.get(input.externalRef);
        const n = made.size + 1;
        const order: ErpSaleOrder = found ?? {
          id: String(n),
          name: `S${n}`,
          externalRef: input.externalRef,
          state: 'confirmed',
          deliveryStatus: null,
          total: 1000,
          currency: 'EUR',
        };
        made.set(input.externalRef, order);
        return { ok: true as const, value: { order, created: !found, corrections: [] } };
      });
      return fails === 'after' ? Promise.reject(cutOff()) : Promise.resolve(outcomes);
    },
  };
  return { session, calls };
}

async function contextWith(session: Partial<ErpSession>) {
  const accountId = await addAccount(database.db);
  const ctx = stepContext(database.db, accountId, 'orders', {
    erp: new FakeErp(),
    marketplace: new FakeMarketplace(),
  });
  return { accountId, ctx: { ...ctx, erp: { ...ctx.erp, ...session } } };
}

const states = (accountId: string) =>
  database.db
    .selectFrom('hub_orders')
    .select(['marketplace_order_id', 'state'])
    .where('account_id', '=', accountId)
    .orderBy('marketplace_order_id')
    .execute();

describe('forwardPendingOrders', () => {
  it('tries a batch cut off after the ERP took it again at once: each order once, none left', async () => {
    const made = new Map<string, ErpSaleOrder>();
    const erp = erpWith(made, ['after', 'after']);
    const { accountId, ctx } = await contextWith(erp.session);
    await storeOrderLines(ctx, [line('A-1'), line('A-2'), line('A-3')]);

    const pass = await forwardPendingOrders(ctx, ['received']);

    expect(pass).toEqual({ picked: 3, settled: 3 });
    expect(erp.calls).toEqual({ create: 3, find: 2 });
    expect([...made.keys()].sort()).toEqual(['A-1', 'A-2', 'A-3']);
    expect(await states(accountId)).toEqual(
      ['A-1', 'A-2', 'A-3'].map((ref) => ({ marketplace_order_id: ref, state: 'in_erp' })),
    );
    // The third attempt found the orders the first one made: recorded, not created twice.
    expect(ctx.counts).toMatchObject({ created: 0, skipped: 3 });
  });

  it('ends at once when the ERP is down: no second attempt after the read in between failed', async () => {
    const made = new Map<string, ErpSaleOrder>();
    const down = { now: true };
    const erp = erpWith(made, ['down', 'down', 'down', 'down'], down);
    const { accountId, ctx } = await contextWith(erp.session);
    await storeOrderLines(ctx, [line('B-1'), line('B-2')]);

    await expect(forwardPendingOrders(ctx, ['received'])).rejects.toMatchObject({ kind: 'transient' });

    expect(erp.calls).toEqual({ create: 1, find: 1 });
    expect((await states(accountId)).map((o) => o.state)).toEqual(['received', 'received']);
  });

  it('leaves a batch that keeps failing while the ERP answers reads for a later pass, and says so', async () => {
    const made = new Map<string, ErpSaleOrder>();
    const erp = erpWith(made, ['down', 'down', 'down', 'down']);
    const { accountId, ctx } = await contextWith(erp.session);
    await storeOrderLines(ctx, [line('C-1')]);

    const pass = await forwardPendingOrders(ctx, ['received']);

    expect(pass).toMatchObject({ picked: 1, settled: 0, failed: { kind: 'transient' } });
    expect(erp.calls).toEqual({ create: 4, find: 3 });
    expect((await states(accountId)).map((o) => o.state)).toEqual(['received']);
    // Once the ERP takes it, the next pass sends it.
    expect(await forwardPendingOrders(ctx, ['received'])).toEqual({ picked: 1, settled: 1 });
    expect([...made.keys()]).toEqual(['C-1']);
  });
});
