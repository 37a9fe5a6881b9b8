import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OdooSandbox } from '../../src/sandbox/odoo/index.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, saveScreenshot, signUpInBrowser } from '../helpers/browser-session.ts';
import { startOdoo } from '../helpers/odoo-sandbox.ts';

/**
 * The ERP card says which API AdlerDo speaks and why: an Odoo 19 connected automatically gets JSON-2; forced to
 * JSON-RPC it says so and warns that Odoo 20 removes JSON-RPC. Browser against the real server and a sandbox 19.
 */
let app: TestApp;
let odoo: OdooSandbox;
let browser: Browser;
let page: Page;

const connectForm = () => page.getByRole('form', { name: 'Connect Your ERP' });
const erpCard = () => page.getByRole('article', { name: 'Odoo' });

async function connect(transport: 'Automatic' | 'JSON-RPC'): Promise<void> {
  const form = connectForm();
  await form.getByLabel('ERP', { exact: true }).selectOption('odoo');
  await form.getByLabel('URL', { exact: true }).fill(odoo.url);
  await form.getByLabel('Database', { exact: true }).fill(odoo.database);
  await form.getByLabel('Login', { exact: true }).fill(odoo.login);
  await form.getByLabel('API key', { exact: true }).fill(odoo.apiKey);
  if (transport !== 'Automatic') {
    await form.getByText('Advanced').click();
    await form.getByLabel('Transport').selectOption({ label: transport });
  }
  await form.getByRole('button', { name: 'Connect' }).click();
  await erpCard().waitFor();
}

async function disconnect(): Promise<void> {
  await app.ctx.erp.disconnect();
  await page.reload();
  await connectForm().waitFor();
}

describe('ERP page: which API and why', () => {
  beforeAll(async () => {
    [app, odoo, { browser, page }] = await Promise.all([
      startTestApp(),
      startOdoo(19),
      launchBrowser(10_000),
    ]);
    await signUpInBrowser(page, app.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'ERP' }).click();
    await connectForm().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await odoo?.close();
    await app?.close();
  });

  it('automatic on Odoo 19: JSON-2, chosen automatically, no warning', async () => {
    await connect('Automatic');
    const shown = (await erpCard().textContent()) ?? '';
    expect(shown).toContain('Odoo 19.0 over JSON-2');
    expect(shown).toContain('Uses JSON-2: chosen automatically, as Odoo 19 and later offer it');
    expect(await erpCard().getByRole('note').count()).toBe(0);
    await disconnect();
  });

  it('forced JSON-RPC on Odoo 19: says it was forced and warns, at desktop and phone width', async () => {
    await connect('JSON-RPC');
    const card = erpCard();
    expect((await card.textContent()) ?? '').toContain(
      "Uses JSON-RPC: forced in the connection's advanced settings.",
    );
    expect(await card.getByRole('note').textContent()).toBe(
      'Odoo 19 deprecates JSON-RPC and Odoo 20 removes it: set the transport to Automatic or JSON-2.',
    );
    await saveScreenshot(page, 'erp-odoo19-jsonrpc-warning.png', { animations: 'disabled' });
    await page.setViewportSize({ width: 390, height: 844 });
    await card.getByRole('note').waitFor();
    await saveScreenshot(page, 'erp-odoo19-jsonrpc-warning-phone.png', { animations: 'disabled' });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
