import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

describe('a delivery with an unmapped Odoo carrier waits as "Map carrier X" instead of a guess', () => {
  let world: SyncWorld;
  const openIssues = () =>
    world.app.ctx.db
      .selectFrom('sync_issues')
      .select(['code', 'subject', 'message'])
      .where('code', '=', 'shipment.carrier_unmapped')
      .where('resolved_at', 'is', null)
      .execute();

  beforeAll(async () => {
    world = await startSyncWorld({
      products: [{ sku: 'SKU-1', ean: '4006381333931', name: 'Tea pot', price: 19.99, qty: 20 }],
    });
    await world.listOnKaufland([{ sku: 'SKU-1', ean: '4006381333931', amount: 10 }]);
  });
  afterAll(() => world?.close());

  it('opens the issue, confirms nothing, and confirms with the mapped code once the seller maps it', async () => {
    const order = world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'SKU-1', quantity: 1 }],
    });
    expect((await world.run('orders')).status).toBe('succeeded');
    world.odoo.ship({ client_order_ref: order.id_order, carrier: 'DPD Paket', tracking_ref: 'DPD-1' });

    expect((await world.run('shipments')).status).toBe('succeeded');
    expect(world.kaufland.state().shipments).toEqual([]);
    expect(await openIssues()).toEqual([
      expect.objectContaining({
        subject: 'DPD Paket',
        message: expect.stringMatching(/^Map carrier DPD Paket/),
      }),
    ]);
    await world.run('shipments');
    expect(world.kaufland.state().shipments).toEqual([]);
    expect(await openIssues()).toHaveLength(1);

    await world.app.ctx.accounts.patch(world.account.id, {
      settings: { carrierMapping: { 'DPD Paket': 'DPD' } },
    });
    expect((await world.run('shipments')).status).toBe('succeeded');
    expect(world.kaufland.state().shipments).toEqual([
      expect.objectContaining({ carrier_code: 'DPD', tracking_numbers: ['DPD-1'] }),
    ]);
    expect(await openIssues()).toEqual([]);
  });
});
