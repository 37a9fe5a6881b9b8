import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIntervals, startScheduler, type Scheduler } from '../../src/sync/scheduler.ts';
import { startWorker, type Worker } from '../../src/sync/worker.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, PASSWORD, saveScreenshot } from '../helpers/browser-session.ts';

/**
 * German and English (issue 12, point 7), in a browser whose language is German: the app opens in German
 * (first start, Accounts, the demo's Overview, sign-in), dates and money are written the German way, the
 * header's "DE | EN" switches to English at once and the choice survives a reload. Screenshots of each page at
 * 1440×900 and 390×844 in both languages land in test-output/screenshots/language-*.png. The steps build on
 * each other (one admin, one demo), so they run in order.
 */

const INTERVALS = 'catalog=5,stock=5,orders=5,shipments=5,cancellations=5';
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let app: TestApp;
let worker: Worker;
let scheduler: Scheduler;
let browser: Browser;
let page: Page;
/** Uncaught errors in the page: a missing catalogue entry or a bad placeholder must not break a render. */
const pageErrors: string[] = [];

const nav = (name: string) =>
  page.getByRole('navigation', { name: /^(Main|Hauptnavigation)$/ }).getByRole('link', { name, exact: true });
const h1 = (name: string) => page.getByRole('heading', { name, level: 1, exact: true });
const languageButton = (code: 'DE' | 'EN') =>
  page.getByRole('group', { name: /^(Sprache|Language)$/ }).getByRole('button', { name: code, exact: true });

async function htmlLang(): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/** Nothing wider than the screen: no sideways scrolling, no label pushed out of its box. */
async function expectNothingOverflows(): Promise<void> {
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => !el.closest('.table-wrap, .chart-frame'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}"`),
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, wide.join('; ')).toBeLessThanOrEqual(0);
}

/** The same page at desktop and phone size; on the phone it must not scroll sideways. */
async function shootBoth(name: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await saveScreenshot(page, `language-${name}-1440.png`);
  await expectNothingOverflows();
  await page.setViewportSize(PHONE);
  await saveScreenshot(page, `language-${name}-390.png`);
  await expectNothingOverflows();
  await page.setViewportSize(DESKTOP);
}

describe('German and English: the browser language by default, a switch in the header', () => {
  beforeAll(async () => {
    [app, { browser, page }] = await Promise.all([
      startTestApp({ ADLERDO_SYNC_INTERVALS: INTERVALS }),
      launchBrowser(15_000, { locale: 'de-DE' }),
    ]);
    worker = await startWorker(app.ctx, { concurrency: 2 });
    scheduler = startScheduler(app.ctx, await app.ctx.queue(), parseIntervals(INTERVALS));
    await page.setViewportSize(DESKTOP);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    scheduler?.stop();
    await browser?.close();
    await worker?.stop();
    await app?.close(); // stops the demo and its sandboxes too
  });

  it('a German browser gets the first start and the Accounts page in German', async () => {
    await page.goto(app.url);
    await h1('Willkommen bei AdlerDo').waitFor();
    expect(await htmlLang()).toBe('de');
    expect(await languageButton('DE').getAttribute('aria-pressed')).toBe('true');
    await shootBoth('de-setup');

    await page.getByLabel('Benutzername').fill('admin');
    await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Passwort wiederholen').fill(PASSWORD);
    await page.getByRole('button', { name: 'Administrator anlegen' }).click();
    await h1('Konten').waitFor();
    // The guide's fields, Kaufland's own words kept.
    const form = page.getByRole('form', { name: 'Neues Konto hinzufügen' });
    await form.getByLabel('Kontotyp auswählen').waitFor();
    await form.getByLabel('Kontoname').waitFor();
    await form.getByLabel('Client ID', { exact: true }).waitFor();
    await form.getByLabel('Client Secret', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Wo finde ich die Schlüssel?' }).waitFor();
    expect(await nav('Übersicht').count()).toBe(1);
    await shootBoth('de-accounts-empty');
  });

  it('the demo in German: Overview, Accounts, dates and money the German way', async () => {
    await page.getByRole('button', { name: 'Mit der Sandbox ausprobieren' }).click();
    await h1('Übersicht').waitFor();
    await page.getByText('Sie sehen die Demo').waitFor();
    const account = page.getByRole('region', { name: 'Demo Kaufland Store' });
    await account.getByText('Verbunden', { exact: true }).waitFor();
    await account.getByText('Erfolgreich').first().waitFor({ timeout: 30_000 });
    const summary = page.getByRole('list', { name: 'Zusammenfassung' });
    await summary.getByText('Offene Probleme').waitFor();
    await page.getByRole('heading', { name: 'Importierte Bestellungen pro Stunde' }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/\bSucceeded\b|\bOpen issues\b|\bTrends\b/);
    await shootBoth('de-overview');

    await nav('Konten').click();
    await h1('Konten').waitFor();
    await page.getByRole('heading', { name: 'Verbundene Konten' }).waitFor();
    // "Zuletzt geprüft: gerade eben (02.12.2026, 14:05)": relative and absolute, both German.
    const facts = (await page.locator('.account-list .facts').first().textContent()) ?? '';
    expect(facts).toMatch(/Zuletzt geprüft\s*(gerade eben|vor \d+)/);
    expect(facts).toMatch(/\d\d\.\d\d\.\d{4}, \d\d:\d\d/);
    await shootBoth('de-accounts');
    // The longest German texts: the account's settings, every choice saying what it does.
    await page.getByRole('button', { name: 'Einstellungen' }).click();
    const settings = page.getByRole('form', { name: 'Einstellungen für Demo Kaufland Store' });
    await settings.getByText('Zu synchronisierende Storefronts').waitFor();
    await settings.getByLabel('Bearbeitungszeit (Tage)', { exact: true }).waitFor();
    await shootBoth('de-account-settings');
    await settings.getByRole('button', { name: 'Schließen' }).click();

    // Money in the storefront's currency, written "12,99 €".
    await nav('Bestellungen').click();
    const paid = page.getByRole('row').filter({ hasText: '€' }).first();
    await paid.waitFor({ timeout: 60_000 });
    expect(await paid.textContent()).toMatch(/\d+,\d\d\s€/);
  });

  it('DE | EN in the header switches at once, is remembered, and changes dates and money', async () => {
    await nav('Übersicht').click();
    await h1('Übersicht').waitFor();
    await languageButton('EN').click();
    await h1('Overview').waitFor();
    expect(await htmlLang()).toBe('en');
    expect(await languageButton('EN').getAttribute('aria-pressed')).toBe('true');
    expect(await languageButton('DE').getAttribute('aria-pressed')).toBe('false');
    await page
      .getByRole('region', { name: 'Demo Kaufland Store' })
      .getByText('Connected', { exact: true })
      .waitFor();

    // Still English after a reload, although the browser says German.
    await page.reload();
    await h1('Overview').waitFor();
    expect(await nav('Overview').count()).toBe(1);
    await page.getByText('You are looking at the demo').waitFor();
    await shootBoth('en-overview');
    // Opened on a phone straight away (not resized): the same page, the choice still English.
    await page.setViewportSize(PHONE);
    await page.reload();
    await page
      .getByRole('region', { name: 'Demo Kaufland Store' })
      .getByText('Connected', { exact: true })
      .waitFor();
    await expectNothingOverflows();
    await page.setViewportSize(DESKTOP);

    await nav('Accounts').click();
    await page.getByRole('heading', { name: 'Connected Accounts' }).waitFor();
    const facts = (await page.locator('.account-list .facts').first().textContent()) ?? '';
    expect(facts).toMatch(/Last verified/);
    expect(facts).toMatch(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d/);
    await shootBoth('en-accounts');

    await nav('Orders').click();
    const paid = page.getByRole('row').filter({ hasText: '€' }).first();
    await paid.waitFor();
    expect(await paid.textContent()).toMatch(/€\d+\.\d\d/);
  });

  it('sign-in follows the choice; switching back to German there works too', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await h1('Sign in').waitFor();
    await shootBoth('en-login');
    await languageButton('DE').click();
    await h1('Anmelden').waitFor();
    await shootBoth('de-login');
    await page.getByLabel('Benutzername').fill('admin');
    await page.getByLabel('Passwort').fill('not the password');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    // The server's "auth.invalid" said in German.
    await page.getByRole('alert').getByText('Benutzername oder Passwort ist falsch.').waitFor();
    await page.getByLabel('Passwort').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    // Back on the page that was open before signing out, in German.
    await h1('Bestellungen').waitFor();

    // Admins: the last sign-in as a German date.
    await nav('Admins').click();
    await h1('Administratoren').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'admin' }).first();
    expect(await row.textContent()).toMatch(/\d\d\.\d\d\.\d{4}, \d\d:\d\d/);
    await shootBoth('de-admins');
    expect(pageErrors).toEqual([]);
  });
});
