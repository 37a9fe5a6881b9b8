import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../helpers/app.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/** Two EUR storefronts (no exchange rate needed), one product. */
const MUG = { sku: 'MUG-1', ean: '4006381333931', name: 'Mug', price: 12.5, qty: 4 };

describe('handling time and shipping group per storefront', () => {
  let world: SyncWorld;
  let api: Awaited<ReturnType<typeof signedInClient>>;

  const unit = (storefront: string) =>
    world.kaufland.state().units.find((u) => u.storefront === storefront && u.id_offer === MUG.sku);

  beforeAll(async () => {
    world = await startSyncWorld({
      products: [MUG],
      storefronts: ['de', 'at'],
      // Stored like an account made before per-storefront shipping: account-level values only.
      settings: { productStockSync: true, handlingTimeDays: 2, shippingGroupId: 11 },
    });
    api = await signedInClient(world.app);
  });
  afterAll(() => world?.close());

  it('bad values are refused with a 400 naming the field, and nothing is stored', async () => {
    for (const bad of [{ handlingTimeDays: 101 }, { handlingTimeDays: 1.5 }, { shippingGroupId: 0 }]) {
      const res = await api('PATCH', `/api/accounts/${world.account.id}`, {
        settings: { storefrontShipping: { at: bad } },
      });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(JSON.stringify(res.json)).toContain('storefrontShipping');
    }
    const account = await api('GET', `/api/accounts/${world.account.id}`);
    expect(account.json.account.settings.storefrontShipping).toEqual({});
  });

  it('one storefront’s own values start from the account’s; the other storefront keeps the account’s', async () => {
    const patched = await api('PATCH', `/api/accounts/${world.account.id}`, {
      settings: { storefrontShipping: { at: { handlingTimeDays: 5 } } },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.account.settings.storefrontShipping).toEqual({
      at: { handlingTimeDays: 5, shippingGroupId: 11 },
    });
    expect(patched.json.account.settings).toMatchObject({ handlingTimeDays: 2, shippingGroupId: 11 });
  });

  it('new offers announce each storefront’s handling time and shipping group', async () => {
    await api('PATCH', `/api/accounts/${world.account.id}`, {
      settings: { storefrontShipping: { at: { shippingGroupId: 23 } } },
    });
    const outcome = await world.run('stock');
    expect(outcome.status).toBe('succeeded');
    expect(unit('de')).toMatchObject({ handling_time: 2, id_shipping_group: 11 });
    expect(unit('at')).toMatchObject({ handling_time: 5, id_shipping_group: 23 });
  });

  it('changing one storefront’s handling time updates only that storefront’s offer', async () => {
    await api('PATCH', `/api/accounts/${world.account.id}`, {
      settings: { storefrontShipping: { at: { handlingTimeDays: 7 } } },
    });
    await world.run('stock');
    expect(unit('at')?.handling_time).toBe(7);
    expect(unit('de')?.handling_time).toBe(2);
    // Dropping the storefront's own values brings the account's back.
    await api('PATCH', `/api/accounts/${world.account.id}`, {
      settings: { storefrontShipping: { at: null } },
    });
    await world.run('stock');
    expect(unit('at')?.handling_time).toBe(2);
  });
});
