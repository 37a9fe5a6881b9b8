import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

const PRODUCTS = [
  { sku: 'B-1', ean: '4006381333962', name: 'Kettle', price: 29.99, qty: 1000 },
  { sku: 'B-2', ean: '4006381333979', name: 'Mug', price: 5.5, qty: 1000 },
];

/** Orders forwarded in batches, and the recoveries the crash test found, each on its own. */
describe('orders forwarded to the ERP in batches, and recovered after an interrupted run', () => {
  let world: SyncWorld;
  const saleOrders = (ref: string) => world.odoo.state().orders.filter((o) => o.clientOrderRef === ref);
  const order = (items: { id_offer: string; quantity: number }[]) =>
    world.kaufland.createOrder({ client_key: world.keys.client_key, storefront: 'de', items });
  const hubOrder = (ref: string) =>
    world.app.ctx.db
      .selectFrom('hub_orders')
      .selectAll()
      .where('marketplace_order_id', '=', ref)
      .executeTakeFirstOrThrow();
  const erpCalls = (apiCalls: Record<string, number>) =>
    Object.entries(apiCalls)
      .filter(([key]) => key.startsWith('odoo '))
      .reduce((sum, [, n]) => sum + n, 0);

  beforeAll(async () => {
    world = await startSyncWorld({ products: PRODUCTS });
    await world.listOnKaufland([
      { sku: 'B-1', ean: '4006381333962', amount: 1000 },
      { sku: 'B-2', ean: '4006381333979', amount: 1000 },
    ]);
  });
  afterAll(() => world?.close());

  it('forwards 120 orders with a few ERP calls per 50, one sale order each', async () => {
    const placed = Array.from({ length: 120 }, (_, i) =>
      order([
        { id_offer: 'B-1', quantity: 1 + (i % 2) },
        { id_offer: 'B-2', quantity: 1 },
      ]),
    );
    const run = await world.run('orders');
    expect(run.status).toBe('succeeded');
    expect(run.counts.created).toBe(120);
    for (const p of placed) expect(saleOrders(p.id_order).map((o) => o.state)).toEqual(['sale']);
    // 3 batches × (customers 4 + sale orders 5 + line taxes 2: read, swap + totals check 1) + product check,
    // sign-in and version, and once per run the order currency's pricelist (3) and the excluded tax's twin (3): ~47. One at a time it
    // was ~11 per order (1,320).
    expect(erpCalls(run.apiCalls)).toBeLessThanOrEqual(48);
    const again = await world.run('orders');
    expect(again.counts.created).toBe(0);
    expect(erpCalls(again.apiCalls)).toBe(0);
  });

  it('confirms a draft an interrupted attempt left in the ERP instead of creating a second order', async () => {
    const cut = order([{ id_offer: 'B-2', quantity: 2 }]);
    const odoo = await world.odooClient();
    const [product] = await odoo.search('product.product', [['default_code', '=', 'B-2']]);
    const [partner] = await odoo.search('res.partner', [['parent_id', '=', false]], { limit: 1 });
    await odoo.create('sale.order', {
      partner_id: partner,
      client_order_ref: cut.id_order,
      order_line: [[0, 0, { product_id: product, product_uom_qty: 2, price_unit: 9.99 }]],
    });
    expect(saleOrders(cut.id_order).map((o) => o.state)).toEqual(['draft']);

    const run = await world.run('orders');
    expect(run.counts).toMatchObject({ created: 0, skipped: 1 });
    expect(saleOrders(cut.id_order).map((o) => o.state)).toEqual(['sale']);
    expect(await hubOrder(cut.id_order)).toMatchObject({
      state: 'in_erp',
      erp_order_name: saleOrders(cut.id_order)[0]!.name,
    });
  });

  it('marks an order shipped when its shipment was confirmed before the hub recorded it', async () => {
    const early = order([{ id_offer: 'B-1', quantity: 1 }]);
    await world.run('orders');
    world.odoo.ship({ client_order_ref: early.id_order, tracking_ref: 'EARLY-1' });
    await world.run('shipments');
    expect((await hubOrder(early.id_order)).state).toBe('shipped');
    // As if the run that created the sale order died before recording it; shipments went on meanwhile.
    await world.app.ctx.db
      .updateTable('hub_orders')
      .set({ state: 'received', erp_order_id: null, erp_order_name: null })
      .where('marketplace_order_id', '=', early.id_order)
      .execute();
    const run = await world.run('orders');
    expect(run.counts.created).toBe(0);
    expect(saleOrders(early.id_order)).toHaveLength(1);
    expect(await hubOrder(early.id_order)).toMatchObject({
      state: 'shipped',
      erp_order_name: saleOrders(early.id_order)[0]!.name,
    });
  });

  it('forwards orders already in the ledger before reading the marketplace again', async () => {
    const waiting = order([{ id_offer: 'B-2', quantity: 1 }]);
    world.odoo.setFaults({ rate: 1, kinds: ['http503'] });
    await expect(world.run('orders')).rejects.toMatchObject({ kind: 'transient' });
    expect((await hubOrder(waiting.id_order)).state).toBe('received');
    world.odoo.setFaults({ rate: 0 });
    world.kaufland.setFaults({ rate: 1, kinds: ['500'] });
    // The marketplace listing fails, after the stored order went through.
    await expect(world.run('orders')).rejects.toMatchObject({ kind: 'transient' });
    world.kaufland.setFaults({ rate: 0 });
    expect(saleOrders(waiting.id_order)).toHaveLength(1);
    expect((await hubOrder(waiting.id_order)).state).toBe('in_erp');
  });

  it('tries a held order once per run, not once per pass', async () => {
    await world.listOnKaufland([{ sku: 'B-UNKNOWN', ean: '4006381334020', amount: 10 }]);
    const held = order([{ id_offer: 'B-UNKNOWN', quantity: 1 }]);
    const occurrences = async () =>
      (
        await world.app.ctx.db
          .selectFrom('sync_issues')
          .select('occurrences')
          .where('subject', '=', held.id_order)
          .executeTakeFirstOrThrow()
      ).occurrences;
    const first = await world.run('orders');
    expect(first.counts.skipped).toBe(1);
    expect(await occurrences()).toBe(1);
    const second = await world.run('orders');
    expect(second.counts.skipped).toBe(1);
    expect(await occurrences()).toBe(2);
  });
});
