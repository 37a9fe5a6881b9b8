import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

const PRODUCTS = [{ sku: 'AP-1', ean: '4006381333986', name: 'Teapot', price: 19.99, qty: 100 }];

/**
 * An orders run asked for another pass (the worker took the orders job announced while it ran: queue.ts,
 * takeWaitingJob) serves the order placed meanwhile in the same run, once, and stops after a bounded number.
 */
describe('an orders run serving what was announced while it ran', () => {
  let world: SyncWorld;
  const order = () => world.placeOrder(['AP-1']);
  const saleOrders = (ref: string) => world.odoo.state().orders.filter((o) => o.clientOrderRef === ref);

  beforeAll(async () => {
    world = await startSyncWorld({ products: PRODUCTS });
    await world.listOnKaufland([{ sku: 'AP-1', ean: '4006381333986', amount: 100 }]);
  });
  afterAll(() => world?.close());

  it('books the order placed during the run in a second pass of that run, each order once', async () => {
    const first = order();
    let second: ReturnType<typeof order> | undefined;
    const run = await world.run('orders', {
      trigger: 'push',
      anotherPass: () => {
        if (second) return Promise.resolve(false);
        second = order(); // placed while the run went on, and announced
        return Promise.resolve(true);
      },
    });
    expect(run.status).toBe('succeeded');
    expect(run.counts.created).toBe(2);
    expect(saleOrders(first.id_order).map((o) => o.state)).toEqual(['sale']);
    expect(saleOrders(second!.id_order).map((o) => o.state)).toEqual(['sale']);
    const runs = await world.app.ctx.db
      .selectFrom('sync_runs')
      .select('id')
      .where('step', '=', 'orders')
      .execute();
    // One run in the history for both orders.
    expect(runs.map((r) => r.id)).toEqual([run.runId]);
  });

  it('makes at most five passes however often it is asked', async () => {
    let asked = 0;
    const run = await world.run('orders', {
      trigger: 'push',
      anotherPass: () => {
        asked += 1;
        return Promise.resolve(true);
      },
    });
    expect(run.status).toBe('succeeded');
    expect(asked).toBe(4);
    expect(run.counts.created).toBe(0);
  });
});
