import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OdooSandbox } from '../../src/sandbox/odoo/index.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, MAIN_NAV, saveScreenshot, signUpInBrowser } from '../helpers/browser-session.ts';
import { addUserWithoutStockRights, newOdooKey, replaceOdooKey, startOdoo } from '../helpers/odoo-sandbox.ts';

/**
 * Connecting Odoo on the ERP page, done by a browser against the real server and the Odoo sandbox. The steps
 * build on each other (one admin, one ERP), so they run in order.
 */

let app: TestApp;
let odoo: OdooSandbox;
let browser: Browser;
let page: Page;
/** Every key the test typed: none may ever show up in the page or the logs. */
const typedKeys: string[] = [];

const connectForm = () => page.getByRole('form', { name: 'Connect Your ERP' });
const erpCard = () => page.getByRole('article', { name: 'Odoo' });
const settingsForm = () => page.getByRole('form', { name: 'Sync Settings' });

async function fillConnectForm(input: { database: string; apiKey: string; login?: string }): Promise<void> {
  const form = connectForm();
  await form.getByLabel('ERP', { exact: true }).selectOption('odoo');
  await form.getByLabel('URL', { exact: true }).fill(odoo.url);
  await form.getByLabel('Database', { exact: true }).fill(input.database);
  await form.getByLabel('Login', { exact: true }).fill(input.login ?? odoo.login);
  await form.getByLabel('API key', { exact: true }).fill(input.apiKey);
  typedKeys.push(input.apiKey);
}

async function expectNoKeyInPage(): Promise<void> {
  const html = await page.content();
  for (const key of typedKeys) expect(html).not.toContain(key);
}

async function text(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

async function screenshot(name: string): Promise<void> {
  // Finished transitions: a button that just turned primary is not caught half-way.
  await saveScreenshot(page, name, { animations: 'disabled' });
}

describe('ERP page: connecting Odoo', () => {
  beforeAll(async () => {
    [app, odoo, { browser, page }] = await Promise.all([
      startTestApp(),
      startOdoo(17),
      launchBrowser(10_000),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await odoo?.close();
    await app?.close();
  });

  it('first start, then ERP in the navigation opens the connect form', async () => {
    await signUpInBrowser(page, app.url);

    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(MAIN_NAV);
    await nav.getByRole('link', { name: 'ERP' }).click();
    await page.getByRole('heading', { name: 'ERP', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/erp');
    expect(await nav.getByRole('link', { name: 'ERP' }).getAttribute('aria-current')).toBe('page');
    expect(await page.title()).toBe('ERP · AdlerDo');
    const key = connectForm().getByLabel('API key', { exact: true });
    expect(await key.getAttribute('type')).toBe('password');
    expect(await key.getAttribute('autocomplete')).toBe('off');
    expect(await connectForm().getByLabel('ERP', { exact: true }).inputValue()).toBe('odoo');
  });

  it('an empty key gets a message under the field', async () => {
    await connectForm().getByRole('button', { name: 'Connect' }).click();
    const key = connectForm().getByLabel('API key', { exact: true });
    await connectForm().getByText('Enter the API key (or password) of the ERP user.').waitFor();
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    await connectForm().getByText('Enter the ERP address as an http(s) URL').waitFor();
  });

  it('a wrong key: progress, then its own message; the key is cleared, the rest kept, nothing stored', async () => {
    // Hold the request briefly so the button's progress state can be seen.
    await page.route('**/api/erp', async (route) => {
      if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await fillConnectForm({ database: odoo.database, apiKey: newOdooKey() });
    const form = connectForm();
    await form.getByRole('button', { name: 'Connect' }).click();
    const busy = form.getByRole('button', { name: 'Connecting…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);

    const alert = form.getByRole('alert');
    await alert.getByText('Not connected: Odoo refused the sign-in').waitFor();
    await page.unroute('**/api/erp');
    const said = await text(alert);
    expect(said).toContain('Odoo refused the login or API key.');
    expect(said).toContain('Preferences → Account Security → New API Key');
    expect(await form.getByLabel('API key', { exact: true }).inputValue()).toBe('');
    expect(await form.getByLabel('URL', { exact: true }).inputValue()).toBe(odoo.url);
    expect(await form.getByLabel('Database', { exact: true }).inputValue()).toBe(odoo.database);
    expect(await form.getByLabel('Login', { exact: true }).inputValue()).toBe(odoo.login);
    expect(await app.ctx.erp.get()).toBeNull();
    await expectNoKeyInPage();
    await screenshot('erp-wrong-key.png');
  });

  it('an unknown database gets its own message', async () => {
    await fillConnectForm({ database: 'odoo17-typo', apiKey: odoo.apiKey });
    await connectForm().getByRole('button', { name: 'Connect' }).click();
    const alert = connectForm().getByRole('alert');
    await alert.getByText('Not connected: no such database').waitFor();
    expect(await text(alert)).toContain('That database does not exist on this Odoo server');
    expect(await connectForm().getByLabel('API key', { exact: true }).inputValue()).toBe('');
    expect(await app.ctx.erp.get()).toBeNull();
    await expectNoKeyInPage();
  });

  it('a user without stock rights is told which model and what to do', async () => {
    const key = addUserWithoutStockRights(odoo, 'shop-api');
    await fillConnectForm({ database: odoo.database, apiKey: key, login: 'shop-api' });
    await connectForm().getByRole('button', { name: 'Connect' }).click();
    const alert = connectForm().getByRole('alert');
    await alert.getByText('Not connected: the Odoo user lacks access rights').waitFor();
    const said = await text(alert);
    expect(said).toContain('lacks rights on stock.warehouse');
    expect(said).toContain('give this user Inventory and Sales rights');
    await screenshot('erp-access-denied.png');
    expect(await app.ctx.erp.get()).toBeNull();
  });

  it('the right key connects: the card shows version, transport, warehouse and carriers, the key masked', async () => {
    await fillConnectForm({ database: odoo.database, apiKey: odoo.apiKey });
    await connectForm().getByRole('button', { name: 'Connect' }).click();
    const card = erpCard();
    await card.waitFor();
    await card.getByText('Connected: signed in and found 1 warehouse and 1 carrier.').waitFor();
    const shown = await text(card);
    expect(shown).toContain('Odoo 17.0 over JSON-RPC');
    expect(shown).toContain('Connected');
    expect(shown).toContain(odoo.url);
    expect(shown).toContain('odoo17');
    expect(shown).toContain(`••••${odoo.apiKey.slice(-4)}`);
    expect(shown).toMatch(/Last verified\s*just now/);
    expect(
      await card.getByRole('list', { name: 'Warehouses' }).getByRole('listitem').allTextContents(),
    ).toEqual(['WH']);
    expect(
      await card.getByRole('list', { name: 'Carriers' }).getByRole('listitem').allTextContents(),
    ).toEqual(['Standard delivery']);
    expect(await connectForm().count()).toBe(0);
    await expectNoKeyInPage();
    await screenshot('erp-connected.png');
  });

  it('settings: a bad buffer and no product type are refused, good values are saved', async () => {
    const form = settingsForm();
    expect(await form.getByLabel('Warehouse').inputValue()).toBe('1');
    const buffer = form.getByLabel('Safety buffer (units)');
    await buffer.fill('two');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByText('Enter a whole number of units, e.g. 2.').waitFor();
    expect(await buffer.getAttribute('aria-invalid')).toBe('true');

    await buffer.fill('2');
    await form.getByLabel('Storable products').uncheck();
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByText('Choose at least one product type.').waitFor();

    await form.getByLabel('Storable products').check();
    await form.getByLabel('Consumables').check();
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByText('Settings saved.').waitFor();
    expect((await app.ctx.erp.get())?.settings).toEqual({
      warehouseId: '1',
      stockLocationIds: null,
      safetyBuffer: 2,
      productTypes: ['storable', 'consumable'],
    });
    await screenshot('erp-settings.png');
  });

  it('Verify; a key deleted in Odoo shows "Credentials invalid" until a new key is saved', async () => {
    const card = erpCard();
    await card.getByRole('button', { name: 'Verify' }).click();
    await card.getByText('Verified: Odoo accepted the key.').waitFor();

    const newKey = replaceOdooKey(odoo);
    await card.getByRole('button', { name: 'Verify' }).click();
    await card.getByText('Credentials invalid', { exact: true }).waitFor();
    expect(await text(card)).toContain('the ERP refused the API key; enter a valid key here.');
    const updateKey = card.getByRole('button', { name: 'Update key' });
    expect(await updateKey.getAttribute('class')).toContain('btn-primary');
    await screenshot('erp-credentials-invalid.png');

    await updateKey.click();
    const keyForm = card.getByRole('form', { name: 'Update Odoo key' });
    const wrongKey = newOdooKey();
    typedKeys.push(wrongKey);
    await keyForm.getByLabel('New API key').fill(wrongKey);
    await keyForm.getByRole('button', { name: 'Save new key' }).click();
    await keyForm.getByText('Key not saved: Odoo refused the sign-in').waitFor();
    expect(await text(keyForm)).toContain('The stored key stays in use.');
    expect(await keyForm.getByLabel('New API key').inputValue()).toBe('');

    typedKeys.push(newKey);
    await keyForm.getByLabel('New API key').fill(newKey);
    await keyForm.getByRole('button', { name: 'Save new key' }).click();
    await card.getByText('New key saved: Odoo accepted it.').waitFor();
    const shown = await text(card);
    expect(shown).not.toContain('Credentials invalid');
    expect(shown).toContain(`••••${newKey.slice(-4)}`);
    expect(await keyForm.count()).toBe(0);
    await expectNoKeyInPage();
  });

  it('works at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await erpCard().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot('erp-phone.png');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('Disconnect asks first, then deletes the connection and shows the form again', async () => {
    await erpCard().getByRole('button', { name: 'Disconnect' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disconnect Odoo?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await erpCard().count()).toBe(1);

    await erpCard().getByRole('button', { name: 'Disconnect' }).click();
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('Disconnected. The stored API key is deleted').waitFor();
    await connectForm().waitFor();
    expect(await app.ctx.erp.get()).toBeNull();
    await expectNoKeyInPage();
    for (const key of typedKeys) expect(app.logs()).not.toContain(key);
  });
});
