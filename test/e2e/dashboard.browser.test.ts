import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/errors.ts';
import { runningDemo, type Demo } from '../../src/demo/index.ts';
import { parseIntervals, startScheduler, type Scheduler } from '../../src/sync/scheduler.ts';
import { startWorker, type Worker } from '../../src/sync/worker.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, MAIN_NAV, saveScreenshot, signUpInBrowser } from '../helpers/browser-session.ts';

/**
 * A newcomer's first minutes, in a browser on the real pages: first start, "Try it with the sandbox", then the
 * demo filling every page while the worker and scheduler run in this process (every step every 5 s, as
 * `adlerdo demo` runs them). The steps build on each other (one admin, one demo), so they run in order.
 */

const INTERVALS = 'catalog=5,stock=5,orders=5,shipments=5,cancellations=5';

let app: TestApp;
let worker: Worker;
let scheduler: Scheduler;
let browser: Browser;
let page: Page;
let demo: Demo;
/** The order this test places on Kaufland and follows through the cycle. */
let orderId: string;

async function screenshot(name: string, fullPage = true): Promise<void> {
  await saveScreenshot(page, name, { fullPage });
}

const nav = (name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/** Polls until `probe` gives something (the sync moves on its own; no fixed sleeps). */
async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Ships the order in Odoo as the warehouse would, unless the demo's own warehouse was quicker. */
function shipInOdoo(ref: string): void {
  try {
    demo.odoo.ship({
      client_order_ref: ref,
      carrier: 'Standard delivery',
      tracking_ref: '00340434161234567890',
    });
  } catch (error) {
    if (!(isAppError(error) && error.code === 'sandbox.nothing_to_ship')) throw error;
  }
}

async function expectNoSecretInPage(): Promise<void> {
  const { clientSecret } = await app.ctx.accounts.credentialsOf(demo.accountId);
  const html = await page.content();
  expect(html).not.toContain(clientSecret);
  expect(html).not.toContain(demo.odoo.apiKey);
}

async function expectNoSidewaysScroll(): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('Dashboard: the demo walked through in a browser', () => {
  beforeAll(async () => {
    [app, { browser, page }] = await Promise.all([
      startTestApp({ ADLERDO_SYNC_INTERVALS: INTERVALS }),
      launchBrowser(15_000),
    ]);
    worker = await startWorker(app.ctx, { concurrency: 2 });
    scheduler = startScheduler(app.ctx, await app.ctx.queue(), parseIntervals(INTERVALS));
  });

  afterAll(async () => {
    scheduler?.stop();
    await browser?.close();
    await worker?.stop();
    await app?.close(); // stops the demo and its sandboxes too
  });

  it('first start lands on the empty Accounts page, whose "Try it with the sandbox" starts the demo and opens the Overview', async () => {
    await signUpInBrowser(page, app.url);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(
      MAIN_NAV,
    );

    await screenshot('accounts-try-demo.png', false);
    await page.getByRole('button', { name: 'Try it with the sandbox' }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/overview');
    demo = (await runningDemo(app.ctx))!;
    expect(demo).toBeDefined();
    await page.getByText('You are looking at the demo').waitFor();
    const account = page.getByRole('region', { name: 'Demo Kaufland Store' });
    await account.getByText('Connected', { exact: true }).waitFor();
    // The first cycle was queued at once: its runs show up without a reload.
    const stock = account.getByRole('row', { name: /Offers & stock/ });
    await stock.getByText('Succeeded').waitFor({ timeout: 30_000 });
    // What the run did and how many calls it cost (the first run creates the offers; later ones may not).
    expect(await stock.textContent()).toMatch(/\d+ API calls? \((Odoo|Kaufland) \d+/);
    const summary = page.getByRole('list', { name: 'Summary' });
    expect(await summary.getByRole('listitem').filter({ hasText: 'ERP' }).textContent()).toMatch(
      /Odoo\s*Connected/,
    );

    // A second demo is refused: there are accounts now.
    const again = await page.evaluate(
      async () =>
        (
          await fetch('/api/demo', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          })
        ).status,
    );
    expect(again).toBe(409);
  });

  it('"Sync now" queues the steps with visible feedback', async () => {
    const account = page.getByRole('region', { name: 'Demo Kaufland Store' });
    await account.getByRole('button', { name: 'Sync orders now for Demo Kaufland Store' }).click();
    await account.getByText(/Queued orders\./).waitFor();
    await account.getByRole('button', { name: 'Sync now', exact: true }).click();
    await account
      .getByText(/Queued catalog, offers & stock, orders, shipments, cancellations, documents, returns\./)
      .waitFor();
  });

  it('an order placed on Kaufland appears in Orders, and its timeline reaches "Confirmed on Kaufland" after Odoo ships it', async () => {
    const unit = await eventually(() =>
      demo.kaufland
        .state()
        .units.find(
          (u) =>
            u.client_key === demo.clientKey &&
            u.storefront === 'de' &&
            u.amount >= 2 &&
            u.id_offer !== demo.mismatch.sku,
        ),
    );
    orderId = demo.kaufland.createOrder({
      client_key: demo.clientKey,
      storefront: 'de',
      items: [{ id_offer: unit.id_offer!, quantity: 2 }],
    }).id_order;

    await nav('Orders').click();
    await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    await page.getByLabel('Search').fill(orderId);
    const row = page.getByRole('row', { name: new RegExp(orderId) });
    await row.getByText('In ERP').waitFor({ timeout: 30_000 });
    const cells = await row.textContent();
    expect(cells).toMatch(/DE/);
    expect(cells).toMatch(/€\d+\.\d\d/);
    expect(cells).toMatch(/S\d{5}/);
    await page.getByLabel('Search').fill('');
    await page.getByRole('row').nth(3).waitFor();
    await screenshot('orders.png');

    await page.getByLabel('Search').fill(orderId);
    await row.getByRole('link', { name: orderId }).click();
    await page.getByRole('heading', { name: `Order ${orderId}` }).waitFor();
    const timeline = page.getByRole('list').filter({ hasText: 'Placed on Kaufland' });
    await timeline.getByText(/created and confirmed in Odoo: Done/).waitFor();
    for (const milestone of ['Placed on Kaufland: Done', 'Stored by AdlerDo: Done'])
      expect(await timeline.textContent()).toContain(milestone);

    shipInOdoo(orderId);
    await timeline.getByText('Confirmed on Kaufland: Done').waitFor({ timeout: 30_000 });
    const shown = (await timeline.textContent()) ?? '';
    expect(shown).toContain('Shipped: Done');
    expect(shown).toMatch(/With DHL, tracking \d{20}/);
    await page.getByText('Confirmed', { exact: true }).first().waitFor();
    await screenshot('order-timeline.png');
    await expectNoSecretInPage();
  });

  it('Offers & stock shows per SKU the Odoo side next to what Kaufland confirmed, with the filter tabs', async () => {
    await nav('Offers & stock').click();
    await page.getByRole('heading', { name: 'Offers & stock', level: 1 }).waitFor();
    const tabs = page.getByRole('group', { name: 'Show' });
    for (const name of ['All', 'Out of sync', 'No EAN', 'Not on Kaufland'])
      await tabs.getByRole('button', { name: new RegExp(`^${name}`) }).waitFor();
    await page.getByRole('row').filter({ hasText: 'In sync' }).first().waitFor();
    await page.getByLabel('Storefront').selectOption('cz');
    await page.getByRole('row').filter({ hasText: 'CZK' }).first().waitFor();
    await page.getByLabel('Storefront').selectOption('de');
    await page.getByRole('row').filter({ hasText: '€' }).first().waitFor();
    await screenshot('offers.png', false);

    await tabs.getByRole('button', { name: /^No EAN/ }).click();
    expect(await tabs.getByRole('button', { name: /^No EAN/ }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('row', { name: /MUG-SAG/ }).waitFor();
    expect(await page.getByRole('row').count()).toBe(3); // header + 2 SKUs without EAN
  });

  it('SKU check lists the planted mismatch and offers the CSV', async () => {
    await nav('SKU check').click();
    await page.getByRole('heading', { name: 'SKU check', level: 1 }).waitFor();
    const mismatch = page.getByRole('region', { name: /On Kaufland, not in Odoo/ });
    await mismatch.getByRole('row', { name: new RegExp(demo.mismatch.sku) }).waitFor();
    const csv = page.getByRole('link', { name: 'Download CSV' });
    const href = (await csv.getAttribute('href')) ?? '';
    expect(href).toBe(`/api/sku-check.csv?account=${demo.accountId}`);
    const body = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(body).toContain(`"on marketplace, not in ERP","${demo.mismatch.sku}"`);
    await screenshot('sku-check.png');
  });

  it('an order for the unknown SKU shows up under Issues and clears once the SKU exists in Odoo', async () => {
    const held = demo.kaufland.createOrder({
      client_key: demo.clientKey,
      storefront: 'de',
      items: [{ id_offer: demo.mismatch.sku, quantity: 1 }],
    }).id_order;
    await nav('Issues').click();
    await page.getByRole('heading', { name: 'Issues', level: 1 }).waitFor();
    const issue = page.getByRole('listitem').filter({ hasText: `Order ${held} is held` });
    await issue.waitFor({ timeout: 30_000 });
    const text = (await issue.textContent()) ?? '';
    expect(text).toContain(`SKU ${demo.mismatch.sku} not in Odoo`);
    expect(text).toContain('What to do');
    expect(text).toMatch(/occurrences?/);
    await screenshot('issues.png');

    // The issue's link leads straight to the held order's page, which says the same, with its Retry.
    await issue.getByRole('link', { name: held }).click();
    await page.getByRole('heading', { name: `Order ${held}` }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/orders\/[^/]+$/);
    await page.getByText(/created and confirmed in Odoo: Held/).waitFor();
    await page
      .getByRole('alert')
      .getByRole('button', { name: `Retry order ${held}` })
      .waitFor();
    await screenshot('order-held.png');
    await nav('Issues').click();

    demo.odoo.seed({
      products: [
        {
          sku: demo.mismatch.sku,
          ean: demo.mismatch.ean,
          name: demo.mismatch.name,
          price: demo.mismatch.price,
          qty: 12,
        },
      ],
    });
    await issue.getByRole('button', { name: /^Retry/ }).click();
    await issue
      .getByText(/^Queued: the orders step runs again now/)
      .waitFor()
      .catch(() => undefined);
    await issue.waitFor({ state: 'detached', timeout: 30_000 });

    await nav('Orders').click();
    await page.getByLabel('Search').fill(held);
    // The demo's warehouse may ship it within seconds, so "Shipped" proves it reached the ERP just as well.
    await page
      .getByRole('row', { name: new RegExp(held) })
      .getByText(/^(In ERP|Shipped)$/)
      .waitFor({ timeout: 30_000 });
  });

  it('Runs lists recent runs per step with counts and API calls, filterable by step', async () => {
    await nav('Runs').click();
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
    await page.getByRole('row').filter({ hasText: 'API calls (Kaufland' }).first().waitFor();
    await page.getByLabel('Step').selectOption('stock');
    await eventually(async () => {
      const steps = await page.locator('tbody th[data-label="Step"]').allTextContents();
      return steps.length > 0 && steps.every((s) => s === 'Offers & stock') ? steps : undefined;
    });
    await page.getByLabel('Step').selectOption('');
    await page.getByRole('row').filter({ hasText: 'Orders' }).first().waitFor();
    // The API-call chart lives here, not on the Overview.
    await page.getByRole('figure').filter({ hasText: 'calls per minute' }).waitFor();
    await screenshot('runs.png', false);

    // A run opens: what it did and which calls it cost.
    const first = page.locator('tbody').getByRole('link').first();
    const step = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { name: new RegExp(`^${step} run`), level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'What it did' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/runs\/\d+$/);
    await screenshot('run-detail.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll();
    await screenshot('run-detail-phone.png');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the Overview after a few minutes of trading, at desktop and phone width, shows no secret', async () => {
    await nav('Overview').click();
    const account = page.getByRole('region', { name: 'Demo Kaufland Store' });
    await account
      .getByRole('row', { name: /Shipments/ })
      .getByText('Succeeded')
      .waitFor();
    await page
      .getByRole('figure')
      .filter({ hasText: 'Orders imported per hour' })
      .locator('rect.chart-bar')
      .first()
      .waitFor();
    expect(await page.getByRole('figure').filter({ hasText: 'calls per minute' }).count()).toBe(0);
    await screenshot('overview.png');
    await expectNoSecretInPage();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await account.getByText('Connected', { exact: true }).waitFor();
    await page.locator('rect.chart-bar').first().waitFor();
    await expectNoSidewaysScroll();
    await screenshot('overview-phone.png');
    for (const link of ['Orders', 'Issues', 'Runs']) {
      await page.goto(`${app.url}/${link.toLowerCase()}`);
      await page.getByRole('heading', { name: link, level: 1 }).waitFor();
      await page.getByRole('row').or(page.getByRole('listitem')).first().waitFor();
      await expectNoSidewaysScroll();
      await screenshot(`${link.toLowerCase()}-phone.png`, false);
    }
    await page
      .getByLabel('Search')
      .or(page.getByRole('link', { name: 'Orders', exact: true }))
      .first()
      .waitFor();
    await page.goto(`${app.url}/orders?q=${orderId}`);
    await page.getByRole('link', { name: orderId }).click();
    await page.getByText('Confirmed on Kaufland: Done').waitFor();
    await expectNoSidewaysScroll();
    await screenshot('order-timeline-phone.png');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
