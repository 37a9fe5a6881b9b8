import { describe, expect, it } from 'vitest';
import { seedMany } from './bulk-seed.ts';
import { seed } from './control.ts';
import { testInstance } from './instance.test-support.ts';
import { OdooInstance } from './instance.ts';
import type { SandboxVersion } from './models/types.ts';

const MODELS = ['product.template', 'product.product', 'stock.quant', 'stock.move', 'stock.move.line'];
const PRODUCTS = [
  { sku: 'A-1', ean: '4006381333931', name: 'Mug', price: 12.5, qty: 5 },
  { sku: 'A-2', qty: 0 },
  { sku: 'A-3', ean: '4006381333948', price: 3, qty: 2.5 },
];

const instance = (version: SandboxVersion) => testInstance(version);

const tables = (odoo: OdooInstance) => Object.fromEntries(MODELS.map((m) => [m, odoo.store.all(m)]));

describe('seedMany', () => {
  it.each([17, 18] as const)('leaves exactly the records seed leaves (Odoo %i)', (version) => {
    const [bySeed, byBulk] = [instance(version), instance(version)];
    seed(bySeed, { products: PRODUCTS });
    seedMany(byBulk, { products: PRODUCTS });
    expect(tables(byBulk)).toEqual(tables(bySeed));
  });

  it('refuses a SKU that exists already, writing nothing', () => {
    const odoo = instance(17);
    seedMany(odoo, { products: [PRODUCTS[0]!] });
    const before = tables(odoo);
    expect(() => seedMany(odoo, { products: [{ sku: 'B-1' }, { sku: 'A-1' }] })).toThrow(/A-1/);
    expect(tables(odoo)).toEqual(before);
  });
});
