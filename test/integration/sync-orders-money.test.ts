import { z } from 'zod';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { many2one, type OdooClient } from '../../src/connectors/odoo/odoo.client.ts';
import { orderDetail } from '../../src/views/orders.queries.ts';
import { runCli } from '../helpers/cli.ts';
import { withDatabase } from '../helpers/global-setup.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

// One product per tax case; prices in the storefront's cents (57.49 EUR, 1449.00 CZK, 239.99 PLN).
const PRODUCTS = [
  { sku: 'M-EXCL', ean: '4006381333931', name: 'Daypack (19 % excl.)', price: 57.49, qty: 50 },
  { sku: 'M-INCL', ean: '4006381333948', name: 'Bottle (19 % incl.)', price: 19.99, qty: 50 },
];
const saleOrderSchema = z.looseObject({
  id: z.number(),
  amount_untaxed: z.number(),
  amount_tax: z.number(),
  amount_total: z.number(),
  currency_id: many2one,
  pricelist_id: many2one,
});
const cents = (amount: number) => Math.round(amount * 100);
/** The VAT contained in a gross line total at 19 %, rounded per line as Odoo does. */
const vat19 = (grossCents: number) => grossCents - Math.round(grossCents / 1.19);

describe('orders in the order currency with the buyer total (orders step against both sandboxes)', () => {
  let world: SyncWorld;
  let odoo: OdooClient;
  let excluded19: number;
  let included19: number;

  const saleOrderOf = async (ref: string) => {
    const [row] = await odoo.searchRead(
      'sale.order',
      {
        domain: [['client_order_ref', '=', ref]],
        fields: ['amount_untaxed', 'amount_tax', 'amount_total', 'currency_id', 'pricelist_id'],
      },
      saleOrderSchema,
    );
    if (!row) throw new Error(`no sale order for ${ref}`);
    return row;
  };
  const hubOrder = (ref: string) =>
    world.app.ctx.db
      .selectFrom('hub_orders')
      .selectAll()
      .where('marketplace_order_id', '=', ref)
      .executeTakeFirstOrThrow();
  const openIssues = (ref: string) =>
    world.app.ctx.db
      .selectFrom('sync_issues')
      .selectAll()
      .where('subject', '=', ref)
      .where('resolved_at', 'is', null)
      .execute();
  const order = (
    storefront: string,
    items: { id_offer: string; quantity: number; shipping_rate?: number }[],
  ) =>
    world.kaufland.createOrder({ client_key: world.keys.client_key, storefront: storefront as never, items });
  const paid = (o: ReturnType<typeof order>) =>
    o.order_units.reduce((sum, u) => sum + u.price + u.shipping_rate, 0);
  const setTaxes = async (model: string, domain: unknown[], taxIds: number[]) => {
    const ids = await odoo.search(model, domain);
    await odoo.write(model, ids, { taxes_id: [[6, 0, taxIds]] });
  };
  const activate = async (code: string) => {
    const ids = await odoo.search('res.currency', [['name', '=', code]], { context: { active_test: false } });
    await odoo.write('res.currency', ids, { active: true });
  };

  beforeAll(async () => {
    world = await startSyncWorld({ products: PRODUCTS, storefronts: ['de', 'cz', 'pl'] });
    odoo = await world.odooClient();
    // A German company's default sale tax is 19 % price-EXCLUDED (SKR03, recorded on 17.0).
    excluded19 = await odoo.create('account.tax', {
      name: '19%',
      amount: 19,
      amount_type: 'percent',
      price_include: false,
      type_tax_use: 'sale',
    });
    included19 = await odoo.create('account.tax', {
      name: '19% INC',
      amount: 19,
      amount_type: 'percent',
      price_include: true,
      type_tax_use: 'sale',
    });
    await setTaxes('product.product', [['default_code', '=', 'M-EXCL']], [excluded19]);
    await setTaxes('product.product', [['default_code', '=', 'M-INCL']], [included19]);
    for (const [storefront, excl, incl] of [
      ['de', 5749, 1999],
      ['cz', 144900, 49900],
      ['pl', 23999, 8999],
    ] as const) {
      for (const [sku, ean, price] of [
        ['M-EXCL', '4006381333931', excl],
        ['M-INCL', '4006381333948', incl],
      ] as const) {
        await world.kauflandClient.units.create(storefront, {
          id_offer: sku,
          ean,
          listing_price: price,
          amount: 100,
          handling_time: 1,
          condition: 'NEW',
        });
      }
    }
  });
  afterAll(() => world?.close());

  it('DE, default 19 % excluded tax: the line keeps the gross price and the total is what the buyer paid', async () => {
    const de = order('de', [{ id_offer: 'M-EXCL', quantity: 3, shipping_rate: 0 }]);
    const run = await world.run('orders');
    expect(run.status).toBe('succeeded');
    const so = await saleOrderOf(de.id_order);
    expect(paid(de)).toBe(3 * 5749);
    expect(cents(so.amount_total)).toBe(paid(de));
    expect(cents(so.amount_tax)).toBe(vat19(3 * 5749));
    expect(so.currency_id && so.currency_id[1]).toBe('EUR');
    const hub = await hubOrder(de.id_order);
    expect(hub).toMatchObject({ state: 'in_erp', erp_currency: 'EUR', erp_total_minor: String(paid(de)) });
    // The correction is on the order's timeline: the company's included 19 % replaced the excluded one.
    // Stored as a code with the two tax names, so the web app can say it in the seller's language.
    expect(hub.erp_corrections).toEqual([
      expect.objectContaining({ code: 'order.erp_tax_included', values: { from: '19%', to: '19% INC' } }),
    ]);
    const { timeline, order: view } = await orderDetail(world.app.ctx.db, hub.id);
    expect(timeline.find((e) => e.event === 'in_erp')?.detail).toMatch(
      /Tax correction: Odoo's price-excluded tax "19%" .* used the price-included "19% INC"/,
    );
    expect(view.erpCorrections).toEqual(hub.erp_corrections);
    expect(timeline.find((e) => e.event === 'in_erp')?.detail).toContain(
      `${(paid(de) / 100).toFixed(2)} EUR`,
    );
    expect(view).toMatchObject({ erpCurrency: 'EUR', erpTotalMinor: paid(de) });
    expect(await openIssues(de.id_order)).toEqual([]);
  });

  it('DE, price-included tax: nothing to correct, total and VAT to the cent (3 × 19.99 = 50.39 + 9.58)', async () => {
    const de = order('de', [{ id_offer: 'M-INCL', quantity: 3, shipping_rate: 0 }]);
    await world.run('orders');
    const so = await saleOrderOf(de.id_order);
    expect(so).toMatchObject({ amount_untaxed: 50.39, amount_tax: 9.58, amount_total: 59.97 });
    expect((await hubOrder(de.id_order)).erp_corrections).toBeNull();
  });

  it('DE with shipping on a taxed delivery product: units plus shipping, to the cent', async () => {
    await setTaxes('product.product', [['default_code', '=', 'Delivery_007']], [excluded19]);
    const de = order('de', [
      { id_offer: 'M-EXCL', quantity: 1, shipping_rate: 495 },
      { id_offer: 'M-INCL', quantity: 2, shipping_rate: 0 },
    ]);
    await world.run('orders');
    const so = await saleOrderOf(de.id_order);
    expect(paid(de)).toBe(5749 + 2 * 1999 + 495);
    expect(cents(so.amount_total)).toBe(paid(de));
    expect(cents(so.amount_tax)).toBe(vat19(5749) + vat19(2 * 1999) + vat19(495));
    await setTaxes('product.product', [['default_code', '=', 'Delivery_007']], []);
  });

  it('CZ and PL orders are booked in CZK and PLN on a "Kaufland <code>" pricelist; an inactive currency holds the order until it is activated', async () => {
    const cz = order('cz', [{ id_offer: 'M-EXCL', quantity: 1, shipping_rate: 0 }]);
    await world.run('orders');
    expect((await hubOrder(cz.id_order)).state).toBe('held');
    const [issue] = await openIssues(cz.id_order);
    expect(issue?.message).toContain('CZK');
    expect(JSON.stringify(issue)).toContain('Activate CZK in Odoo');

    await activate('CZK');
    await activate('PLN');
    const pl = order('pl', [{ id_offer: 'M-INCL', quantity: 2, shipping_rate: 1290 }]);
    const run = await world.run('orders');
    expect(run.status).toBe('succeeded');
    for (const [o, code] of [
      [cz, 'CZK'],
      [pl, 'PLN'],
    ] as const) {
      const so = await saleOrderOf(o.id_order);
      expect(so.currency_id && so.currency_id[1]).toBe(code);
      expect(so.pricelist_id && so.pricelist_id[1]).toBe(`Kaufland ${code} (${code})`);
      expect(cents(so.amount_total)).toBe(paid(o));
      expect(await hubOrder(o.id_order)).toMatchObject({
        state: 'in_erp',
        currency: code,
        erp_currency: code,
      });
      expect(await openIssues(o.id_order)).toEqual([]);
    }
    expect(cents((await saleOrderOf(cz.id_order)).amount_total)).toBe(144900);
    // The CLI shows each amount with its currency code, the buyer's and the ERP's.
    const dbName = await sql<{ name: string }>`SELECT current_database() AS name`.execute(world.app.ctx.db);
    const cli = await runCli(['orders', 'list', '--search', cz.id_order], {
      DATABASE_URL: withDatabase(inject('pgServerUrl'), dbName.rows[0]!.name),
      ADLERDO_DATA_DIR: world.app.ctx.config.ADLERDO_DATA_DIR,
      ADLERDO_MASTER_KEY: world.app.ctx.config.ADLERDO_MASTER_KEY!,
    });
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toMatch(/1449\.00 CZK\s+S\d+\s+1449\.00 CZK/);
    // One pricelist per currency, however many orders.
    const pricelists = await odoo.search('product.pricelist', [['name', '=like', 'Kaufland %']]);
    expect(pricelists).toHaveLength(3); // EUR, CZK, PLN
  });

  it('holds an order whose currency is not its storefront’s with an issue', async () => {
    // A unit Odoo does not know holds the order before it is booked; the hub then believes it is in EUR.
    await world.kauflandClient.units.create('cz', {
      id_offer: 'M-NONE',
      ean: '4006381333955',
      listing_price: 9900,
      amount: 10,
      handling_time: 1,
      condition: 'NEW',
    });
    const cz = order('cz', [{ id_offer: 'M-NONE', quantity: 1 }]);
    await world.run('orders');
    const stored = await hubOrder(cz.id_order);
    expect(stored).toMatchObject({ state: 'held', currency: 'CZK' });
    await world.app.ctx.db
      .updateTable('hub_orders')
      .set({ currency: 'EUR' })
      .where('id', '=', stored.id)
      .execute();
    await world.run('orders');
    expect((await hubOrder(cz.id_order)).state).toBe('held');
    const issues = await openIssues(cz.id_order);
    expect(issues.map((i) => i.code)).toContain('order.currency_mismatch');
    expect(issues.find((i) => i.code === 'order.currency_mismatch')?.message).toContain('CZ sells in CZK');
  });
});
