import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OdooClient } from '../../src/connectors/odoo/index.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

const PRODUCTS = [
  { sku: 'C-1', ean: '4006381333986', name: 'Lamp', price: 39.9, qty: 50 },
  { sku: 'C-2', ean: '4006381333993', name: 'Bulb', price: 2.5, qty: 50 },
];

describe('sale orders cancelled in the ERP → their open units cancelled on the marketplace', () => {
  let world: SyncWorld;
  let odoo: OdooClient;
  const units = (idOrder: string) => world.kaufland.state().order_units.filter((u) => u.id_order === idOrder);
  const saleOrderId = (ref: string) => world.odoo.state().orders.find((o) => o.clientOrderRef === ref)!.id;
  const hubState = async (ref: string) =>
    (
      await world.app.ctx.db
        .selectFrom('hub_orders')
        .select('state')
        .where('marketplace_order_id', '=', ref)
        .executeTakeFirstOrThrow()
    ).state;
  const place = (items: { id_offer: string; quantity: number }[]) =>
    world.kaufland.createOrder({ client_key: world.keys.client_key, storefront: 'de', items });
  const cancelInOdoo = (ref: string) =>
    odoo.call('sale.order', 'action_cancel', [saleOrderId(ref)], {
      context: { disable_cancel_warning: true },
    });
  const cancelCalls = (apiCalls: Record<string, number>) =>
    Object.entries(apiCalls)
      .filter(([key]) => key.startsWith('kaufland ') && key.includes('/cancel'))
      .reduce((sum, [, n]) => sum + n, 0);

  beforeAll(async () => {
    world = await startSyncWorld({ products: PRODUCTS, settings: { cancelReason: 'DelayedInventory' } });
    await world.listOnKaufland([
      { sku: 'C-1', ean: '4006381333986', amount: 50 },
      { sku: 'C-2', ean: '4006381333993', amount: 50 },
    ]);
    odoo = await world.odooClient();
  });
  afterAll(() => world?.close());

  it('cancels every open unit with the account’s reason, once, and closes the hub order', async () => {
    const order = place([
      { id_offer: 'C-1', quantity: 1 },
      { id_offer: 'C-2', quantity: 2 },
    ]);
    const untouched = place([{ id_offer: 'C-2', quantity: 1 }]);
    await world.run('orders');
    await cancelInOdoo(order.id_order);

    const run = await world.run('cancellations');
    expect(run.status).toBe('succeeded');
    expect(run.counts.updated).toBe(1);
    expect(cancelCalls(run.apiCalls)).toBe(3);
    expect(units(order.id_order).map((u) => [u.status, u.cancel_reason])).toEqual([
      ['cancelled', 'DelayedInventory'],
      ['cancelled', 'DelayedInventory'],
      ['cancelled', 'DelayedInventory'],
    ]);
    expect(units(untouched.id_order).map((u) => u.status)).toEqual(['need_to_be_sent']);
    expect(await hubState(order.id_order)).toBe('cancelled');

    const again = await world.run('cancellations');
    expect(cancelCalls(again.apiCalls)).toBe(0);
    expect(again.counts.updated).toBe(0);
  });

  it('leaves shipped units alone and flags the order when it was cancelled in the ERP after part shipped', async () => {
    const order = place([
      { id_offer: 'C-1', quantity: 1 },
      { id_offer: 'C-2', quantity: 1 },
    ]);
    await world.run('orders');
    world.odoo.ship({
      client_order_ref: order.id_order,
      tracking_ref: 'PART-1',
      lines: [{ sku: 'C-1', qty: 1 }],
    });
    await world.run('shipments');
    await cancelInOdoo(order.id_order);

    const run = await world.run('cancellations');
    expect(run.status).toBe('succeeded');
    const byOffer = Object.fromEntries(units(order.id_order).map((u) => [u.id_offer, u.status]));
    expect(byOffer).toEqual({ 'C-1': 'sent', 'C-2': 'cancelled' });
    const issues = await world.app.ctx.db
      .selectFrom('sync_issues')
      .select(['code', 'message'])
      .where('subject', '=', order.id_order)
      .where('resolved_at', 'is', null)
      .execute();
    expect(issues).toEqual([expect.objectContaining({ code: 'order.erp_cancelled_after_shipping' })]);
    expect(issues[0]!.message).toContain('after 1 item(s)');
  });

  it('flags an order cancelled in the ERP after all of it shipped', async () => {
    const order = place([{ id_offer: 'C-2', quantity: 1 }]);
    await world.run('orders');
    world.odoo.ship({ client_order_ref: order.id_order, tracking_ref: 'ALL-1' });
    await world.run('shipments');
    expect(await hubState(order.id_order)).toBe('shipped');
    await cancelInOdoo(order.id_order);

    await world.run('cancellations');
    expect(units(order.id_order).map((u) => u.status)).toEqual(['sent']);
    const issues = await world.app.ctx.db
      .selectFrom('sync_issues')
      .select('code')
      .where('subject', '=', order.id_order)
      .where('resolved_at', 'is', null)
      .execute();
    expect(issues).toEqual([{ code: 'order.erp_cancelled_after_shipping' }]);
  });

  it('cancels the units of an order whose sale order the orders step finds already cancelled in the ERP', async () => {
    const order = place([{ id_offer: 'C-1', quantity: 1 }]);
    // As if an earlier attempt left a draft that the seller then cancelled in Odoo.
    const [product] = await odoo.search('product.product', [['default_code', '=', 'C-1']]);
    const [partner] = await odoo.search('res.partner', [['parent_id', '=', false]], { limit: 1 });
    const draft = await odoo.create('sale.order', {
      partner_id: partner,
      client_order_ref: order.id_order,
      order_line: [[0, 0, { product_id: product, product_uom_qty: 1, price_unit: 9.99 }]],
    });
    await odoo.call('sale.order', 'action_cancel', [draft], { context: { disable_cancel_warning: true } });

    const run = await world.run('orders');
    expect(run.counts.created).toBe(0);
    expect(world.odoo.state().orders.filter((o) => o.clientOrderRef === order.id_order)).toHaveLength(1);
    expect(units(order.id_order).map((u) => [u.status, u.cancel_reason])).toEqual([
      ['cancelled', 'DelayedInventory'],
    ]);
    expect(await hubState(order.id_order)).toBe('cancelled');
  });
});
