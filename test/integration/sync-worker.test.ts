import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIntervals, startScheduler } from '../../src/sync/scheduler.ts';
import { startWorker, type Worker } from '../../src/sync/worker.ts';
import { signedInClient } from '../helpers/app.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';
import { eventually } from '../helpers/eventually.ts';

describe('the sync worker and scheduler on the PostgreSQL job queue', () => {
  let world: SyncWorld;
  let worker: Worker;
  beforeAll(async () => {
    world = await startSyncWorld({ products: [{ sku: 'W-1', ean: '4006381333979', price: 12, qty: 9 }] });
    await world.kauflandClient.units.create('de', {
      id_offer: 'W-1',
      ean: '4006381333979',
      listing_price: 1200,
      amount: 9,
      handling_time: 1,
      condition: 'NEW',
    });
    worker = await startWorker(world.app.ctx, { concurrency: 2 });
  });
  afterAll(async () => {
    await worker?.stop();
    await world?.close();
  });

  it('"Sync now" through the API queues the step and a worker runs it', async () => {
    const placed = world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'W-1', quantity: 1 }],
    });
    const api = await signedInClient(world.app);
    const queued = await api('POST', `/api/accounts/${world.account.id}/sync`, { step: 'orders' });
    expect(queued.status).toBe(202);
    expect(queued.json).toEqual({ queued: ['orders'] });
    const orders = await eventually(
      () => world.odoo.state().orders.filter((o) => o.clientOrderRef === placed.id_order),
      (o) => o.length > 0,
    );
    expect(orders).toHaveLength(1);
    const runs = await eventually(
      async () => (await api('GET', `/api/runs?account=${world.account.id}&step=orders`)).json.runs,
      (r: any[]) => r.some((x) => x.status === 'succeeded'),
    );
    expect(runs[0]).toMatchObject({
      step: 'orders',
      trigger: 'manual',
      status: 'succeeded',
      counts: { created: 1 },
    });
    expect((await api('POST', `/api/accounts/${world.account.id}/sync`, { step: 'nope' })).status).toBe(400);
  });

  it('the scheduler enqueues every enabled step of a connected account, and nothing for a paused one', async () => {
    const scheduler = startScheduler(world.app.ctx, await world.app.ctx.queue(), parseIntervals('orders=5'));
    try {
      await scheduler.tick();
      const last = await eventually(
        () =>
          world.app.ctx.db
            .selectFrom('sync_runs')
            .select(['step', 'trigger', 'status'])
            .where('trigger', '=', 'schedule')
            .execute(),
        (rows) => new Set(rows.map((r) => r.step)).size >= 5,
      );
      // Product & stock sync is off by default (the guide): orders, shipments, cancellations and after the sale
      // (documents, returns) run.
      expect(new Set(last.map((r) => r.step))).toEqual(
        new Set(['orders', 'shipments', 'cancellations', 'documents', 'returns']),
      );

      await world.app.ctx.accounts.markCredentialsInvalid(world.account.id);
      const before = await world.app.ctx.db.selectFrom('sync_runs').select('id').execute();
      await new Promise((r) => setTimeout(r, 5_100));
      await scheduler.tick();
      await new Promise((r) => setTimeout(r, 500));
      const after = await world.app.ctx.db.selectFrom('sync_runs').select('id').execute();
      expect(after.length).toBe(before.length);
    } finally {
      scheduler.stop();
    }
  });

  it('refuses an unknown step name in the interval configuration', () => {
    expect(() => parseIntervals('orderz=5')).toThrow(/unknown step "orderz"/);
    expect(parseIntervals('orders=10').orders).toBe(10);
  });
});
