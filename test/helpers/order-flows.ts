import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signUpInBrowser, type BrowserLocale } from './browser-session.ts';
import type { SyncWorld } from './sync-world.ts';

/**
 * Steps the browser tests share to bring a sync world to the page they look at: an Odoo tax that AdlerDo has to
 * correct, an order shipped and invoiced, a signed-in session to open in either language at either size.
 */

/** A 19 % sale tax Odoo adds on top of the price, on this product: AdlerDo swaps it (the tax correction). */
export async function excludedTaxOn(world: SyncWorld, sku: string): Promise<void> {
  const odoo = await world.odooClient();
  const tax = await odoo.create('account.tax', {
    name: '19%',
    amount: 19,
    amount_type: 'percent',
    price_include: false,
    type_tax_use: 'sale',
  });
  const products = await odoo.search('product.product', [['default_code', '=', sku]]);
  await odoo.write('product.product', products, { taxes_id: [[6, 0, [tax]]] });
}

/** A kaufland.de order imported, shipped in Odoo, confirmed, and its invoice uploaded; its hub id and units. */
export async function shippedAndInvoiced(world: SyncWorld, items: { id_offer: string; quantity: number }[]) {
  const order = world.kaufland.createOrder({ client_key: world.keys.client_key, storefront: 'de', items });
  await world.run('orders');
  world.odoo.ship({
    client_order_ref: order.id_order,
    carrier: 'Standard delivery',
    tracking_ref: 'PARCEL-1',
  });
  await world.run('shipments');
  const hub = await world.app.ctx.db
    .selectFrom('hub_orders')
    .select(['id', 'erp_order_id'])
    .where('marketplace_order_id', '=', order.id_order)
    .executeTakeFirstOrThrow();
  const erp = (await world.app.ctx.erp.openSession())!.session;
  await erp.invoiceSaleOrder(hub.erp_order_id!);
  await world.run('documents');
  const units = world.kaufland.state().order_units.filter((u) => u.id_order === order.id_order);
  return { idOrder: order.id_order, hubId: hub.id, units: units.map((u) => u.id_order_unit) };
}

/** Bag BAG-1 listed on kaufland.de (4 pieces at 57.49 €), stock synced, one order of it placed (not yet fetched). */
export async function listedBagWithOrder(world: SyncWorld): Promise<void> {
  await world.listOnKaufland([{ sku: 'BAG-1', ean: '4006381333931', price: 5749, amount: 4 }]);
  for (const step of ['catalog', 'stock'] as const) await world.run(step);
  world.kaufland.createOrder({
    client_key: world.keys.client_key,
    storefront: 'de',
    items: [{ id_offer: 'BAG-1', quantity: 1, shipping_rate: 0 }],
  });
}

export type Session = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A browser and the administrator's signed-in session, for pages opened in any language and size. */
export async function signedInBrowser(
  world: SyncWorld,
  timeoutMs = 20_000,
): Promise<{ browser: Browser; session: Session }> {
  const { browser, page } = await launchBrowser(timeoutMs);
  await signUpInBrowser(page, world.app.url);
  const session = await page.context().storageState();
  await page.close();
  return { browser, session };
}

/** A page in its own context: the browser's language (what the app starts in) and the screen's size. */
export async function openIn(
  browser: Browser,
  session: Session,
  locale: BrowserLocale,
  viewport: { width: number; height: number } = { width: 1440, height: 900 },
): Promise<Page> {
  const { width, height } = viewport;
  const context = await browser.newContext({ locale, viewport: { width, height }, storageState: session });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}
