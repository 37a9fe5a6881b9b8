import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot, signUpInBrowser } from '../helpers/browser-session.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * Issue 12 point 3 in a browser on the real pages: a DPD delivery in Odoo with no mapping waits as
 * "Map carrier …", whose link opens the Carriers page; the carrier is picked from Kaufland's list, saved, and the
 * next run confirms the shipment with it. The default carrier is a choice from the same list.
 */

let world: SyncWorld;
let browser: Browser;
let page: Page;

async function bothSizes(name: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await saveScreenshot(page, `${name}.png`);
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, `${name}-phone.png`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('Carriers in the browser: picked from Kaufland’s list, checked on save, used by the next shipment', () => {
  beforeAll(async () => {
    [world, { browser, page }] = await Promise.all([
      startSyncWorld({ products: [{ sku: 'A-1', name: 'Tea pot', ean: '4006381333931', qty: 5 }] }),
      launchBrowser(15_000),
    ]);
    await world.listOnKaufland([{ sku: 'A-1', ean: '4006381333931', amount: 5 }]);
  });

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('an unmapped Odoo carrier is an issue whose link leads to the mapping; mapped, the shipment goes out', async () => {
    await signUpInBrowser(page, world.app.url);
    const order = world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'A-1', quantity: 1 }],
    });
    expect((await world.run('orders')).status).toBe('succeeded');
    world.odoo.ship({ client_order_ref: order.id_order, carrier: 'DPD Paket', tracking_ref: 'DPD-7' });
    await world.run('shipments');
    expect(world.kaufland.state().shipments).toEqual([]);

    await page.goto(`${world.app.url}/issues`);
    await page.getByRole('link', { name: 'Map carrier DPD Paket' }).click();
    await page.getByRole('heading', { name: 'Carriers', level: 1 }).waitFor();
    const dpd = page.getByLabel('DPD Paket', { exact: true });
    await expect.poll(() => dpd.isEnabled()).toBe(true);
    expect(await dpd.inputValue()).toBe('');
    const choices = await dpd.locator('option').allTextContents();
    expect(choices).toEqual(expect.arrayContaining(['DPD', 'GLS', 'DHL', 'Hermes']));
    await dpd.selectOption('DPD');
    await page.getByRole('button', { name: 'Save carriers' }).click();
    await page.getByText('Carriers saved.').waitFor();
    await bothSizes('carriers');

    expect((await world.run('shipments')).status).toBe('succeeded');
    expect(world.kaufland.state().shipments).toEqual([
      expect.objectContaining({ carrier_code: 'DPD', tracking_numbers: ['DPD-7'] }),
    ]);
    await page.goto(`${world.app.url}/issues`);
    await page.getByRole('heading', { name: 'Issues', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Map carrier DPD Paket' }).count()).toBe(0);
  });

  it('the default carrier is a choice from Kaufland’s list, saved as chosen', async () => {
    await page.goto(`${world.app.url}/accounts`);
    await page.getByRole('button', { name: 'Settings' }).first().click();
    const select = page.getByLabel('Default carrier');
    await expect.poll(() => select.isEnabled()).toBe(true);
    expect(await select.evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await select.inputValue()).toBe('DHL');
    await select.selectOption('GLS');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await bothSizes('account-default-carrier');
    const stored = await world.app.ctx.accounts.get(world.account.id);
    expect(stored.settings.defaultCarrier).toBe('GLS');
  });
});
