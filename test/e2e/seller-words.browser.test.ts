import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../src/accounts/account-settings.ts';
import { saveScreenshot, type BrowserLocale } from '../helpers/browser-session.ts';
import {
  excludedTaxOn,
  openIn as openLocale,
  shippedAndInvoiced,
  signedInBrowser,
  type Session,
} from '../helpers/order-flows.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * What a seller reads, in German and English, at 1440×900 and 390×844: handling time and shipping group per
 * storefront on the account form, a refused offer, the ERP's tax correction and refund and return reasons on
 * the order and Returns pages, a run stopped by a restart, and the German header on one line.
 */

const POT = { sku: 'TEA-POT', ean: '4006381333931', name: 'Tea pot', price: 24.9, qty: 20 };
const MUG = { sku: 'MUG-RED', ean: '4006381333948', name: 'Red mug', price: 8.5, qty: 20 };
/** Above Kaufland's highest price on kaufland.de (1,000,000 EUR): its offer is refused. */
const GOLD = { sku: 'GOLD-BAR', ean: '4006381333955', name: 'Gold bar', price: 2_000_000, qty: 1 };

const SIZES = [
  { width: 1440, height: 900, suffix: '' },
  { width: 390, height: 844, suffix: '-phone' },
] as const;

let world: SyncWorld;
let browser: Browser;
let session: Session;
let order: { idOrder: string; hubId: string; units: number[] };

const openIn = (locale: BrowserLocale, width = 1440, height = 900) =>
  openLocale(browser, session, locale, { width, height });

/**
 * Both sizes of the page as it is now; `whole` = the full page rather than the screen, `focus` = what to scroll
 * into view first (a cell at the far end of a wide table).
 */
async function shoot(page: Page, name: string, whole = true, focus?: Locator): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    if (focus) await focus.scrollIntoViewIfNeeded();
    await saveScreenshot(page, `${name}${size.suffix}.png`, { fullPage: whole });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function storedSettings() {
  const row = await world.app.ctx.db
    .selectFrom('marketplace_accounts')
    .select('settings')
    .where('id', '=', world.account.id)
    .executeTakeFirstOrThrow();
  return readSettings(row.settings);
}

describe('the seller’s words in German and English', () => {
  beforeAll(async () => {
    world = await startSyncWorld({
      products: [POT, MUG, GOLD],
      storefronts: ['de', 'cz'],
      settings: {
        carrierMapping: { 'Standard delivery': 'DHL' },
        autoAcceptReturns: false,
        handlingTimeDays: 2,
      },
    });
    ({ browser, session } = await signedInBrowser(world));

    // A 19 % tax that Odoo adds on top of the price: AdlerDo swaps it for an included one (the tax correction).
    await excludedTaxOn(world, POT.sku);
    await world.listOnKaufland([
      { sku: POT.sku, ean: POT.ean, price: 2490 },
      { sku: MUG.sku, ean: MUG.ean, price: 850 },
    ]);

    // One order, shipped and invoiced, then a return of one unit.
    order = await shippedAndInvoiced(world, [
      { id_offer: POT.sku, quantity: 1 },
      { id_offer: MUG.sku, quantity: 1 },
    ]);
    const started = world.kaufland.startReturn({
      order_units: [{ id_order_unit: order.units[0]!, reason: 'wrong_size', note: 'Too small.' }],
      tracking_provider: 'DHL',
      tracking_code: 'RET-1',
    });
    world.kaufland.returnArrives(started.id_return);
    await world.run('returns');

    // The gold bar's offer is refused by Kaufland (price above its maximum).
    await world.app.ctx.accounts.patch(world.account.id, { settings: { productStockSync: true } });
    await world.run('catalog');
    await world.run('stock');

    // A run ended by a restart of the worker.
    await world.app.ctx.db
      .insertInto('sync_runs')
      .values({
        account_id: world.account.id,
        step: 'orders',
        trigger: 'schedule',
        status: 'failed',
        started_at: new Date(Date.now() - 4000),
        finished_at: new Date(Date.now() - 1000),
        error_code: 'sync.abandoned',
        error_message: 'The worker stopped during this run; the step was run again.',
      })
      .execute();
  });

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('German header: every page link on one line at 1440×900', async () => {
    for (const locale of ['de-DE', 'en-GB'] as const) {
      const page = await openIn(locale);
      try {
        await page.goto(`${world.app.url}/overview`);
        const nav = page.getByRole('navigation', { name: locale === 'de-DE' ? 'Hauptnavigation' : 'Main' });
        const links = nav.getByRole('link');
        await links.first().waitFor();
        await saveScreenshot(page, `words-header-${locale.slice(0, 2)}.png`, {
          fullPage: false,
          clip: { x: 0, y: 0, width: 1440, height: 160 },
        });
        const tops = await links.evaluateAll((all) =>
          all.map((a) => Math.round(a.getBoundingClientRect().top)),
        );
        expect(tops.length).toBeGreaterThanOrEqual(11);
        expect(new Set(tops).size, `link tops ${tops.join(', ')}`).toBe(1);
        if (locale === 'de-DE') await nav.getByRole('link', { name: 'Versand', exact: true }).waitFor();
        await saveScreenshot(page, `words-header-${locale.slice(0, 2)}.png`, {
          fullPage: false,
          clip: { x: 0, y: 0, width: 1440, height: 160 },
        });
      } finally {
        await page.context().close();
      }
    }
  });

  it('account form, German: own handling time and shipping group for one storefront, the other says what it uses', async () => {
    const page = await openIn('de-DE');
    try {
      await page.goto(`${world.app.url}/accounts`);
      await page.getByRole('button', { name: 'Einstellungen' }).first().click();
      const form = page.getByRole('form', { name: `Einstellungen für ${world.account.name}` });
      await form.getByLabel('Bearbeitungszeit (Tage)', { exact: true }).waitFor();
      const cz = form.getByRole('group', { name: /^Tschechien/ });
      const de = form.getByRole('group', { name: /^Deutschland/ });
      await de.getByText('Nutzt die Werte oben: 2 Tage, die Standard-Versandgruppe des Shops.').waitFor();
      await cz.getByLabel('Eigene Bearbeitungszeit und Versandgruppe für Tschechien').check();
      await cz.getByLabel('Bearbeitungszeit (Tage)').fill('101');
      await cz.getByLabel(/Versandgruppen-ID/).fill('12');
      await form.getByRole('button', { name: 'Einstellungen speichern' }).click();
      // The server's range check lands under the storefront's own field, in German.
      await cz.getByText('Bitte 0 bis 100 Tage angeben.').waitFor();
      expect((await storedSettings()).storefrontShipping).toEqual({});
      await cz.getByLabel('Bearbeitungszeit (Tage)').fill('5');
      await form.getByRole('button', { name: 'Einstellungen speichern' }).click();
      await form.getByText('Einstellungen gespeichert.').waitFor();
      expect((await storedSettings()).storefrontShipping).toEqual({
        cz: { handlingTimeDays: 5, shippingGroupId: 12 },
      });
      await cz
        .getByText('Tage von der Bestellung bis zum Versand, die Käufer in Tschechien sehen, 0–100.')
        .waitFor();
      await cz.scrollIntoViewIfNeeded();
      await shoot(page, 'words-storefront-shipping-de');
    } finally {
      await page.context().close();
    }
  });

  it('account form, English at phone size: the same choice, saved, and dropped again', async () => {
    const page = await openIn('en-GB', 390, 844);
    try {
      await page.goto(`${world.app.url}/accounts`);
      await page.getByRole('button', { name: 'Settings' }).first().click();
      const form = page.getByRole('form', { name: `Settings for ${world.account.name}` });
      const cz = form.getByRole('group', { name: /^Czechia/ });
      await cz.getByLabel('Handling time (days)').waitFor();
      expect(await cz.getByLabel('Handling time (days)').inputValue()).toBe('5');
      expect(await cz.getByLabel(/Shipping group ID/).inputValue()).toBe('12');
      await cz.getByText("Shipping group for new offers in Czechia; empty = the shop's default.").waitFor();
      await cz.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'words-storefront-shipping-en-phone.png', { fullPage: false });
      // No label may run into its value on a phone: each field's label sits above its input.
      const label = await cz.getByText('Handling time (days)').boundingBox();
      const input = await cz.getByLabel('Handling time (days)').boundingBox();
      expect(label!.y + label!.height).toBeLessThanOrEqual(input!.y + 1);
      await cz.getByLabel('Own handling time and shipping group for Czechia').uncheck();
      await cz.getByText("Uses the values above: 2 days, the shop's default shipping group.").waitFor();
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.getByText('Settings saved.').waitFor();
      expect((await storedSettings()).storefrontShipping).toEqual({});
      await page.setViewportSize({ width: 1440, height: 900 });
      await cz.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'words-storefront-shipping-en.png', { fullPage: false });
    } finally {
      await page.context().close();
    }
  });

  it('a refused offer: German sentence with Kaufland’s own answer, English without a code', async () => {
    const german = await openIn('de-DE');
    try {
      await german.goto(`${world.app.url}/offers?account=${world.account.id}&channel=de&q=${GOLD.sku}`);
      const row = german.getByRole('row').filter({ hasText: GOLD.sku });
      await row.getByText('Antwort von Kaufland:', { exact: false }).waitFor();
      const text = await row.innerText();
      expect(text).toMatch(/Kaufland hat die (gesendeten Werte|Anfrage) abgelehnt\./);
      expect(text).not.toMatch(/kaufland\.[a-z_]+/);
      await shoot(german, 'words-offer-refused-de', false, row.locator('.cell-error-answer'));
    } finally {
      await german.context().close();
    }
    const english = await openIn('en-GB');
    try {
      await english.goto(`${world.app.url}/offers?account=${world.account.id}&channel=de&q=${GOLD.sku}`);
      const row = english.getByRole('row').filter({ hasText: GOLD.sku });
      await row.locator('.cell-error').first().waitFor();
      const text = await row.innerText();
      expect(text).not.toMatch(/kaufland\.[a-z_]+/);
      expect(text).toMatch(/listing_price|at most/);
    } finally {
      await english.context().close();
    }
  });

  it('order page, German: the tax correction, the refund reasons and the return reason in German', async () => {
    const page = await openIn('de-DE');
    try {
      await page.goto(`${world.app.url}/orders/${order.hubId}`);
      await page.getByRole('heading', { name: `Bestellung ${order.idOrder}` }).waitFor();
      const timeline = page.locator('main');
      await timeline.getByText('Steuerkorrektur:', { exact: false }).waitFor();
      // Both lines' taxes were swapped (the pot's 19 %, the sandbox's default on the mug): one sentence.
      await timeline
        .getByText(
          /Die Steuern „.+“ und „.+“ in Odoo sind nicht im Preis enthalten .* verwendet wurden stattdessen die im Preis enthaltenen Steuern .*„19% incl\. \(Kaufland\)“/,
        )
        .waitFor();
      await timeline.getByText('Falsche Größe', { exact: false }).waitFor();
      const refund = page.getByRole('region', { name: /Erstattung|Teil/ });
      const options = await refund.getByLabel('Grund').locator('option').allInnerTexts();
      expect(options).toContain('Beim Versand beschädigt');
      expect(options.join(' ')).not.toMatch(/_/);
      await refund.getByLabel('Stück', { exact: true }).selectOption({ index: 1 });
      await refund.getByLabel(/Betrag/).fill('1,50');
      await refund.getByLabel('Grund').selectOption('delivery_damage');
      await refund.getByRole('button', { name: /Erstatten/ }).click();
      await timeline.getByText('Beim Versand beschädigt', { exact: false }).first().waitFor();
      const body = await timeline.innerText();
      expect(body).not.toMatch(/delivery_damage|wrong_size|Tax correction|price-excluded/);
      await shoot(page, 'words-order-de');
    } finally {
      await page.context().close();
    }
  });

  it('order page, English: the tax correction said from the catalogue with both tax names', async () => {
    const page = await openIn('en-GB');
    try {
      await page.goto(`${world.app.url}/orders/${order.hubId}`);
      await page.getByRole('heading', { name: `Order ${order.idOrder}` }).waitFor();
      const correction = page
        .locator('main')
        .getByText(
          /Tax correction: Odoo's price-excluded taxes ".+" and ".+" would have added VAT .*"19% incl\. \(Kaufland\)"/,
        );
      await correction.waitFor();
      await correction.scrollIntoViewIfNeeded();
      await shoot(page, 'words-order-en', false);
    } finally {
      await page.context().close();
    }
  });

  it('account card, German and English: why push is off, at both sizes', async () => {
    for (const [locale, off, why] of [
      ['de-DE', 'aus: Bestellungen werden abgefragt', /Setzen Sie ADLERDO_PUBLIC_URL \(die https-Adresse/],
      ['en-GB', 'off: orders are polled', /Set ADLERDO_PUBLIC_URL \(the https address/],
    ] as const) {
      const page = await openIn(locale);
      try {
        await page.goto(`${world.app.url}/accounts`);
        const line = page.getByTestId('account-push');
        await line.getByText(off, { exact: false }).waitFor();
        expect(await line.innerText()).toMatch(why);
        await line.scrollIntoViewIfNeeded();
        await shoot(page, `words-account-push-${locale.slice(0, 2)}`, false, line);
      } finally {
        await page.context().close();
      }
    }
  });

  it('Returns page and Runs page, German and English: reasons and a restarted run in words', async () => {
    for (const [locale, reason, abandoned] of [
      ['de-DE', 'Falsche Größe', 'Der Worker wurde während dieses Laufs beendet'],
      ['en-GB', 'Wrong size', 'The worker stopped during this run'],
    ] as const) {
      const page = await openIn(locale);
      try {
        await page.goto(`${world.app.url}/returns`);
        const row = page.getByRole('row').filter({ hasText: POT.sku });
        await row.getByText(reason).waitFor();
        expect(await row.innerText()).not.toContain('wrong_size');
        await shoot(page, `words-returns-${locale.slice(0, 2)}`);
        await page.goto(`${world.app.url}/runs`);
        await page.getByText(abandoned, { exact: false }).first().waitFor();
        expect(await page.locator('main').innerText()).not.toContain('sync.abandoned');
        await shoot(
          page,
          `words-runs-${locale.slice(0, 2)}`,
          false,
          page.getByText(abandoned, { exact: false }).first(),
        );
      } finally {
        await page.context().close();
      }
    }
  });
});
