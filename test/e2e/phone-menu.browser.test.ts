import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, type BrowserLocale } from '../helpers/browser-session.ts';
import {
  listedBagWithOrder,
  openIn as openLocale,
  signedInBrowser,
  type Session,
} from '../helpers/order-flows.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * The header's page links on a phone: folded behind a "Menü"/"Menu" button that says whether it is open and what
 * it controls, every page reachable from it, closed again after a link, by Escape (focus back on the button) and
 * by a tap elsewhere. On a desktop there is no button and the links stand in the header as before.
 */

const PAGES: Record<'de' | 'en', { path: string; link: string }[]> = {
  de: [
    { path: '/overview', link: 'Übersicht' },
    { path: '/orders', link: 'Bestellungen' },
    { path: '/returns', link: 'Retouren' },
    { path: '/offers', link: 'Angebote & Bestand' },
    { path: '/sku-check', link: 'SKU-Prüfung' },
    { path: '/issues', link: 'Probleme' },
    { path: '/runs', link: 'Sync-Läufe' },
    { path: '/accounts', link: 'Konten' },
    { path: '/erp', link: 'ERP' },
    { path: '/carriers', link: 'Versand' },
    { path: '/admins', link: 'Admins' },
  ],
  en: [
    { path: '/overview', link: 'Overview' },
    { path: '/orders', link: 'Orders' },
    { path: '/returns', link: 'Returns' },
    { path: '/offers', link: 'Offers & stock' },
    { path: '/sku-check', link: 'SKU check' },
    { path: '/issues', link: 'Issues' },
    { path: '/runs', link: 'Runs' },
    { path: '/accounts', link: 'Accounts' },
    { path: '/erp', link: 'ERP' },
    { path: '/carriers', link: 'Carriers' },
    { path: '/admins', link: 'Admins' },
  ],
};

const WORDS = {
  de: { menu: 'Menü', nav: 'Hauptnavigation' },
  en: { menu: 'Menu', nav: 'Main' },
} as const;

let world: SyncWorld;
let browser: Browser;
let session: Session;

const openIn = (locale: BrowserLocale, width: number, height: number) =>
  openLocale(browser, session, locale, { width, height });

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('phone menu', () => {
  beforeAll(async () => {
    world = await startSyncWorld({
      products: [{ sku: 'BAG-1', ean: '4006381333931', name: 'Daypack', price: 57.49, qty: 10 }],
    });
    await listedBagWithOrder(world);
    await world.run('orders');
    ({ browser, session } = await signedInBrowser(world));
  });

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  for (const locale of ['de-DE', 'en-GB'] as const) {
    const language = locale === 'de-DE' ? 'de' : 'en';
    const words = WORDS[language];

    it(`${locale} at 390×844: every page through the menu, which closes after each`, async () => {
      const page = await openIn(locale, 390, 844);
      try {
        await page.goto(`${world.app.url}/overview`);
        const nav = page.getByRole('navigation', { name: words.nav });
        const button = nav.getByRole('button', { name: words.menu });
        await button.waitFor();
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        const list = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
        expect(await list.count()).toBe(1);
        expect(await list.isVisible()).toBe(false);
        // Closed, the header takes the product, the user and one row for the button, not four rows of links.
        const headerHeight = await page
          .locator('.app-header')
          .evaluate((el) => el.getBoundingClientRect().height);
        expect(headerHeight).toBeLessThan(160);
        await saveScreenshot(page, `phone-menu-closed-${language}.png`, { fullPage: false });

        await button.click();
        expect(await button.getAttribute('aria-expanded')).toBe('true');
        await list.waitFor({ state: 'visible' });
        expect(await list.getByRole('link').allTextContents()).toEqual(PAGES[language].map((p) => p.link));
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        await saveScreenshot(page, `phone-menu-open-${language}.png`, { fullPage: false });

        for (const target of PAGES[language]) {
          if (!(await list.isVisible())) await button.click();
          await list.getByRole('link', { name: target.link, exact: true }).click();
          await page.waitForURL((url) => url.pathname === target.path);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          expect(await button.getAttribute('aria-expanded')).toBe('false');
          expect(await list.isVisible()).toBe(false);
          // The hidden list does not keep the focus: the page just opened has it.
          expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
          expect(await button.textContent()).toContain(target.link);
          expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
          await saveScreenshot(page, `phone-menu-page-${target.path.slice(1)}-${language}.png`);
        }
      } finally {
        await page.context().close();
      }
    });

    it(`${locale} at 390×844: Escape closes the menu and gives the focus back to its button; so does a tap elsewhere`, async () => {
      const page = await openIn(locale, 390, 844);
      try {
        await page.goto(`${world.app.url}/orders`);
        const nav = page.getByRole('navigation', { name: words.nav });
        const button = nav.getByRole('button', { name: words.menu });
        await button.focus();
        await page.keyboard.press('Enter');
        expect(await button.getAttribute('aria-expanded')).toBe('true');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(PAGES[language][0]!.link);
        await page.keyboard.press('Escape');
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

        await button.click();
        expect(await button.getAttribute('aria-expanded')).toBe('true');
        await page.getByRole('heading', { level: 1 }).first().click();
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        expect(new URL(page.url()).pathname).toBe('/orders');
      } finally {
        await page.context().close();
      }
    });

    for (const width of [360, 414]) {
      it(`${locale} at ${width} px: every page fits the width, the header's buttons too`, async () => {
        const page = await openIn(locale, width, 800);
        try {
          for (const target of PAGES[language]) {
            await page.goto(`${world.app.url}${target.path}`);
            await page.getByRole('heading', { level: 1 }).first().waitFor();
            expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
            for (const control of await page.locator('.app-header button, .app-header a').all()) {
              if (!(await control.isVisible())) continue;
              const box = (await control.boundingBox())!;
              expect(box.x + box.width).toBeLessThanOrEqual(width);
            }
            await saveScreenshot(page, `phone-menu-${width}-${target.path.slice(1)}-${language}.png`);
          }
        } finally {
          await page.context().close();
        }
      });
    }

    it(`${locale} at 1440×900: no menu button, every page link in the header`, async () => {
      const page = await openIn(locale, 1440, 900);
      try {
        await page.goto(`${world.app.url}/overview`);
        const nav = page.getByRole('navigation', { name: words.nav });
        await nav.getByRole('link').first().waitFor();
        expect(await nav.getByRole('button').isVisible()).toBe(false);
        const links = nav.getByRole('link');
        expect(await links.allTextContents()).toEqual(PAGES[language].map((p) => p.link));
        for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
        await saveScreenshot(page, `phone-menu-desktop-${language}.png`, { fullPage: false });
      } finally {
        await page.context().close();
      }
    });
  }
});
