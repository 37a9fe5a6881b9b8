import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectOdoo,
  openOdooSession,
  type OdooClient,
  type OdooSettingsInput,
} from '../../src/connectors/odoo/index.ts';
import { forEachOdoo } from '../helpers/real-odoo.ts';

/** A 1×1 PNG, as Odoo keeps pictures: base64 of the file. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * Product content through the ERP port (issue 13): description_sale, image_1920, categ_id, the company as the
 * brand. Against the sandbox (17 and 19) and the real Odoo 17 / 19 when ODOO_TEST_* / ODOO19_TEST_* are set; a
 * real database keeps every run's records, so each run makes its own products and category.
 */
function contract(
  name: string,
  open: () => Promise<{ settings: OdooSettingsInput; close(): Promise<void> }>,
) {
  describe(`Odoo product content contract: ${name}`, () => {
    let target: { settings: OdooSettingsInput; close(): Promise<void> };
    let client: OdooClient;
    const tag = randomBytes(4).toString('hex').toUpperCase();

    beforeAll(async () => {
      target = await open();
      client = await connectOdoo(target.settings);
      const category = await client.create('product.category', { name: `AdlerDo contract ${tag}` });
      await client.create('product.product', {
        name: `Content mug ${tag}`,
        default_code: `PC-${tag}-1`,
        description_sale: 'A blue mug for the contract test.',
        image_1920: PNG,
        categ_id: category,
      });
      await client.create('product.product', { name: `Bare mug ${tag}`, default_code: `PC-${tag}-2` });
    });
    afterAll(() => target?.close());

    it('reads description, picture, category and the company name; unknown SKUs are left out', async () => {
      const session = openOdooSession(target.settings);
      const contents = await session.productContent!([`PC-${tag}-1`, `PC-${tag}-2`, `PC-${tag}-none`]);
      const bySku = new Map(contents.map((c) => [c.sku, c]));
      expect([...bySku.keys()].sort()).toEqual([`PC-${tag}-1`, `PC-${tag}-2`]);
      const full = bySku.get(`PC-${tag}-1`)!;
      expect(full.description).toBe('A blue mug for the contract test.');
      expect(full.category?.name).toMatch(new RegExp(`AdlerDo contract ${tag}$`));
      expect(full.image?.contentType).toMatch(/^image\/(png|jpeg)$/);
      expect(full.image!.bytes.length).toBeGreaterThan(0);
      expect(full.companyName).not.toBe('');
      const bare = bySku.get(`PC-${tag}-2`)!;
      expect(bare).toMatchObject({ description: null, image: null, companyName: full.companyName });
      // A new product lands in Odoo's default category "All" up to 17; from 18 it has none.
      if (bare.category !== null) expect(bare.category.name).toMatch(/All/);
    });

    it('reads names in a storefront language only where Odoo has it installed (English only here: none)', async () => {
      const session = openOdooSession(target.settings);
      const installed = await client.searchRead('res.lang', {
        domain: [['active', '=', true]],
        fields: ['code'],
      });
      // The real test databases and the sandbox load English (US) alone; German ships in the source only.
      expect(installed.map((l) => l.code)).toEqual(['en_US']);
      for (const language of ['de-DE', 'cs-CZ', 'sk-SK'])
        expect(await session.productTexts!([`PC-${tag}-1`], language)).toBeNull();
      expect(await session.productTexts!([`PC-${tag}-1`], 'en-US')).toEqual({
        language: 'en_US',
        texts: [
          {
            sku: `PC-${tag}-1`,
            name: `Content mug ${tag}`,
            description: 'A blue mug for the contract test.',
          },
        ],
      });
    });
  });
}

forEachOdoo('Odoo product content contract', contract);
