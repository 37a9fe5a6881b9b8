import { randomBytes } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKauflandSandbox, type KauflandSandbox } from '../../src/sandbox/kaufland/index.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import {
  launchBrowser,
  PASSWORD,
  saveScreenshot,
  signInInBrowser,
  signUpInBrowser,
} from '../helpers/browser-session.ts';

/**
 * The guide "Connect Kaufland Global Marketplace API", done by a browser on the real page against the real server
 * and the Kaufland sandbox. The steps build on each other (one admin, one shop), so they run in order.
 */

const ACCOUNT_NAME = 'My Kaufland Store';

interface SellerKeys {
  client_key: string;
  secret_key: string;
}

let app: TestApp;
let sandbox: KauflandSandbox;
let browser: Browser;
let page: Page;
let seller: SellerKeys;
/** Every secret the test typed: none may ever show up in the page or the logs. */
const typedSecrets: string[] = [];

async function sandboxControl(route: string, body: unknown = {}): Promise<SellerKeys> {
  const response = await fetch(`${sandbox.origin}/_sandbox${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  // The control API answers like Kaufland's own API: `{ data: … }`.
  return ((await response.json()) as { data: SellerKeys }).data;
}

const addForm = () => page.getByRole('form', { name: 'Add New Account' });
const accountCards = () => page.locator('.account-list > li');
const card = (name: string) =>
  accountCards().filter({ has: page.getByRole('heading', { name, exact: true }) });

async function fillAddForm(input: {
  name: string;
  clientId: string;
  clientSecret: string;
  baseUrl?: string;
}): Promise<void> {
  const form = addForm();
  await form.getByLabel('Select account type').selectOption('kaufland');
  await form.getByLabel('Account Name').fill(input.name);
  await form.getByLabel('Client ID', { exact: true }).fill(input.clientId);
  await form.getByLabel('Client Secret', { exact: true }).fill(input.clientSecret);
  typedSecrets.push(input.clientSecret);
  const baseUrl = form.getByLabel('API base URL');
  if (!(await baseUrl.isVisible())) await form.getByText('Advanced', { exact: true }).click();
  await baseUrl.fill(input.baseUrl ?? sandbox.baseUrl);
}

async function expectNoSecretInPage(): Promise<void> {
  const html = await page.content();
  for (const secret of typedSecrets) expect(html).not.toContain(secret);
}

async function text(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

async function screenshot(name: string): Promise<void> {
  await saveScreenshot(page, name);
}

describe('Accounts page: connecting Kaufland as the guide describes', () => {
  beforeAll(async () => {
    [app, sandbox, { browser, page }] = await Promise.all([
      startTestApp(),
      startKauflandSandbox({ port: 0 }),
      launchBrowser(10_000),
    ]);
    seller = await sandboxControl('/sellers', { storefronts: ['de', 'cz'] });
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    await app?.close();
  });

  it('first start: creates the administrator and lands on Accounts', async () => {
    await signUpInBrowser(page, app.url, () => screenshot('setup.png'));
    expect(new URL(page.url()).pathname).toBe('/accounts');
    expect(
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Accounts' })
        .getAttribute('aria-current'),
    ).toBe('page');
    await page.getByText('No accounts connected yet.').waitFor();
  });

  it('Steps 1–4: adds the account, shows progress, lists it as Connected with masked Client ID and storefronts', async () => {
    // Hold the request briefly so the button's progress state can be seen.
    await page.route('**/api/accounts', async (route) => {
      if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await fillAddForm({ name: ACCOUNT_NAME, clientId: seller.client_key, clientSecret: seller.secret_key });
    const secretInput = addForm().getByLabel('Client Secret', { exact: true });
    expect(await secretInput.getAttribute('type')).toBe('password');
    expect(await secretInput.getAttribute('autocomplete')).toBe('off');

    await addForm().getByRole('button', { name: 'Add New Account' }).click();
    const busy = addForm().getByRole('button', { name: 'Connecting…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);

    const account = card(ACCOUNT_NAME);
    await account.waitFor();
    await page.unroute('**/api/accounts');
    await addForm().getByText(`“${ACCOUNT_NAME}” is connected.`).waitFor();
    const shown = await text(account);
    expect(shown).toContain('Kaufland');
    expect(shown).toContain('Connected');
    expect(shown).toContain(`••••${seller.client_key.slice(-4)}`);
    expect(shown).not.toContain(seller.client_key);
    expect(await account.getByRole('listitem').allTextContents()).toEqual(['DE', 'CZ']);
    expect(shown).toMatch(/Last verified\s*just now/);
    // The form is empty again, ready for the next account.
    expect(await addForm().getByLabel('Account Name').inputValue()).toBe('');
    expect(await addForm().getByLabel('Client ID', { exact: true }).inputValue()).toBe('');
    expect(await addForm().getByLabel('Client Secret', { exact: true }).inputValue()).toBe('');
    await expectNoSecretInPage();
    await screenshot('accounts-connected.png');
  });

  it('a malformed or wrong secret is refused, the secret is cleared, the other fields stay, nothing is added', async () => {
    const form = addForm();
    await fillAddForm({
      name: 'Kaufland DE Account',
      clientId: seller.client_key,
      clientSecret: 'not-a-key',
    });
    await form.getByRole('button', { name: 'Add New Account' }).click();
    const secretInput = form.getByLabel('Client Secret', { exact: true });
    await form.getByText('The Client Secret should be the 64-character key').waitFor();
    expect(await secretInput.getAttribute('aria-invalid')).toBe('true');
    expect(await secretInput.inputValue()).toBe('');

    const wrongSecret = randomBytes(32).toString('hex');
    await secretInput.fill(wrongSecret);
    typedSecrets.push(wrongSecret);
    await form.getByRole('button', { name: 'Add New Account' }).click();
    const alert = form.getByRole('alert');
    await alert.getByText('Kaufland rejected these keys').waitFor();
    await screenshot('accounts-keys-rejected.png');
    expect(await secretInput.inputValue()).toBe('');
    expect(await form.getByLabel('Account Name').inputValue()).toBe('Kaufland DE Account');
    expect(await form.getByLabel('Client ID', { exact: true }).inputValue()).toBe(seller.client_key);
    expect(await accountCards().count()).toBe(1);
    await expectNoSecretInPage();
  });

  it('a name already in use gets a message under Account Name', async () => {
    const form = addForm();
    await fillAddForm({
      name: ACCOUNT_NAME.toUpperCase(),
      clientId: seller.client_key,
      clientSecret: seller.secret_key,
    });
    await form.getByRole('button', { name: 'Add New Account' }).click();
    const message = form.getByText('This name is already used by another account.');
    await message.waitFor();
    const nameInput = form.getByLabel('Account Name');
    expect(await nameInput.getAttribute('aria-invalid')).toBe('true');
    expect(await nameInput.getAttribute('aria-describedby')).toContain(await message.getAttribute('id'));
    expect(await form.getByLabel('Client Secret', { exact: true }).inputValue()).toBe('');
    expect(await accountCards().count()).toBe(1);
    await expectNoSecretInPage();
  });

  it('keys regenerated in the Seller Portal: Verify shows Credentials invalid, Update keys reconnects', async () => {
    const rotated = await sandboxControl(`/sellers/${seller.client_key}/rotate-keys`);
    const account = card(ACCOUNT_NAME);
    await account.getByRole('button', { name: 'Verify' }).click();
    await account.getByText('Credentials invalid', { exact: true }).waitFor();
    expect(await text(account)).toContain(
      'Credentials invalid — the API keys may have been regenerated in the Seller Portal; update them here.',
    );
    const updateKeys = account.getByRole('button', { name: 'Update keys' });
    expect(await updateKeys.getAttribute('class')).toContain('btn-primary');
    await screenshot('accounts-credentials-invalid.png');

    await updateKeys.click();
    const keysForm = account.getByRole('form', { name: `Update keys for ${ACCOUNT_NAME}` });
    await keysForm.getByLabel('Client ID').fill(rotated.client_key);
    await keysForm.getByLabel('New Client Secret').fill(rotated.secret_key);
    typedSecrets.push(rotated.secret_key);
    await keysForm.getByRole('button', { name: 'Save new keys' }).click();

    await account.getByText('New keys saved: the account is connected again.').waitFor();
    const shown = await text(account);
    expect(shown).toContain('Connected');
    expect(shown).not.toContain('Credentials invalid');
    expect(shown).toContain(`••••${rotated.client_key.slice(-4)}`);
    expect(await keysForm.count()).toBe(0);
    await expectNoSecretInPage();
  });

  it('settings are saved through the API and shown on the card', async () => {
    const account = card(ACCOUNT_NAME);
    await account.getByRole('button', { name: 'Settings' }).click();
    const settings = account.getByRole('form', { name: `Settings for ${ACCOUNT_NAME}` });
    await settings.getByLabel('Product & stock sync').check();
    await settings.getByLabel('Only the storefronts checked below').check();
    await settings.getByLabel('Czechia (cz)').check();
    await settings.getByLabel('Safety buffer (units)').fill('2');
    await settings.getByLabel(/Share of the sellable quantity/).fill('50');
    // After the sale: invoicing by AdlerDo on, returns answered by the seller, credit notes left as drafts.
    await settings.getByLabel('Create the invoice in Odoo when the order has shipped').check();
    await settings.getByLabel('Accept returns once they are booked back in Odoo').uncheck();
    await settings.getByLabel('Post the credit notes for returns and refunds').uncheck();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByText('Settings saved.').waitFor();
    await screenshot('accounts-settings.png');
    const [saved] = await app.ctx.accounts.list();
    expect(saved?.settings).toMatchObject({
      productStockSync: true,
      storefronts: ['cz'],
      safetyBuffer: 2,
      allocationPercent: 50,
      allocationMax: null,
      invoiceOnShipment: true,
      autoAcceptReturns: false,
      postCreditNotes: false,
    });

    await settings.getByRole('button', { name: 'Close' }).click();
    expect(await text(account)).toContain('Syncing CZ only');
  });

  it('a storefront gets its own price rule in its currency; the others keep the account’s', async () => {
    const account = card(ACCOUNT_NAME);
    await account.getByRole('button', { name: 'Settings' }).click();
    const settings = account.getByRole('form', { name: `Settings for ${ACCOUNT_NAME}` });
    await settings.getByLabel('Own price rule for CZ, in CZK').check();
    await settings.getByLabel('Minimum (CZK)').fill('49,00');
    await settings.getByLabel('Surcharge (CZK)').fill('10');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByText('Settings saved.').waitFor();
    await screenshot('accounts-storefront-price-rule.png');
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await settings.getByLabel('Minimum (CZK)').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'accounts-storefront-price-rule-phone.png', { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });
    const [saved] = await app.ctx.accounts.list();
    expect(saved?.settings.storefrontPriceRules).toEqual({
      cz: { factor: 1, surchargeMinor: 1000, rounding: 'none', minimumMinor: 4900 },
    });
    expect(saved?.settings.storefrontPriceRules.de).toBeUndefined();
    await settings.getByRole('button', { name: 'Close' }).click();
  });

  it('an unreachable API gets its own message, and nothing is added', async () => {
    const form = addForm();
    // Port 1 refuses connections at once: the same answer as a wrong host or a network outage.
    const secret = randomBytes(32).toString('hex');
    await fillAddForm({
      name: 'Kaufland DE Account',
      clientId: seller.client_key,
      clientSecret: secret,
      baseUrl: 'http://127.0.0.1:1/v2',
    });
    await form.getByRole('button', { name: 'Add New Account' }).click();
    const alert = form.getByRole('alert');
    await alert.getByText('Not connected: the marketplace could not be reached').waitFor({ timeout: 20_000 });
    expect(await text(alert)).toContain('could not be reached');
    expect(await alert.getAttribute('class')).toContain('alert-warning');
    expect(await form.getByLabel('Client Secret', { exact: true }).inputValue()).toBe('');
    expect(await accountCards().count()).toBe(1);
  });

  it('sign out, a wrong password, sign in; a lost session goes back to sign-in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    await signInInBrowser(page, 'wrong password!');
    await page.getByRole('alert').getByText('Wrong username or password.').waitFor();
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    await screenshot('login.png');
    await signInInBrowser(page, PASSWORD);
    await card(ACCOUNT_NAME).waitFor();

    await page.context().clearCookies();
    await card(ACCOUNT_NAME).getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Your session has ended. Sign in again.').waitFor();
    await signInInBrowser(page, PASSWORD);
    await card(ACCOUNT_NAME).waitFor();
  });

  it('works at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await card(ACCOUNT_NAME).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot('accounts-phone.png');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('Remove asks first, then removes the account', async () => {
    await card(ACCOUNT_NAME).getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog', { name: `Remove “${ACCOUNT_NAME}”?` });
    await dialog.waitFor();
    await saveScreenshot(page, 'accounts-remove-dialog.png', { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await card(ACCOUNT_NAME).count()).toBe(1);

    await card(ACCOUNT_NAME).getByRole('button', { name: 'Remove' }).click();
    await dialog.getByRole('button', { name: 'Remove account' }).click();
    await page.getByText('No accounts connected yet.').waitFor();
    expect(await app.ctx.accounts.list()).toEqual([]);
    await expectNoSecretInPage();
    for (const secret of typedSecrets) expect(app.logs()).not.toContain(secret);
  });
});
