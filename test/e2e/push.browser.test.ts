import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot, signUpInBrowser } from '../helpers/browser-session.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * Issue 13 in the browser: the ERP page's consent switch installs the automation rules in the Odoo sandbox
 * and says the ERP now pushes; the account card says Kaufland push is off and what turns it on.
 */
describe('push on the ERP page and the account card', () => {
  let world: SyncWorld;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [world, { browser, page }] = await Promise.all([
      // Nothing calls back in this test: the address only has to be valid.
      startSyncWorld({ env: { ADLERDO_PUBLIC_URL: 'https://adlerdo.example.com' } }),
      launchBrowser(10_000),
    ]);
    const module = world.odoo.instance.store
      .all('ir.module.module')
      .find((m) => m.name === 'base_automation');
    if (module) module.state = 'installed';
    await signUpInBrowser(page, world.app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('the consent switch installs the rules and the page says the ERP pushes', async () => {
    await page.goto(`${world.app.url}/erp`);
    const panel = page.getByTestId('erp-push');
    await panel.getByText('Off: stock, deliveries and cancellations are polled.').waitFor();
    await panel.getByLabel('Let AdlerDo install automation rules in the ERP that call it on changes').click();
    await panel
      .getByText(/^On: the ERP reports stock, deliveries and cancellations within seconds \(3/)
      .waitFor();
    expect(world.odoo.instance.store.all('base.automation')).toHaveLength(3);
    await saveScreenshot(page, 'push-erp.png', { animations: 'disabled' });
    await panel.getByLabel('Let AdlerDo install automation rules in the ERP that call it on changes').click();
    await panel.getByText('Off: stock, deliveries and cancellations are polled.').waitFor();
    expect(world.odoo.instance.store.all('base.automation')).toEqual([]);
  });

  it('the account card says Kaufland push is off and what turns it on', async () => {
    await page.goto(`${world.app.url}/accounts`);
    const line = page.getByTestId('account-push');
    await line.getByText(/off: orders are polled/).waitFor();
    expect(await line.textContent()).toMatch(/Add a fallback e-mail/);
  });
});
