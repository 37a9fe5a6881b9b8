import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ErpOutcome,
  ErpSaleOrderInput,
  ErpSaleOrderResult,
  ErpSession,
} from '../../src/core/ports/erp.port.ts';
import {
  connectOdoo,
  createProducts,
  odooConnector,
  setStock,
  type OdooClient,
  type OdooSettingsInput,
} from '../../src/connectors/odoo/index.ts';
import { many2one } from '../../src/connectors/odoo/odoo.client.ts';
import { forEachOdoo } from '../helpers/real-odoo.ts';

/**
 * The order money contract (issue 10): currency by pricelist, price-included twins of excluded taxes, totals to
 * the cent. Runs against the sandbox (17 JSON-RPC, 19 JSON-2) and the real Odoo 17 when ODOO_TEST_URL, _DB,
 * _LOGIN, _KEY are set. The real database persists between runs: every run makes its own products, taxes (a
 * rate of its own, so the twin is created in that run) and marketplace name (so its pricelist is new), and
 * activates CZK itself (it may be active already).
 */
interface Target {
  settings: OdooSettingsInput;
  close(): Promise<void>;
}

const orderSchema = z.looseObject({
  amount_untaxed: z.number(),
  amount_tax: z.number(),
  amount_total: z.number(),
  currency_id: many2one,
  pricelist_id: many2one,
});
const taxSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  amount: z.number(),
  price_include: z.boolean(),
});
const cents = (amount: number) => Math.round(amount * 100);

function unwrap(outcome: ErpOutcome<ErpSaleOrderResult> | undefined): ErpSaleOrderResult {
  if (!outcome) throw new Error('no outcome');
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

function contract(name: string, open: () => Promise<Target>): void {
  describe(`Odoo money contract: ${name}`, () => {
    let target: Target;
    let client: OdooClient;
    let session: ErpSession;
    const tag = randomBytes(4).toString('hex').toUpperCase();
    const marketplace = `Contract ${tag}`;
    // A rate no chart ships (10.01 % … 19.99 %), so this run's twin does not exist yet on a real database.
    const oddRate = 10 + (parseInt(tag, 16) % 999) / 100 + 0.01;
    const sku = (n: number) => `CM-${tag}-${n}`;
    const ean = (n: number) => `28${String(parseInt(tag, 16) % 1e9).padStart(9, '0')}${n}`;
    let customer: ErpSaleOrderInput['customer'];
    let excluded: number;
    let included: number;

    const book = async (input: Omit<ErpSaleOrderInput, 'customer' | 'marketplace'>) => {
      const result = unwrap((await session.createSaleOrders([{ ...input, customer, marketplace }]))[0]);
      const [row] = await client.read(
        'sale.order',
        [Number(result.order.id)],
        ['amount_untaxed', 'amount_tax', 'amount_total', 'currency_id', 'pricelist_id'],
        undefined,
        orderSchema,
      );
      return { result, row: row! };
    };
    const setTaxes = async (skuName: string, taxIds: number[]) => {
      const ids = await client.search('product.product', [['default_code', '=', skuName]]);
      await client.write('product.product', ids, { taxes_id: [[6, 0, taxIds]] });
    };
    const taxes = (domain: unknown[]) =>
      client.searchRead('account.tax', { domain, fields: ['name', 'amount', 'price_include'] }, taxSchema);

    beforeAll(async () => {
      target = await open();
      client = await connectOdoo(target.settings);
      session = odooConnector.open(target.settings);
      const ids = await createProducts(
        client,
        [1, 2, 3].map((n) => ({ sku: sku(n), ean: ean(n), name: `Money ${tag} ${n}`, price: 1999 })),
      );
      await setStock(
        client,
        ids.map((productId) => ({ productId, quantity: 50 })),
      );
      excluded = await client.create('account.tax', {
        name: `${oddRate}% excl. ${tag}`,
        amount: oddRate,
        amount_type: 'percent',
        price_include: false,
        type_tax_use: 'sale',
      });
      included = await client.create('account.tax', {
        name: `19% incl. ${tag}`,
        amount: 19,
        amount_type: 'percent',
        // `price_include` up to 17; read-only from 18, where `price_include_override` decides.
        ...client.dialect.includedTaxVals,
        type_tax_use: 'sale',
      });
      await setTaxes(sku(1), [excluded]);
      await setTaxes(sku(2), [included]);
      const [found] = await session.findOrCreateCustomers([
        {
          externalId: `money:${tag}`,
          email: `money-${tag.toLowerCase()}@example.com`,
          invoiceAddress: {
            name: `Buyer ${tag}`,
            street: 'Hauptstr. 1',
            zip: '10115',
            city: 'Berlin',
            countryCode: 'DE',
          },
          shippingAddress: {
            name: `Buyer ${tag}`,
            street: 'Hauptstr. 1',
            zip: '10115',
            city: 'Berlin',
            countryCode: 'DE',
          },
        },
      ]);
      if (!found?.ok) throw new Error('no customer');
      customer = found.value;
      const czk = await client.search('res.currency', [['name', '=', 'CZK']], {
        context: { active_test: false },
      });
      await client.write('res.currency', czk, { active: true });
    }, 60_000);
    afterAll(async () => target?.close());

    it('swaps an excluded tax for a price-included twin made once: total is the gross, tax the VAT in it', async () => {
      const first = await book({
        externalRef: `MP-${tag}-EX1`,
        currency: 'EUR',
        lines: [{ sku: sku(1), quantity: 3, unitPrice: 1999 }],
      });
      expect(cents(first.row.amount_total)).toBe(3 * 1999);
      expect(cents(first.row.amount_tax)).toBe(5997 - Math.round(5997 / (1 + oddRate / 100)));
      expect(first.result.order).toMatchObject({ total: 5997, currency: 'EUR', state: 'confirmed' });
      expect(first.result.corrections).toEqual([
        expect.objectContaining({
          code: 'order.erp_tax_included',
          values: { from: `${oddRate}% excl. ${tag}`, to: expect.any(String) },
        }),
      ]);
      const twins = await taxes([
        ['amount', '=', oddRate],
        ['price_include', '=', true],
        ['type_tax_use', '=', 'sale'],
      ]);
      expect(twins.length).toBeGreaterThanOrEqual(1);
      const second = await book({
        externalRef: `MP-${tag}-EX2`,
        currency: 'EUR',
        lines: [{ sku: sku(1), quantity: 1, unitPrice: 5749 }],
      });
      expect(cents(second.row.amount_total)).toBe(5749);
      expect(
        await taxes([
          ['amount', '=', oddRate],
          ['price_include', '=', true],
          ['type_tax_use', '=', 'sale'],
        ]),
      ).toEqual(twins);
    });

    it('keeps a price-included tax: 3 × 19.99 = 50.39 + 9.58 = 59.97, nothing corrected', async () => {
      const { result, row } = await book({
        externalRef: `MP-${tag}-IN`,
        currency: 'EUR',
        lines: [{ sku: sku(2), quantity: 3, unitPrice: 1999 }],
      });
      expect(row).toMatchObject({ amount_untaxed: 50.39, amount_tax: 9.58, amount_total: 59.97 });
      expect(result.corrections).toEqual([]);
    });

    it('books a CZK order on one "<marketplace> CZK" pricelist, found again for the next order', async () => {
      const one = await book({
        externalRef: `MP-${tag}-CZ1`,
        currency: 'CZK',
        lines: [
          { sku: sku(1), quantity: 1, unitPrice: 144900 },
          { sku: sku(2), quantity: 2, unitPrice: 49900 },
        ],
        shippingAmount: 9900,
      });
      expect(one.row.currency_id && one.row.currency_id[1]).toBe('CZK');
      expect(one.row.pricelist_id && one.row.pricelist_id[1]).toBe(`${marketplace} CZK (CZK)`);
      const paid = 144900 + 2 * 49900 + 9900;
      const total = cents(one.row.amount_total);
      // To the cent on every version. Odoo 19 sums an order's untaxed amount from the unrounded line bases, so
      // these lines under two price-included rates can leave its own total a cent off (seen on the real 19.0:
      // 2545.99 for 2546.00); the connector then adds a "Rounding difference <marketplace>" line without tax
      // before confirming, and says so on the timeline. Up to 18 nothing needs correcting.
      expect(total).toBe(paid);
      expect(one.result.order).toMatchObject({ currency: 'CZK', total: paid });
      const lines = await client.searchRead(
        'sale.order.line',
        {
          domain: [['order_id', '=', Number(one.result.order.id)]],
          fields: ['name', 'price_unit', client.dialect.lineTaxField],
        },
        z.looseObject({ name: z.string(), price_unit: z.number() }).catchall(z.unknown()),
      );
      const rounding = lines.filter((l) => l.name.startsWith(`Rounding difference ${marketplace}`));
      const roundingNote = one.result.corrections.find((c) => c.code === 'order.erp_rounding_line');
      if (roundingNote) {
        expect(rounding).toHaveLength(1);
        expect(Math.abs(cents(rounding[0]!.price_unit))).toBeLessThanOrEqual(5);
        expect(rounding[0]![client.dialect.lineTaxField]).toEqual([]);
        expect(roundingNote.values).toMatchObject({
          line: `Rounding difference ${marketplace}`,
          differenceMinor: cents(rounding[0]!.price_unit),
        });
      } else expect(rounding).toEqual([]);
      // Whether Odoo 19 comes out a cent off depends on this run's odd rate; the sandbox rounds per line.
      const two = await book({
        externalRef: `MP-${tag}-CZ2`,
        currency: 'CZK',
        lines: [{ sku: sku(3), quantity: 1, unitPrice: 12345 }],
      });
      expect(two.row.pricelist_id).toEqual(one.row.pricelist_id);
      const lists = await client.search('product.pricelist', [['name', '=', `${marketplace} CZK`]]);
      expect(lists).toHaveLength(1);
    });

    it('follows the fiscal position Odoo picks for the delivery address: the mapped tax, made price-included', async () => {
      // Auto-applied for one zip of this run only, so it changes nothing for other buyers on a real database.
      const zip = `Z${tag}`;
      const mappedRate = oddRate + 1;
      // Up to 18 the position holds (source, destination) rows; from 19 it lists its destination taxes, each
      // naming the taxes it replaces.
      const from19 = client.dialect.major >= 19;
      const mapped = await client.create('account.tax', {
        name: `${mappedRate}% excl. mapped ${tag}`,
        amount: mappedRate,
        amount_type: 'percent',
        price_include: false,
        type_tax_use: 'sale',
        ...(from19 && { original_tax_ids: [[6, 0, [excluded]]] }),
      });
      const [germany] = await client.search('res.country', [['code', '=', 'DE']]);
      const position = await client.create('account.fiscal.position', {
        name: `Zip ${tag}`,
        auto_apply: true,
        country_id: germany,
        zip_from: zip,
        zip_to: zip,
        tax_ids: from19 ? [[6, 0, [mapped]]] : [[0, 0, { tax_src_id: excluded, tax_dest_id: mapped }]],
      });
      const address = { name: `Buyer FP ${tag}`, street: 'Ring 2', zip, city: 'Köln', countryCode: 'DE' };
      const [buyer] = await session.findOrCreateCustomers([
        { externalId: `money-fp:${tag}`, email: null, invoiceAddress: address, shippingAddress: address },
      ]);
      if (!buyer?.ok) throw new Error('no customer');
      const result = unwrap(
        (
          await session.createSaleOrders([
            {
              externalRef: `MP-${tag}-FP`,
              customer: buyer.value,
              marketplace,
              currency: 'EUR',
              lines: [{ sku: sku(1), quantity: 2, unitPrice: 2999 }],
            },
          ])
        )[0],
      );
      const [row] = await client.read(
        'sale.order',
        [Number(result.order.id)],
        ['amount_tax', 'amount_total', 'fiscal_position_id'],
        undefined,
        z.looseObject({ amount_tax: z.number(), amount_total: z.number(), fiscal_position_id: many2one }),
      );
      expect(row?.fiscal_position_id && row.fiscal_position_id[0]).toBe(position);
      expect(cents(row!.amount_total)).toBe(5998);
      expect(cents(row!.amount_tax)).toBe(5998 - Math.round(5998 / (1 + mappedRate / 100)));
      expect(result.corrections.map((c) => c.values.from)).toEqual([`${mappedRate}% excl. mapped ${tag}`]);
    });

    it('refuses an order in a currency Odoo does not know as one rejected order, saying what to do', async () => {
      const [outcome] = await session.createSaleOrders([
        {
          externalRef: `MP-${tag}-ZZ`,
          customer,
          marketplace,
          currency: 'ZZZ',
          lines: [{ sku: sku(3), quantity: 1, unitPrice: 100 }],
        },
      ]);
      expect(outcome?.ok).toBe(false);
      if (outcome && !outcome.ok) {
        expect([outcome.error.kind, outcome.error.code]).toEqual(['rejected', 'odoo.unknown_currency']);
        expect(outcome.error.details?.hint).toContain('Activate ZZZ in Odoo');
      }
      expect(await session.findSaleOrders([`MP-${tag}-ZZ`])).toEqual([]);
    });
  });
}

forEachOdoo('Odoo money contract', contract);
