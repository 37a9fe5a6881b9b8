import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot, signUpInBrowser } from '../helpers/browser-session.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * Issue 12 point 4, "settings that can't be misread", in a browser on the real pages: Update keys asks for both
 * keys; the storefront choice is "All storefronts" or picked ones, each saying what it does; removing an account
 * says its offers stay live and, asked to, sets their amounts to 0 on Kaufland first.
 */

const ACCOUNT = 'Test Store';
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

const card = () => page.getByRole('heading', { name: ACCOUNT, exact: true }).locator('xpath=ancestor::li[1]');

describe('Account settings that cannot be misread', () => {
  beforeAll(async () => {
    [world, { browser, page }] = await Promise.all([
      startSyncWorld({ products: [{ sku: 'A-1', name: 'Tea pot', ean: '4006381333931', qty: 5 }] }),
      launchBrowser(15_000),
    ]);
    await world.listOnKaufland([
      { sku: 'A-1', ean: '4006381333931', amount: 5 },
      { sku: 'A-2', ean: '4006381333948', amount: 7 },
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('Update keys asks for the new Client ID and the new Client Secret, both required', async () => {
    await signUpInBrowser(page, world.app.url);
    await card().getByRole('button', { name: 'Update keys' }).click();
    const form = page.getByRole('form', { name: `Update keys for ${ACCOUNT}` });
    await form.getByLabel('New Client Secret').fill('e'.repeat(64));
    await form.getByRole('button', { name: 'Save new keys' }).click();
    await form.getByText('Enter the new Client ID: Kaufland replaces it together with the secret.').waitFor();
    expect(await form.getByText('Leave empty to keep').count()).toBe(0);
    expect(await form.getByText('(optional)').count()).toBe(0);
    await bothSizes('account-update-keys');
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('storefronts to sync: an explicit "All storefronts" or picked ones, each saying what it does', async () => {
    await card().getByRole('button', { name: 'Settings' }).click();
    const all = page.getByLabel('All storefronts');
    expect(await all.isChecked()).toBe(true);
    expect(await page.getByText('None checked').count()).toBe(0);
    await page.getByText('also ones Kaufland adds to it later').waitFor();
    await page.getByLabel('Only the storefronts checked below').check();
    await page.getByText('their offers are not updated and their orders not imported').waitFor();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Check at least one storefront, or choose “All storefronts”.').waitFor();
    await page.getByLabel('Germany (de)').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect((await world.app.ctx.accounts.get(world.account.id)).settings.storefronts).toEqual(['de']);
    await page.getByText('Storefronts to sync').scrollIntoViewIfNeeded();
    await bothSizes('account-storefronts');
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('Remove says the offers stay live; "set amounts to 0 first" zeroes them on Kaufland, then removes', async () => {
    const amounts = () =>
      world.kaufland
        .state()
        .units.filter((u) => u.client_key === world.keys.client_key)
        .map((u) => u.amount);
    expect(amounts()).toEqual([5, 7]);
    await card().getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText('Its offers on Kaufland stay live at their last stock and are no longer updated')
      .waitFor();
    const zero = dialog.getByLabel('Set the amounts of its offers to 0 on Kaufland first');
    expect(await zero.isChecked()).toBe(true);
    await bothSizes('account-remove-dialog');
    await dialog.getByRole('button', { name: 'Remove account' }).click();
    await expect.poll(() => page.getByRole('heading', { name: ACCOUNT, exact: true }).count()).toBe(0);
    expect(amounts()).toEqual([0, 0]);
    expect(await world.app.ctx.accounts.list()).toEqual([]);
  });
});
