import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, startWebhookReceiver } from '../helpers/alert-receivers.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, saveScreenshot, signUpInBrowser } from '../helpers/browser-session.ts';
import { eventually } from '../helpers/eventually.ts';

/**
 * The alert settings in a real browser, as a seller fills them in: an SMTP server started here receives the
 * "Send test" e-mail, a wrong password is told in words, a local webhook receiver gets the test message, and
 * the password never comes back to the page. Screenshots in English and German, desktop and phone.
 */

const SMTP = { user: 'shop', password: 'browser-smtp-Pw9' };
const TOKEN = 'browser-hook-token-3Zx';

let app: TestApp;
let browser: Browser;
let page: Page;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;

async function screenshots(target: Page, name: string): Promise<void> {
  await target.setViewportSize({ width: 1440, height: 900 });
  await saveScreenshot(target, `${name}-desktop.png`, { animations: 'disabled' });
  await target.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(target, `${name}-phone.png`, { animations: 'disabled' });
  await target.setViewportSize({ width: 1440, height: 900 });
}

const card = () => page.getByRole('region', { name: 'Alerts outside the browser' });
const mailForm = () => card().getByRole('form', { name: 'E-mail' });
const webhookForm = () => card().getByRole('form', { name: 'Chat message (webhook)' });

describe('alert settings in the browser: SMTP server, Send test, webhook', () => {
  beforeAll(async () => {
    [app, { browser, page }, smtp, hook] = await Promise.all([
      startTestApp(),
      launchBrowser(15_000),
      startSmtpServer(SMTP),
      startWebhookReceiver(),
    ]);
    await page.setViewportSize({ width: 1440, height: 900 });
    await signUpInBrowser(page, app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await Promise.all([smtp?.close(), hook?.close()]);
  });

  it('fills in the SMTP server; "Save and send test e-mail" reaches the SMTP server', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admins' }).click();
    await card().waitFor();
    const form = mailForm();
    await form.getByLabel('Send alerts to').fill('seller@shop.example');
    await form.getByLabel('SMTP server').fill('127.0.0.1');
    await form.getByLabel('Security').selectOption('none');
    await form.getByLabel('Port').fill(String(smtp.port));
    await form.getByLabel('User name').fill(SMTP.user);
    await form.getByLabel(/^Password/).fill(SMTP.password);
    await form.getByLabel('Sender address').fill('adlerdo@shop.example');
    await form.getByRole('button', { name: 'Save and send test e-mail' }).click();
    await form.getByText('Test e-mail sent to 1 address.').waitFor();

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['seller@shop.example']);
    expect(smtp.received[0]!.from).toBe('adlerdo@shop.example');
    // The password field is empty again and only says that one is stored.
    expect(await form.getByLabel(/^Password/).inputValue()).toBe('');
    await form.getByText('A password is stored. Leave this empty to keep it.').waitFor();
  });

  it('a wrong password: the test fails in words, without the password', async () => {
    const form = mailForm();
    await form.getByLabel(/^Password/).fill('wrong-browser-pw');
    await form.getByRole('button', { name: 'Save and send test e-mail' }).click();
    const alert = form.getByRole('alert');
    await alert.getByText('The test did not arrive').waitFor();
    expect(await alert.textContent()).toContain(
      `The SMTP server at 127.0.0.1:${smtp.port} refused the user name or password.`,
    );
    expect(await page.content()).not.toContain('wrong-browser-pw');

    await form.getByLabel(/^Password/).fill(SMTP.password);
    await form.getByRole('button', { name: 'Save e-mail settings' }).click();
    await form.getByText('Saved.').waitFor();
  });

  it('a webhook: saved, named by its host only, test message received', async () => {
    const form = webhookForm();
    await form.getByLabel('Webhook URL').fill('http://hooks.example.com/services/x');
    await form.getByRole('button', { name: 'Save webhook' }).click();
    await form.getByText(/Use an https:\/\/ URL/).waitFor();

    const host = new URL(hook.origin).host;
    await form.getByLabel('Webhook URL').fill(`${hook.origin}/services/${TOKEN}`);
    await form.getByRole('button', { name: 'Save webhook' }).click();
    await form.getByText(`A webhook to ${host} is stored.`, { exact: false }).waitFor();
    expect(await form.getByLabel('Webhook URL').inputValue()).toBe('');
    await form.getByRole('button', { name: 'Send test message' }).click();
    await form.getByText(`Test message posted to ${host}.`).waitFor();
    await eventually(
      () => hook.posts.length,
      (n) => n === 1,
    );
    expect(hook.posts[0]!.path).toBe(`/services/${TOKEN}`);

    const general = card().getByRole('form', { name: 'Language and daily summary' });
    await general.getByRole('switch', { name: 'Send a daily summary' }).check();
    await general.getByLabel('At').fill('07:30');
    await general.getByRole('button', { name: 'Save' }).click();
    await general.getByText('Saved.').waitFor();
    expect((await app.ctx.alerts.view()).digest.time).toBe('07:30');

    const html = await page.content();
    expect(html).not.toContain(TOKEN);
    expect(html).not.toContain(SMTP.password);
    await card().scrollIntoViewIfNeeded();
    await screenshots(page, 'alerts-settings');
  });

  it("in German: the same card in the seller's words", async () => {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1440, height: 900 } });
    try {
      const german = await context.newPage();
      german.setDefaultTimeout(15_000);
      const cookies = await page.context().cookies();
      await context.addCookies(cookies);
      await german.goto(`${app.url}/admins`);
      const region = german.getByRole('region', { name: 'Benachrichtigungen außerhalb des Browsers' });
      await region.waitFor();
      await region
        .getByText(`Ein Webhook an ${new URL(hook.origin).host} ist gespeichert.`, { exact: false })
        .waitFor();
      await region.getByRole('button', { name: 'Speichern und Test-E-Mail senden' }).click();
      await region.getByText('Test-E-Mail an 1 Adresse gesendet.').waitFor();
      expect(smtp.received.at(-1)!.subject).toBe('AdlerDo: Test-Benachrichtigung');
      await screenshots(german, 'alerts-settings-de');
    } finally {
      await context.close();
    }
  });
});
