import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

const PRODUCTS = [{ sku: 'TU-1', ean: '4006381333986', name: 'Teapot', price: 19.99, qty: 1000 }];
const ORDERS = 120; // three batches of 50 (src/sync/streams/orders/forward.ts)

/**
 * A backlog and a run's turn of its account's queue (StepContext.turn): a run from the queue stops between batches
 * once its turn is over and queues its continuation, so the account's other steps are not kept waiting for the
 * whole backlog; a command-line run (no turn) goes on to the end. Each order reaches Odoo once either way.
 */
describe('an orders backlog drained in turns', () => {
  let world: SyncWorld;
  const inOdoo = () => new Set(world.odoo.state().orders.map((o) => o.clientOrderRef));
  const saleOrderCount = () => world.odoo.state().orders.length;
  const placeOrders = () => Array.from({ length: ORDERS }, () => world.placeOrder(['TU-1']));

  beforeAll(async () => {
    world = await startSyncWorld({ products: PRODUCTS });
    await world.listOnKaufland([{ sku: 'TU-1', ean: '4006381333986', amount: 1000 }]);
  });
  afterAll(() => world?.close());

  it('stops after one batch once the turn is over, asks to continue, and finishes the rest in later turns', async () => {
    const placed = placeOrders();
    let continuations = 0;
    const turn = {
      ms: 0, // over at once: every pass makes its one batch, no more
      continueLater: () => {
        continuations += 1;
        return Promise.resolve();
      },
    };
    const first = await world.run('orders', { trigger: 'schedule', turn });
    expect(first.status).toBe('succeeded');
    expect(first.counts.created).toBe(50);
    expect(continuations).toBe(1);

    // The continuation: the 50 left first, then the last 20 in the pass after the listing; nothing left.
    const second = await world.run('orders', { trigger: 'schedule', turn });
    expect(second.counts.created).toBe(70);
    expect(continuations).toBe(1);
    expect(placed.every((o) => inOdoo().has(o.id_order))).toBe(true);
    expect(saleOrderCount()).toBe(ORDERS);
  });

  it('goes on to the end without a turn (a command-line run)', async () => {
    const placed = placeOrders();
    const run = await world.run('orders');
    expect(run.status).toBe('succeeded');
    expect(run.counts.created).toBe(ORDERS);
    expect(placed.every((o) => inOdoo().has(o.id_order))).toBe(true);
    expect(saleOrderCount()).toBe(2 * ORDERS);
  });
});
