import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../helpers/app.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

describe('dashboard API: overview, orders with timeline, issues, SKU check', () => {
  let world: SyncWorld;
  let api: Awaited<ReturnType<typeof signedInClient>>;
  let placed: ReturnType<SyncWorld['kaufland']['createOrder']>;
  beforeAll(async () => {
    world = await startSyncWorld({
      products: [{ sku: 'V-1', ean: '4006381333986', name: 'Kettle', price: 30, qty: 5 }],
    });
    api = await signedInClient(world.app);
    for (const sku of ['V-1', 'GHOST-1']) {
      await world.kauflandClient.units.create('de', {
        id_offer: sku,
        ean: sku === 'V-1' ? '4006381333986' : '4006381333993',
        listing_price: 3000,
        amount: 5,
        handling_time: 1,
        condition: 'NEW',
      });
    }
    placed = world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'V-1', quantity: 2 }],
    });
    world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'GHOST-1', quantity: 1 }],
    });
    await world.run('orders');
    world.odoo.ship({ client_order_ref: placed.id_order, tracking_ref: 'TL-1' });
    await world.run('shipments');
  });
  afterAll(() => world?.close());

  it('lists and searches orders, newest first', async () => {
    const all = await api('GET', '/api/orders');
    expect(all.status).toBe(200);
    expect(all.json.total).toBe(2);
    const found = await api('GET', `/api/orders?q=${placed.id_order}`);
    expect(found.json.orders).toHaveLength(1);
    expect(found.json.orders[0]).toMatchObject({
      marketplaceOrderId: placed.id_order,
      units: 2,
      state: 'shipped',
      channel: 'de',
    });
    expect((await api('GET', '/api/orders?state=held')).json.orders).toHaveLength(1);
    expect((await api('GET', '/api/orders?pageSize=1000')).status).toBe(400);
  });

  it('shows an order timeline from the marketplace to "confirmed on the marketplace"', async () => {
    const id = (await api('GET', `/api/orders?q=${placed.id_order}`)).json.orders[0].id;
    const detail = await api('GET', `/api/orders/${id}`);
    expect(detail.json.timeline.map((e: { event: string }) => e.event)).toEqual([
      'placed',
      'stored',
      'reserved',
      'in_erp',
      'released',
      'shipped',
      'shipped',
      'confirmed',
      'confirmed',
    ]);
    expect(
      detail.json.lines.every(
        (l: { status: string; trackingNumbers: string[] }) =>
          l.status === 'confirmed' && l.trackingNumbers[0] === 'TL-1',
      ),
    ).toBe(true);
    expect((await api('GET', '/api/orders/not-a-uuid')).status).toBe(400);
    expect((await api('GET', '/api/orders/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('lists the held order as an issue and counts it on the overview', async () => {
    const issues = (await api('GET', '/api/issues')).json.issues;
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'order.sku_not_in_erp',
        message: expect.stringContaining('SKU GHOST-1 not in Odoo'),
      }),
    ]);
    const overview = await api('GET', '/api/overview');
    expect(overview.json.openIssues).toBe(1);
    const steps = overview.json.accounts[0].steps.map((s: { step: string }) => s.step).sort();
    expect(steps).toEqual(['orders', 'shipments']);
    expect(
      overview.json.charts.ordersPerHour.reduce((n: number, h: { orders: number }) => n + h.orders, 0),
    ).toBe(2);
    expect(overview.json.erp.apiKey).toMatch(/^••••/);
  });

  it('exports the SKU check as CSV', async () => {
    await world.app.ctx.accounts.patch(world.account.id, { settings: { productStockSync: true } });
    await world.run('stock');
    const check = await api('GET', `/api/sku-check?account=${world.account.id}`);
    expect(check.json.marketplaceNotInErp.map((o: { sku: string }) => o.sku)).toContain('GHOST-1');
    const csv = await api('GET', `/api/sku-check.csv?account=${world.account.id}`);
    expect(csv.text.split('\r\n')[0]).toBe('"kind","sku","name","ean","detail"');
    expect(csv.text).toContain('"on marketplace, not in ERP","GHOST-1"');
  });
});
