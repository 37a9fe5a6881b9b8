import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot, signUpInBrowser } from '../helpers/browser-session.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * Issue 12, point 7, for what the server writes: issues raised by the real steps against the sandboxes (a
 * product without EAN, keys regenerated in the Kaufland sandbox) read in German on a German screen — message and
 * hint from the issueTexts catalogue, filled with the issue's own values — and in English on an English one.
 * Screenshots at 1440×900 and 390×844 land in test-output/screenshots/issue-texts-*.png.
 */

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let world: SyncWorld;
let browser: Browser;
let page: Page;
let german: BrowserContext;
let de: Page;
let heldOrder: string;

async function bothSizes(target: Page, name: string): Promise<void> {
  await target.setViewportSize(DESKTOP);
  await saveScreenshot(target, `issue-texts-${name}-1440.png`);
  await target.setViewportSize(PHONE);
  await saveScreenshot(target, `issue-texts-${name}-390.png`);
  await target.setViewportSize(DESKTOP);
}

describe("Issue messages in the reader's language, for issues raised through the sandboxes", () => {
  beforeAll(async () => {
    [world, { browser, page }] = await Promise.all([
      startSyncWorld({
        products: [
          { sku: 'MUG-1', name: 'Mug', ean: '4006381333931', qty: 5 },
          { sku: 'BOWL-1', name: 'Bowl without barcode', qty: 7 },
        ],
        settings: { productStockSync: true },
      }),
      launchBrowser(15_000),
    ]);
    await signUpInBrowser(page, world.app.url);
    // A product without EAN: the stock step holds it back with an issue naming the SKU and both systems.
    expect((await world.run('stock')).status).toBe('succeeded');
    // An order for a SKU Odoo does not have: the orders step holds it back.
    await world.listOnKaufland([{ sku: 'GHOST-1', ean: '4006381333993' }]);
    heldOrder = world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'GHOST-1', quantity: 1 }],
    }).id_order;
    expect((await world.run('orders')).status).toBe('succeeded');
    // "Generate new API keys" in the Seller Portal: the next run is refused, the account needs new keys.
    const rotated = await fetch(
      `${world.kaufland.origin}/_sandbox/sellers/${world.keys.client_key}/rotate-keys`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      },
    );
    expect(rotated.status).toBeLessThan(300);
    expect((await world.run('orders')).status).toBe('paused');
    german = await browser.newContext({ locale: 'de-DE', viewport: DESKTOP });
    await german.addCookies(await page.context().cookies());
    de = await german.newPage();
    de.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await german?.close();
    await browser?.close();
    await world?.close();
  });

  it('German: the Overview says what stopped, in German, with the account named', async () => {
    await de.goto(`${world.app.url}/`);
    const attention = de.getByRole('region', { name: 'Das erfordert Ihr Eingreifen' });
    await attention
      .getByText(
        'Test Store: Der Marktplatz hat die API-Schlüssel abgelehnt, deshalb synchronisiert dieses Konto nicht mehr.',
      )
      .waitFor();
    expect(await attention.textContent()).not.toContain('the marketplace refused');
    await bothSizes(de, 'overview-de');
  });

  it('German: the Issues page gives message and hint in German, filled with SKU and system names', async () => {
    await de.goto(`${world.app.url}/issues`);
    const list = de.locator('.issue-list');
    const keys = list.locator('li').filter({ hasText: 'Marktplatz-Schlüssel abgelehnt' });
    await keys
      .getByText(
        'Erzeugen Sie bei Bedarf neue Schlüssel im Seller Portal, klicken Sie dann auf „Schlüssel aktualisieren“ und geben Sie das neue Paar ein.',
      )
      .waitFor();
    const ean = list.locator('li').filter({ hasText: 'BOWL-1' });
    await ean
      .getByText('SKU BOWL-1 hat in Odoo keine EAN und kann deshalb nicht auf Kaufland angeboten werden.')
      .waitFor();
    await ean.getByText('Tragen Sie die EAN (Barcode) beim Produkt in Odoo ein.').waitFor();
    const text = (await list.textContent()) ?? '';
    // None of the server's English sentences, and no code, on the German screen.
    expect(text).not.toContain('has no EAN');
    expect(text).not.toContain('Generate new keys');
    expect(text).not.toContain('sku.no_ean');
    await bothSizes(de, 'issues-de');
  });

  it('English: the same issues in English from the same catalogue', async () => {
    await page.goto(`${world.app.url}/issues`);
    const list = page.locator('.issue-list');
    await list.getByText('SKU BOWL-1 has no EAN in Odoo, so it cannot be offered on Kaufland.').waitFor();
    await list
      .getByText('Test Store: the marketplace refused the API keys, so this account has stopped syncing.')
      .waitFor();
    await bothSizes(page, 'issues-en');
  });

  it('German: a held order says why in German, in the list and on its page', async () => {
    await de.goto(`${world.app.url}/orders?state=held`);
    const row = de.getByRole('row').filter({ hasText: heldOrder });
    await row.getByText('SKU GHOST-1 fehlt in Odoo').waitFor();
    expect(await row.textContent()).not.toContain('not in Odoo');
    await bothSizes(de, 'held-orders-de');
    const { id } = await world.app.ctx.db
      .selectFrom('hub_orders')
      .select('id')
      .where('marketplace_order_id', '=', heldOrder)
      .executeTakeFirstOrThrow();
    await de.goto(`${world.app.url}/orders/${id}`);
    const alert = de.locator('.issue-alert');
    await alert
      .getByText(`Bestellung ${heldOrder} wird zurückgehalten: SKU GHOST-1 gibt es nicht in Odoo.`)
      .waitFor();
    await alert.getByText(/Legen Sie das Produkt mit der internen Referenz GHOST-1 in Odoo an/).waitFor();
    await de
      .getByText(/SKU GHOST-1 fehlt in Odoo/)
      .first()
      .waitFor();
    expect(await de.locator('main').textContent()).not.toContain('not in Odoo');
    await bothSizes(de, 'held-order-de');
  });
});
