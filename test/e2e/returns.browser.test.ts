import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot, signUpInBrowser } from '../helpers/browser-session.ts';
import { shippedAndInvoiced } from '../helpers/order-flows.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

let world: SyncWorld;
let browser: Browser;
let page: Page;

async function bothSizes(name: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await saveScreenshot(page, `${name}.png`);
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, `${name}-phone.png`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('Returns page and a returned order’s timeline', () => {
  beforeAll(async () => {
    [world, { browser, page }] = await Promise.all([
      startSyncWorld({
        products: [
          { sku: 'TEA-POT', ean: '4006381333931', name: 'Tea pot', price: 24.9, qty: 20 },
          { sku: 'MUG-RED', ean: '4006381333948', name: 'Red mug', price: 8.5, qty: 20 },
        ],
        settings: { carrierMapping: { 'Standard delivery': 'DHL' }, autoAcceptReturns: false },
      }),
      launchBrowser(20_000),
    ]);
    await world.listOnKaufland([
      { sku: 'TEA-POT', ean: '4006381333931', price: 2490 },
      { sku: 'MUG-RED', ean: '4006381333948', price: 850 },
    ]);
    await signUpInBrowser(page, world.app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('lists returns with reason, note, status and tracking; Accept on a booked-back return, Reject asks for a message', async () => {
    const returned = await shippedAndInvoiced(world, [
      { id_offer: 'TEA-POT', quantity: 1 },
      { id_offer: 'MUG-RED', quantity: 1 },
    ]);
    const started = world.kaufland.startReturn({
      order_units: [
        { id_order_unit: returned.units[0]!, reason: 'defect', note: 'The lid does not close.' },
        { id_order_unit: returned.units[1]!, reason: 'dislike', note: 'Colour looks different.' },
      ],
      tracking_provider: 'DHL',
      tracking_code: 'RET-4711',
    });
    world.kaufland.returnArrives(started.id_return);
    await world.run('returns');
    world.odoo.receiveReturn({ client_order_ref: returned.idOrder });
    await world.run('returns');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Returns', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Returns', level: 1 }).waitFor();
    const teaRow = page.getByRole('row').filter({ hasText: 'TEA-POT' });
    await teaRow.getByText('The lid does not close.').waitFor();
    expect(await teaRow.innerText()).toMatch(/Defective[\s\S]*Arrived[\s\S]*RET-4711/);
    await teaRow.getByText('waiting for your answer').waitFor();
    await bothSizes('returns-page');

    await teaRow
      .getByRole('button', { name: `Accept return of TEA-POT in order ${returned.idOrder}` })
      .click();
    await teaRow.getByText('New status: Accepted').waitFor();

    const mugRow = page.getByRole('row').filter({ hasText: 'MUG-RED' });
    await mugRow.getByRole('button', { name: 'Reject' }).click();
    const send = mugRow.getByRole('button', { name: 'Reject: Send' });
    expect(await send.isDisabled()).toBe(true);
    await mugRow
      .getByLabel('Message to the buyer')
      .fill('The mug shows signs of use; we cannot take it back.');
    await send.click();
    await mugRow.getByText('New status: Rejected').waitFor();
    const units = world.kaufland.state().return_units.filter((u) => u.id_return === started.id_return);
    expect(units.map((u) => u.status).sort()).toEqual(['return_accepted', 'return_rejected']);
  });

  it('the order page shows invoice, return, booking back, acceptance, credit note and refund with Odoo names and times', async () => {
    const [hub] = await world.app.ctx.db
      .selectFrom('hub_return_lines')
      .select(['order_id', 'marketplace_order_id'])
      .where('status', '=', 'accepted')
      .execute();
    // The credit note for the accepted return, then uploaded like the invoice.
    await world.run('returns');
    await world.run('documents');
    await page.goto(`${world.app.url}/orders/${hub!.order_id}`);
    await page.getByRole('heading', { name: `Order ${hub!.marketplace_order_id}` }).waitFor();

    const refund = page.getByRole('region', { name: 'Refund part of a unit' });
    // The accepted pot went back paid in full: Kaufland refunds the rejected mug's unit only.
    await refund.getByLabel('Unit').selectOption({ index: 1 });
    await refund.getByLabel('Amount (EUR)').fill('100');
    await refund.getByLabel('Reason').selectOption('delivery_damage');
    await refund.getByRole('button', { name: 'Refund' }).click();
    await refund.getByText(/At most .* can be refunded/).waitFor();
    await refund.getByLabel('Amount (EUR)').fill('3.50');
    await refund.getByRole('button', { name: 'Refund' }).click();
    await refund.getByText(/Refunded €3\.50; credit note \S+ in Odoo\./).waitFor();

    const timeline = page.getByRole('list').filter({ hasText: 'Placed on Kaufland' });
    for (const title of [
      /Invoice INV\S+ uploaded to Kaufland/,
      /Return announced/,
      /Return parcel arrived/,
      /Return \S+ booked back in Odoo/,
      /Return accepted on Kaufland/,
      /Return rejected on Kaufland/,
      /Credit note \S+ created in Odoo/,
      /Credit note \S+ uploaded to Kaufland/,
      /Refund sent to the buyer, credit note \S+ in Odoo/,
    ])
      await timeline.getByText(title).first().waitFor();
    await timeline.getByText(/Message to the buyer: “The mug shows signs of use/).waitFor();
    await bothSizes('order-returned-timeline');
  });

  it('speaks German on a German screen', async () => {
    const german = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'de-DE' });
    try {
      await german.goto(world.app.url);
      const context = page.context();
      await german.context().addCookies(await context.cookies());
      await german.goto(`${world.app.url}/returns`);
      await german.getByRole('heading', { name: 'Retouren', level: 1 }).waitFor();
      await german.getByRole('columnheader', { name: 'Notiz des Käufers' }).waitFor();
      await german.locator('.pill').filter({ hasText: 'Angenommen' }).first().waitFor();
    } finally {
      await german.close();
    }
  });
});
