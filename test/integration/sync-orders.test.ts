import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

const PRODUCTS = [
  { sku: 'SKU-1', ean: '4006381333931', name: 'Tea pot', price: 19.99, qty: 20 },
  { sku: 'SKU-2', ean: '4006381333948', name: 'Tea cup', price: 4.5, qty: 50 },
];

describe('orders in exactly once, shipments back, cancellations (sync steps against both sandboxes)', () => {
  let world: SyncWorld;
  const orderUnits = (idOrder: string) =>
    world.kaufland.state().order_units.filter((u) => u.id_order === idOrder);
  const saleOrders = (ref: string) => world.odoo.state().orders.filter((o) => o.clientOrderRef === ref);
  const saleOrderLines = (orderId: number) =>
    world.odoo.instance.store.all('sale.order.line').filter((l) => l.order_id === orderId);
  const order = (items: { id_offer: string; quantity: number; shipping_rate?: number }[]) =>
    world.kaufland.createOrder({ client_key: world.keys.client_key, storefront: 'de', items });

  beforeAll(async () => {
    world = await startSyncWorld({
      products: PRODUCTS,
      settings: { carrierMapping: { 'Standard delivery': 'DHL' } },
    });
    for (const [sku, ean, price] of [
      ['SKU-1', '4006381333931', 1999],
      ['SKU-2', '4006381333948', 450],
      ['SKU-X', '4006381333955', 999],
    ] as const) {
      await world.kauflandClient.units.create('de', {
        id_offer: sku,
        ean,
        listing_price: price,
        amount: 100,
        handling_time: 1,
        condition: 'NEW',
      });
    }
  });
  afterAll(() => world?.close());

  let first: ReturnType<typeof order>;
  it('creates one confirmed sale order per marketplace order, lines grouped by SKU, and never a second one', async () => {
    first = order([
      { id_offer: 'SKU-1', quantity: 2, shipping_rate: 495 },
      { id_offer: 'SKU-2', quantity: 1, shipping_rate: 0 },
    ]);
    const run = await world.run('orders');
    expect(run.status).toBe('succeeded');
    expect(run.counts).toMatchObject({ read: 3, created: 1 });

    const [saleOrder, ...others] = saleOrders(first.id_order);
    expect(others).toEqual([]);
    expect(saleOrder!.state).toBe('sale');
    // Odoo answers floats with their artefacts (19.99 → 19.990000000000002): compare in cents.
    const lines = saleOrderLines(saleOrder!.id).map((l) => ({
      qty: l.product_uom_qty,
      price: Math.round(Number(l.price_unit) * 100),
    }));
    const shipping = first.order_units.reduce((sum, unit) => sum + unit.shipping_rate, 0);
    expect(shipping).toBeGreaterThan(0);
    expect(lines.sort((x, y) => x.price - y.price)).toEqual(
      [
        { qty: 2, price: 1999 },
        { qty: 1, price: 450 },
        // What the buyer paid for shipping, one line on Odoo's delivery product.
        { qty: 1, price: shipping },
      ].sort((x, y) => x.price - y.price),
    );
    // Confirming reserved the stock in the ERP.
    expect(world.odoo.state().products.find((p) => p.sku === 'SKU-1')!.free).toBe(18);

    const again = await world.run('orders');
    expect(again.counts.created).toBe(0);
    expect(saleOrders(first.id_order)).toHaveLength(1);
    const hub = await world.app.ctx.db
      .selectFrom('hub_orders')
      .selectAll()
      .where('marketplace_order_id', '=', first.id_order)
      .executeTakeFirstOrThrow();
    expect(hub).toMatchObject({
      state: 'in_erp',
      erp_order_name: saleOrder!.name,
      total_minor: String(2 * 1999 + 450 + shipping),
    });
  });

  it('after a crash between "created in the ERP" and "recorded in the hub", finds the sale order instead of creating another', async () => {
    const crashed = order([{ id_offer: 'SKU-2', quantity: 1 }]);
    await world.run('orders');
    // Forget what the hub recorded, as if the worker died right after Odoo answered.
    await world.app.ctx.db
      .updateTable('hub_orders')
      .set({ state: 'received', erp_order_id: null, erp_order_name: null })
      .where('marketplace_order_id', '=', crashed.id_order)
      .execute();
    const rerun = await world.run('orders');
    expect(rerun.counts.created).toBe(0);
    expect(saleOrders(crashed.id_order)).toHaveLength(1);
    const hub = await world.app.ctx.db
      .selectFrom('hub_orders')
      .select(['state', 'erp_order_name'])
      .where('marketplace_order_id', '=', crashed.id_order)
      .executeTakeFirstOrThrow();
    expect(hub.state).toBe('in_erp');
    expect(hub.erp_order_name).toBe(saleOrders(crashed.id_order)[0]!.name);
  });

  it('holds an order with a SKU unknown to the ERP as an issue, and lets it through once the SKU exists', async () => {
    const unknown = order([{ id_offer: 'SKU-X', quantity: 1 }]);
    await world.run('orders');
    expect(saleOrders(unknown.id_order)).toEqual([]);
    const issues = await world.app.ctx.db
      .selectFrom('sync_issues')
      .selectAll()
      .where('subject', '=', unknown.id_order)
      .where('resolved_at', 'is', null)
      .execute();
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('SKU SKU-X not in Odoo');

    world.odoo.seed({ products: [{ sku: 'SKU-X', ean: '4006381333955', price: 9.99, qty: 3 }] });
    await world.run('orders');
    expect(saleOrders(unknown.id_order)).toHaveLength(1);
    const open = await world.app.ctx.db
      .selectFrom('sync_issues')
      .selectAll()
      .where('subject', '=', unknown.id_order)
      .where('resolved_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
  });

  it('confirms shipped units with carrier and tracking, partial deliveries only for what shipped, each exactly once', async () => {
    world.odoo.ship({
      client_order_ref: first.id_order,
      carrier: 'Standard delivery',
      tracking_ref: 'TRACK-1',
      lines: [{ sku: 'SKU-1', qty: 1 }],
    });
    const partial = await world.run('shipments');
    expect(partial.status).toBe('succeeded');
    const sentNow = orderUnits(first.id_order).filter((u) => u.status === 'sent');
    expect(sentNow).toHaveLength(1);
    expect(sentNow[0]!.id_offer).toBe('SKU-1');
    const shipments = world.kaufland
      .state()
      .shipments.filter((s) => s.id_order_unit === sentNow[0]!.id_order_unit);
    expect(shipments).toEqual([
      expect.objectContaining({ carrier_code: 'DHL', tracking_numbers: ['TRACK-1'] }),
    ]);

    world.odoo.ship({
      client_order_ref: first.id_order,
      carrier: 'Standard delivery',
      tracking_ref: 'TRACK-2',
    });
    await world.run('shipments');
    expect(orderUnits(first.id_order).every((u) => u.status === 'sent')).toBe(true);
    const hub = await world.app.ctx.db
      .selectFrom('hub_orders')
      .select('state')
      .where('marketplace_order_id', '=', first.id_order)
      .executeTakeFirstOrThrow();
    expect(hub.state).toBe('shipped');

    const idle = await world.run('shipments');
    expect(Object.keys(idle.apiCalls).filter((k) => k.includes('/send'))).toEqual([]);
    expect(
      world.kaufland
        .state()
        .shipments.filter((s) => orderUnits(first.id_order).some((u) => u.id_order_unit === s.id_order_unit)),
    ).toHaveLength(3);
  });

  it('records a unit already sent on the marketplace instead of sending it again', async () => {
    const manual = order([{ id_offer: 'SKU-2', quantity: 1 }]);
    await world.run('orders');
    world.odoo.ship({ client_order_ref: manual.id_order, tracking_ref: 'HAND-1' });
    await world.kauflandClient.orderUnits.send(manual.order_units[0]!.id_order_unit, {
      carrier_code: 'DHL',
      tracking_numbers: ['HAND-1'],
    });
    const run = await world.run('shipments');
    expect(run.status).toBe('succeeded');
    const line = await world.app.ctx.db
      .selectFrom('hub_order_lines')
      .select(['confirmed_at'])
      .where('marketplace_line_id', '=', String(manual.order_units[0]!.id_order_unit))
      .executeTakeFirstOrThrow();
    expect(line.confirmed_at).not.toBeNull();
    expect(
      world.kaufland
        .state()
        .shipments.filter((s) => s.id_order_unit === manual.order_units[0]!.id_order_unit),
    ).toHaveLength(1);
  });

  it('cancels the ERP sale order when the marketplace cancels every unit before shipping', async () => {
    const cancelled = order([{ id_offer: 'SKU-1', quantity: 1 }]);
    await world.run('orders');
    await world.run('cancellations'); // first run sets the starting point
    await world.kauflandClient.orderUnits.cancel(cancelled.order_units[0]!.id_order_unit, 'BuyerCancelled');
    const run = await world.run('cancellations');
    expect(run.counts.updated).toBe(1);
    expect(saleOrders(cancelled.id_order)[0]!.state).toBe('cancel');
  });

  it('pauses on regenerated keys, loses nothing, and carries on from its cursor with the new pair', async () => {
    const rotated = world.kaufland.rotateKeys(world.keys.client_key);
    // An order placed while AdlerDo still holds the old pair (the seller's data stays; only the keys change).
    const during = world.kaufland.createOrder({
      client_key: rotated.client_key,
      storefront: 'de',
      items: [{ id_offer: 'SKU-2', quantity: 2 }],
    });
    const paused = await world.run('orders');
    expect(paused.status).toBe('paused');
    expect(paused.error?.code).toBe('kaufland.auth_failed');
    expect((await world.app.ctx.accounts.get(world.account.id)).status).toBe('credentials_invalid');
    const blocked = await world.run('orders');
    expect(blocked).toMatchObject({ status: 'paused', error: { code: 'account.credentials_invalid' } });

    await world.app.ctx.accounts.updateCredentials(world.account.id, {
      clientId: rotated.client_key,
      clientSecret: rotated.secret_key,
    });
    const resumed = await world.run('orders');
    expect(resumed.status).toBe('succeeded');
    expect(saleOrders(during.id_order)).toHaveLength(1);
  });
});
