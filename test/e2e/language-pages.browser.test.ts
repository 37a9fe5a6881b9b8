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
 * The working pages (orders, offers, SKU check, runs and one run, issues, carriers, ERP) in a German and in a
 * British browser, on a desktop and on a phone: the words come from the language's catalogue, money is written
 * the reader's way in the storefront's currency (57,49 € / €57.49; 1.548,00 CZK / CZK 1,548.00), dates too, and
 * nothing pushes the phone's page sideways. Each view is saved to test-output/screenshots/ to be looked at.
 */

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

type Words = Record<'de' | 'en', (string | RegExp)[]>;

interface PageCase {
  name: string;
  path: string;
  heading: Record<'de' | 'en', string>;
  /** Shown once the page's data arrived (the heading alone comes before it). */
  words: Words;
}

const PAGES: PageCase[] = [
  {
    name: 'orders',
    path: '/orders',
    heading: { de: 'Bestellungen', en: 'Orders' },
    words: {
      de: ['Käufer', 'Summe', 'ERP-Auftrag', '57,49 €', '1.548,00 CZK'],
      en: ['Buyer', 'Total', 'ERP order', '€57.49', 'CZK 1,548.00'],
    },
  },
  {
    name: 'offers',
    path: '/offers?storefront=de',
    heading: { de: 'Angebote & Bestand', en: 'Offers & stock' },
    words: {
      de: ['Frei in Odoo', 'Kaufland-Preis', 'Abweichend', '57,49 €', /Live, aktualisiert alle 10 s/],
      en: ['Odoo free', 'Kaufland price', 'Out of sync', '€57.49', /Live, updates every 10 s/],
    },
  },
  {
    name: 'sku-check',
    path: '/sku-check',
    heading: { de: 'SKU-Prüfung', en: 'SKU check' },
    words: {
      de: ['Doppelte EANs', 'In Odoo, nicht bei Kaufland', 'Keine EAN im ERP', 'CSV herunterladen'],
      en: ['Duplicate EANs', 'In Odoo, not on Kaufland', 'No EAN in the ERP', 'Download CSV'],
    },
  },
  {
    name: 'runs',
    path: '/runs',
    heading: { de: 'Sync-Läufe', en: 'Runs' },
    words: {
      de: ['Gestartet', 'Ergebnis', 'Kaufland-Aufrufe pro Minute', /Limit 111\/s = 6\.660\/min/],
      en: ['Started', 'Result', 'Kaufland calls per minute', /Limit 111\/s = 6,660\/min/],
    },
  },
  {
    name: 'issues',
    path: '/issues',
    heading: { de: 'Probleme', en: 'Issues' },
    words: {
      de: ['Was AdlerDo zurückhält und warum.', /offenes? Problem|Keine offenen Probleme/],
      en: ['What AdlerDo holds back and why.', /open issues?|No open issues/],
    },
  },
  {
    name: 'carriers',
    path: '/carriers?carrier=DPD%20Paket',
    heading: { de: 'Versanddienstleister', en: 'Carriers' },
    words: {
      de: ['Versandmethode in Odoo', 'Nicht zugeordnet (wartet)', 'Zuordnung speichern'],
      en: ['Odoo carrier', 'Not mapped: its shipments wait', 'Save carriers'],
    },
  },
  {
    name: 'erp',
    path: '/erp',
    heading: { de: 'ERP', en: 'ERP' },
    words: {
      de: ['Verbundenes ERP', 'Zuletzt geprüft', 'Sicherheitspuffer (Stück)', /Nutzt JSON-(RPC|2)/],
      en: ['Connected ERP', 'Last verified', 'Safety buffer (units)', /Uses JSON-(RPC|2)/],
    },
  },
];

let world: SyncWorld;
let browser: Browser;
/** The signed-in session (cookie), handed to each language's browser context. */
let session: Session;

const openIn = (locale: BrowserLocale, viewport: (typeof VIEWPORTS)[number]) =>
  openLocale(browser, session, locale, viewport);

/** In the page (a phone hides table headers behind each cell's own label, a closed select its options). */
async function expectWords(page: Page, words: (string | RegExp)[]): Promise<void> {
  for (const word of words) await page.getByText(word).first().waitFor({ state: 'attached' });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('the working pages in German and English, desktop and phone', () => {
  beforeAll(async () => {
    world = await startSyncWorld({
      products: [
        { sku: 'BAG-1', ean: '4006381333931', name: 'Daypack', price: 57.49, qty: 10 },
        { sku: 'STRAP-1', name: 'Shoulder strap', price: 9.9, qty: 20 },
      ],
      storefronts: ['de', 'cz'],
    });
    // Odoo books the Czech order in CZK: the currency must be active there.
    const odoo = await world.odooClient();
    const czk = await odoo.search('res.currency', [['name', '=', 'CZK']], {
      context: { active_test: false },
    });
    await odoo.write('res.currency', czk, { active: true });
    await world.kauflandClient.units.create('cz', {
      id_offer: 'BAG-1',
      ean: '4006381333931',
      listing_price: 144900,
      amount: 10,
      handling_time: 1,
      condition: 'NEW',
    });
    await listedBagWithOrder(world);
    world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'cz',
      items: [{ id_offer: 'BAG-1', quantity: 1, shipping_rate: 9900 }],
    });
    await world.run('orders');
    ({ browser, session } = await signedInBrowser(world));
  });

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  for (const locale of ['de-DE', 'en-GB'] as const) {
    const language = locale === 'de-DE' ? 'de' : 'en';
    for (const viewport of VIEWPORTS) {
      it(`${locale} at ${viewport.width}×${viewport.height}: every page in its words, money and dates`, async () => {
        const page = await openIn(locale, viewport);
        try {
          for (const pageCase of PAGES) {
            await page.goto(`${world.app.url}${pageCase.path}`);
            await page
              .getByRole('heading', { name: pageCase.heading[language], level: 1, exact: true })
              .waitFor();
            await expectWords(page, pageCase.words[language]);
            expect(await page.title()).toBe(`${pageCase.heading[language]} · AdlerDo`);
            if (pageCase.name === 'orders') {
              // The full date (the tooltip of "placed") is written the reader's way.
              const full = await page.locator('td time').first().getAttribute('title');
              expect(full).toMatch(
                language === 'de'
                  ? /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/
                  : /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/,
              );
            }
            if (viewport.name === 'phone') await expectNoSidewaysScroll(page);
            await saveScreenshot(page, `lang-${pageCase.name}-${language}-${viewport.name}.png`);
          }

          // One run, opened from the run log.
          await page.goto(`${world.app.url}/runs`);
          await page.locator('.runs-table tbody th a').first().click();
          await expectWords(
            page,
            language === 'de'
              ? ['Was er getan hat', 'Gelesen', '← Alle Läufe']
              : ['What it did', 'Read', '← All runs'],
          );
          await page
            .getByRole('heading', { name: language === 'de' ? /^Lauf: / : / run/, level: 1 })
            .waitFor();
          if (viewport.name === 'phone') await expectNoSidewaysScroll(page);
          await saveScreenshot(page, `lang-run-${language}-${viewport.name}.png`);
        } finally {
          await page.context().close();
        }
      });
    }
  }

  // Last, as it disconnects the ERP the other views show.
  it('de-DE: the ERP connect form and where to find its values, on a desktop and a phone', async () => {
    await world.app.ctx.erp.disconnect();
    for (const viewport of VIEWPORTS) {
      const page = await openIn('de-DE', viewport);
      try {
        await page.goto(`${world.app.url}/erp`);
        const form = page.getByRole('form', { name: 'ERP verbinden' });
        await form.getByLabel('Datenbank', { exact: true }).waitFor();
        await form.getByLabel('API-Schlüssel', { exact: true }).waitFor();
        await expectWords(page, [
          'Wo finde ich diese Angaben?',
          'Einstellungen → Kontosicherheit → Neuer API-Schlüssel',
        ]);
        await form.getByRole('button', { name: 'Verbinden' }).click();
        // The browser's own check in German; the server's field messages replaced by the catalogue's.
        await form
          .getByText('Geben Sie den API-Schlüssel (oder das Passwort) des ERP-Benutzers ein.')
          .waitFor();
        await form.getByText('Geben Sie den Datenbanknamen ein.').waitFor();
        await form.getByText('Geben Sie den Login des ERP-Benutzers ein.').waitFor();
        if (viewport.name === 'phone') await expectNoSidewaysScroll(page);
        await saveScreenshot(page, `lang-erp-connect-de-${viewport.name}.png`);
      } finally {
        await page.context().close();
      }
    }
  });
});
