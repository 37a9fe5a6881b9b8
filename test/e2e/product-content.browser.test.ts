import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot, signUpInBrowser } from '../helpers/browser-session.ts';
import { eventually } from '../helpers/eventually.ts';
import { startPublicProxy, type PublicProxy } from '../helpers/public-proxy.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/** A 1×1 PNG, as Odoo keeps pictures: base64 of the file. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
// EANs in the GS1 in-store range: the Kaufland sandbox's catalogue has no product for them.
const MUG = {
  sku: 'OWN-MUG',
  ean: '2000000000015',
  name: 'Stoneware mug, blue',
  description: 'A blue stoneware mug (Tasse), 350 ml.',
  image: PNG,
  category: 'Mugs',
  price: 14.9,
  qty: 8,
};
const BARE = {
  sku: 'OWN-BARE',
  ean: '2000000000039',
  name: 'Plain mug',
  image: PNG,
  category: 'Mugs',
  price: 9,
  qty: 4,
};
const NOPIC = {
  sku: 'OWN-NOPIC',
  ean: '2000000000046',
  name: 'Mug without picture',
  description: 'A mug (Tasse) nobody photographed yet.',
  category: 'Mugs',
  price: 11,
  qty: 2,
};
const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/**
 * Issue 13, point 3 in the browser: the SKU check page asks for the category Kaufland suggested, the seller
 * confirms it, and after the product sync the Offers and SKU check pages say per product: live, waiting for
 * product data (for what), refused (why), in English and German, on a desktop and a phone.
 */
describe('products Kaufland does not know yet, in the browser', () => {
  let proxy: PublicProxy;
  let world: SyncWorld;
  let browser: Browser;
  let page: Page;
  let session: Awaited<ReturnType<BrowserContext['storageState']>>;

  beforeAll(async () => {
    proxy = await startPublicProxy();
    [world, { browser, page }] = await Promise.all([
      startSyncWorld({
        products: [MUG, BARE, NOPIC],
        // Two storefronts, two content languages (de-DE, sk-SK): the state is shown per language.
        storefronts: ['de', 'sk'],
        settings: { productStockSync: true },
        env: { ADLERDO_PUBLIC_URL: proxy.url },
      }),
      launchBrowser(20_000),
    ]);
    proxy.forwardTo(world.app.url);
    await world.run('catalog');
    await world.run('stock');
    await world.run('catalog');
    await signUpInBrowser(page, world.app.url);
    session = await page.context().storageState();
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
    await proxy?.close();
  });

  it('the SKU check page asks for Kaufland’s category and confirming it maps the Odoo category', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${world.app.url}/sku-check`);
    const panel = page.getByTestId('product-content');
    await panel.getByRole('heading', { name: /Products Kaufland does not know yet/ }).waitFor();
    const mug = panel.getByTestId('pc-OWN-MUG');
    await mug.getByText('Choose a category').waitFor();
    expect(await mug.getByLabel('Kaufland category').inputValue()).toBe('22001');
    await saveScreenshot(page, 'product-content-choose-en-desktop.png', { animations: 'disabled' });
    await mug.getByRole('button', { name: 'Confirm category' }).click();
    // One confirmation sets the category of every product of the Odoo category "All / Mugs".
    for (const sku of ['OWN-MUG', 'OWN-BARE', 'OWN-NOPIC'])
      await panel.getByTestId(`pc-${sku}`).getByText('Waiting to be sent').waitFor();
  });

  it('after the product sync: live, waiting for a picture, refused with Kaufland’s reason, in both languages', async () => {
    const settled = await eventually(
      async () => {
        await world.run('catalog');
        return world.app.ctx.db
          .selectFrom('product_content')
          .select(['sku', 'state'])
          .orderBy('sku')
          .execute();
      },
      (rows) => rows.every((r) => ['live', 'refused', 'needs_picture'].includes(r.state)),
    );
    expect(settled).toEqual([
      { sku: 'OWN-BARE', state: 'refused' },
      { sku: 'OWN-MUG', state: 'live' },
      { sku: 'OWN-NOPIC', state: 'needs_picture' },
    ]);
    await world.run('stock');

    const words = {
      en: {
        live: 'Live',
        refused: 'Refused',
        picture: 'Picture missing',
        reason: /\(sk-SK\) description is missing/,
        untranslated:
          'Sent in Odoo’s default language for de-DE, sk-SK: Odoo has none of these languages installed.',
      },
      de: {
        live: 'Live',
        refused: 'Abgelehnt',
        picture: 'Bild fehlt',
        reason: /\(sk-SK\) Beschreibung fehlt/,
        untranslated:
          'In der Standardsprache von Odoo gesendet für de-DE, sk-SK: Keine dieser Sprachen ist in Odoo installiert.',
      },
    };
    for (const locale of ['en-GB', 'de-DE'] as const) {
      const language = locale === 'de-DE' ? 'de' : 'en';
      for (const viewport of VIEWPORTS) {
        const context = await browser.newContext({
          locale,
          viewport: { width: viewport.width, height: viewport.height },
          storageState: session,
        });
        const view = await context.newPage();
        view.setDefaultTimeout(20_000);
        for (const where of ['offers', 'sku-check'] as const) {
          await view.goto(`${world.app.url}/${where}`);
          const panel = view.getByTestId('product-content');
          // The product's own state (its head); each language's state follows below it.
          await panel
            .getByTestId('pc-OWN-MUG')
            .locator('.pc-head')
            .getByText(words[language].live, { exact: true })
            .waitFor();
          await panel
            .getByTestId('pc-OWN-BARE')
            .locator('.pc-head')
            .getByText(words[language].refused, { exact: true })
            .waitFor();
          await panel.getByTestId('pc-OWN-BARE').getByText(words[language].reason).waitFor();
          // Per storefront language: live in both, sent in Odoo's default language (English only installed).
          for (const contentLanguage of ['de-DE', 'sk-SK'])
            await panel
              .getByTestId(`pc-OWN-MUG-${contentLanguage}`)
              .getByText(words[language].live, { exact: true })
              .waitFor();
          await panel
            .getByTestId('pc-OWN-BARE-sk-SK')
            .getByText(words[language].refused, { exact: true })
            .waitFor();
          await panel.getByTestId('pc-OWN-MUG').getByText(words[language].untranslated).waitFor();
          await panel
            .getByTestId('pc-OWN-NOPIC')
            .getByText(words[language].picture, { exact: true })
            .waitFor();
          // The Offers page shows the states; the seller acts on the SKU check page, which it links to.
          if (where === 'offers')
            expect(await panel.getByRole('link').getAttribute('href')).toBe(
              `/sku-check?account=${encodeURIComponent(world.account.id)}`,
            );
          const overflow = await view.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${where} ${language} ${viewport.name} scrolls sideways`).toBeLessThanOrEqual(0);
          await panel.scrollIntoViewIfNeeded();
          await saveScreenshot(view, `product-content-${where}-${language}-${viewport.name}.png`, {
            animations: 'disabled',
          });
        }
        await context.close();
      }
    }
  });
});
