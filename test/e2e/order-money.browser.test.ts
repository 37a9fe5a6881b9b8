import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot, signUpInBrowser } from '../helpers/browser-session.ts';
import { excludedTaxOn } from '../helpers/order-flows.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/** The order page of a kaufland.cz order booked in Odoo in CZK with a 19 % excluded tax swapped for an included one. */
describe('order page: money in the order currency, the ERP total next to the buyer total', () => {
  let world: SyncWorld;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    world = await startSyncWorld({
      products: [{ sku: 'CZ-BAG', ean: '4006381333931', name: 'Daypack', price: 57.49, qty: 10 }],
      storefronts: ['de', 'cz'],
    });
    await excludedTaxOn(world, 'CZ-BAG');
    const odoo = await world.odooClient();
    const czk = await odoo.search('res.currency', [['name', '=', 'CZK']], {
      context: { active_test: false },
    });
    await odoo.write('res.currency', czk, { active: true });
    await world.kauflandClient.units.create('cz', {
      id_offer: 'CZ-BAG',
      ean: '4006381333931',
      listing_price: 144900,
      amount: 10,
      handling_time: 1,
      condition: 'NEW',
    });
    ({ browser, page } = await launchBrowser(20_000));
    await signUpInBrowser(page, world.app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('shows CZK amounts, the Odoo total matching and the tax correction on the timeline', async () => {
    const order = world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'cz',
      items: [{ id_offer: 'CZ-BAG', quantity: 1, shipping_rate: 9900 }],
    });
    expect((await world.run('orders')).status).toBe('succeeded');
    const hub = await world.app.ctx.db
      .selectFrom('hub_orders')
      .select('id')
      .where('marketplace_order_id', '=', order.id_order)
      .executeTakeFirstOrThrow();
    await page.goto(`${world.app.url}/orders/${hub.id}`);
    const facts = page.locator('dl.facts');
    await facts.getByText('Total in the ERP').waitFor();
    const text = await facts.innerText();
    expect(text).toMatch(/CZK\s?1,548\.00/);
    expect(text).toContain('matches');
    await page.getByText('Tax correction').waitFor();
    await saveScreenshot(page, 'order-money-czk.png');
  });
});
