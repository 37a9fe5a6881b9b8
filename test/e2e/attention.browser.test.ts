import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot, signUpInBrowser } from '../helpers/browser-session.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * Issue 12, "the seller always knows what needs them", in a browser on the real pages: the keys are regenerated
 * in the Kaufland sandbox (its control API), the next run is refused, and the Overview says so — counted, on top,
 * with "Update keys" leading straight to the key form — until new keys are saved. Steps build on each other.
 */

const ACCOUNT = 'Test Store';

let world: SyncWorld;
let browser: Browser;
let page: Page;
let rotated: { client_key: string; secret_key: string };

const nav = (name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

describe('Attention in the browser: regenerated keys are an open issue with the fix one click away', () => {
  beforeAll(async () => {
    [world, { browser, page }] = await Promise.all([
      startSyncWorld({ products: [{ sku: 'A-1', name: 'Anything', ean: '4006381333931', qty: 5 }] }),
      launchBrowser(15_000),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('keys rotated on Kaufland: Overview counts the issue, shows it first, never "Nothing needs you"', async () => {
    await signUpInBrowser(page, world.app.url);
    // "Generate new API keys" in the Seller Portal, through the sandbox's control API.
    const response = await fetch(
      `${world.kaufland.origin}/_sandbox/sellers/${world.keys.client_key}/rotate-keys`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
    );
    expect(response.status).toBeLessThan(300);
    rotated = ((await response.json()) as { data: typeof rotated }).data;
    expect((await world.run('orders')).status).toBe('paused');

    await nav('Overview').click();
    const attention = page.getByRole('region', { name: 'This needs you' });
    await attention.getByText('Marketplace keys refused').waitFor();
    const tile = page
      .getByRole('list', { name: 'Summary' })
      .getByRole('listitem')
      .filter({ hasText: 'Open issues' });
    const tileText = (await tile.textContent()) ?? '';
    expect(Number(/Open issues\s*(\d+)/.exec(tileText)?.[1])).toBeGreaterThanOrEqual(1);
    expect(tileText).toContain('1 stops syncing');
    expect(await page.getByText('Nothing needs you').count()).toBe(0);
    // The account's own sentence links to the fix too, and its paused run says why, not "nothing to do".
    const card = page.getByRole('region', { name: ACCOUNT });
    await card.getByRole('link', { name: 'update them here' }).waitFor();
    expect(await card.getByRole('row', { name: /Orders/ }).textContent()).not.toContain('nothing to do');
    await saveScreenshot(page, 'attention-overview.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'attention-overview-phone.png');
    // Every page is reachable on a phone: behind the menu button, each nav link inside the window, none cut off.
    const mainNav = page.getByRole('navigation', { name: 'Main' });
    await mainNav.getByRole('button', { name: 'Menu' }).click();
    for (const link of await mainNav.getByRole('link').all()) {
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The Issues page lists it first, in words, without codes.
    await nav('Issues').click();
    const first = page.locator('.issue-list > li').first();
    await first.getByText('Marketplace keys refused').waitFor();
    expect(await page.locator('.issue-list').textContent()).not.toContain('account.credentials_invalid');
    await saveScreenshot(page, 'attention-issues.png', { fullPage: false });
    // At 1280 px the whole header fits: "Sign out" is not cut off.
    const signOut = (await page.getByRole('button', { name: 'Sign out' }).boundingBox())!;
    expect(signOut.x + signOut.width).toBeLessThanOrEqual(1280);
  });

  it('"Update keys" opens the account\'s key form; new keys clear the issue', async () => {
    await nav('Overview').click();
    await page
      .getByRole('region', { name: 'This needs you' })
      .getByRole('link', { name: 'Update keys' })
      .click();
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: `Update keys for ${ACCOUNT}` });
    // The form is open and its first field has the cursor: the fix is one paste away.
    await form.waitFor();
    expect(
      await form
        .locator('input')
        .first()
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await form.getByLabel('Client ID').fill(rotated.client_key);
    await form.getByLabel('New Client Secret').fill(rotated.secret_key);
    await form.getByRole('button', { name: 'Save new keys' }).click();
    await page.getByText('New keys saved: the account is connected again.').waitFor();

    await nav('Overview').click();
    await page.getByRole('list', { name: 'Summary' }).waitFor();
    await page.getByRole('region', { name: ACCOUNT }).getByText('Connected', { exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'This needs you' }).count()).toBe(0);
    expect(await page.content()).not.toContain(rotated.secret_key);
  });

  it('Admins: the alert recipients are set in the UI; without SMTP the page says mail cannot go out yet', async () => {
    await nav('Admins').click();
    const card = page.getByRole('form', { name: 'E-mail' });
    await card.getByText('No e-mail can be sent yet').waitFor();
    await card.getByLabel('Send alerts to').fill('seller@shop.example, not-an-address');
    await card.getByRole('button', { name: 'Save e-mail settings' }).click();
    await card.getByText(/e-mail address/).waitFor();
    await card.getByLabel('Send alerts to').fill('seller@shop.example, ops@shop.example');
    await card.getByRole('button', { name: 'Save e-mail settings' }).click();
    await card.getByText('Saved.').waitFor();
    expect(await card.getByLabel('Send alerts to').inputValue()).toBe(
      'seller@shop.example, ops@shop.example',
    );
    await saveScreenshot(page, 'admins-alerts.png', { fullPage: false });
  });
});
