import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/** The ERP page's product kinds decide what the catalog reads; changing them reads the catalog again. */
describe('ERP scope: product kinds from the ERP page', () => {
  let world: SyncWorld;
  /** SKUs the catalog offers (active); out-of-scope kinds are kept inactive so their offers come down. */
  const catalogSkus = async () =>
    (await world.app.ctx.db.selectFrom('catalog_products').select('sku').where('active', '=', true).execute())
      .map((r) => r.sku)
      .sort();

  beforeAll(async () => {
    world = await startSyncWorld({
      products: [{ sku: 'S-STORABLE', ean: '4006381334006', name: 'Kept in stock', price: 10, qty: 5 }],
    });
    const odoo = await world.odooClient();
    await odoo.createMany('product.product', [
      {
        name: 'Bought when sold',
        default_code: 'S-CONSU',
        barcode: '4006381334013',
        list_price: 3,
        type: 'consu',
      },
      { name: 'Gift wrap', default_code: 'S-SERVICE', list_price: 1, type: 'service' },
    ]);
  });
  afterAll(() => world?.close());

  it('reads storable goods only by default, and consumables too once the seller adds them', async () => {
    expect((await world.app.ctx.erp.get())?.settings.productTypes).toEqual(['storable']);
    await world.run('catalog');
    expect(await catalogSkus()).toEqual(['S-STORABLE']);

    await world.app.ctx.erp.patch({ settings: { productTypes: ['storable', 'consumable'] } });
    const run = await world.run('catalog');
    expect(run.status).toBe('succeeded');
    // Services never become offers, whatever the kinds.
    expect(await catalogSkus()).toEqual(['S-CONSU', 'S-STORABLE']);
  });

  it('keeps the cursors when a setting outside the scope changes', async () => {
    await world.app.ctx.erp.patch({ settings: { safetyBuffer: 1 } });
    const run = await world.run('catalog');
    expect(run.counts.read).toBe(0);
  });

  it('takes a kind out of the scope: its products turn inactive on the next stock cycle', async () => {
    await world.app.ctx.erp.patch({ settings: { productTypes: ['storable'] } });
    const run = await world.run('stock');
    expect(run.status).toBe('succeeded');
    expect(await catalogSkus()).toEqual(['S-STORABLE']);
    const consu = await world.app.ctx.db
      .selectFrom('catalog_products')
      .select('active')
      .where('sku', '=', 'S-CONSU')
      .executeTakeFirstOrThrow();
    expect(consu.active).toBe(false);
  });
});
