import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectOdoo } from '../../src/connectors/odoo/index.ts';
import { many2one } from '../../src/connectors/odoo/odoo.client.ts';
import { startDemo, type Demo } from '../../src/demo/start-demo.ts';
import { runStep } from '../../src/sync/run-step.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

describe('demo: a kaufland.cz order lands in Odoo in CZK with the buyer’s total', () => {
  let app: TestApp;
  let demo: Demo;

  beforeAll(async () => {
    app = await startTestApp();
    // No activity timer: this test places the order itself.
    demo = await startDemo(app.ctx, { products: 20, storefronts: ['de', 'cz'], everyMs: 3_600_000 });
  });
  afterAll(async () => {
    await demo?.stop();
    await app?.close();
  });

  it('lists on cz in CZK and books the CZ order in CZK, total = what the buyer paid', async () => {
    // The demo activated CZK with a rate, so the first cycle lists the catalog on cz too.
    for (const step of ['catalog', 'stock'] as const) await runStep(app.ctx, demo.accountId, step, 'cli');
    const czUnit = demo.kaufland.state().units.find((u) => u.storefront === 'cz' && u.amount > 0);
    expect(czUnit).toBeDefined();
    // Priced in CZK at the demo rate: the Odoo price in EUR × 25.21, rounded to the haléř (no price rule).
    const listed = await app.ctx.db
      .selectFrom('catalog_products')
      .select('price_minor')
      .where('sku', '=', czUnit!.id_offer!)
      .executeTakeFirstOrThrow();
    expect(czUnit!.listing_price).toBe(Math.round(listed.price_minor * 25.21));
    const deUnit = demo.kaufland
      .state()
      .units.find((u) => u.storefront === 'de' && u.id_offer === czUnit!.id_offer);
    expect(deUnit?.listing_price).toBe(listed.price_minor);
    const order = demo.kaufland.createOrder({
      client_key: demo.clientKey,
      storefront: 'cz',
      items: [{ id_offer: czUnit!.id_offer!, quantity: 1, shipping_rate: 9900 }],
    });
    const run = await runStep(app.ctx, demo.accountId, 'orders', 'cli');
    expect(run.status).toBe('succeeded');
    const odoo = await connectOdoo({
      url: demo.odoo.url,
      database: demo.odoo.database,
      login: demo.odoo.login,
      secret: demo.odoo.apiKey,
    });
    const [so] = await odoo.searchRead(
      'sale.order',
      { domain: [['client_order_ref', '=', order.id_order]], fields: ['amount_total', 'currency_id'] },
      z.looseObject({ amount_total: z.number(), currency_id: many2one }),
    );
    const paid = order.order_units.reduce((sum, u) => sum + u.price + u.shipping_rate, 0);
    expect(so?.currency_id && so.currency_id[1]).toBe('CZK');
    expect(Math.round(so!.amount_total * 100)).toBe(paid);
  });
});
