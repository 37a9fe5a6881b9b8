import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdooSandbox, type OdooSandbox } from '../../sandbox/odoo/index.ts';
import { createProducts } from './models/products.ts';
import { connectOdoo, type OdooClient } from './odoo.client.ts';
import { openOdooSession } from './index.ts';

/** write_date is shown to the second: many changes in one second must be paged without loss or repeats. */
describe('change cursors within one second', () => {
  let sandbox: OdooSandbox;
  let client: OdooClient;
  let clock = new Date('2026-11-27T00:23:05Z');
  beforeAll(async () => {
    sandbox = await startOdooSandbox({ now: () => clock });
    client = await connectOdoo({
      url: sandbox.url,
      database: sandbox.database,
      login: sandbox.login,
      secret: sandbox.password,
    });
  });
  afterAll(() => sandbox.close());

  it('pages 7 products written in the same second 3 at a time, then picks up later edits', async () => {
    const session = openOdooSession({
      url: sandbox.url,
      database: sandbox.database,
      login: sandbox.login,
      secret: sandbox.password,
    });
    await createProducts(
      client,
      Array.from({ length: 7 }, (_, i) => ({ sku: `SEC-${i}`, name: `Second ${i}`, price: 100 })),
    );
    const skus: string[] = [];
    let page = await session.productsChangedSince(null, 3);
    skus.push(...page.items.map((p) => p.sku));
    while (page.hasMore) {
      page = await session.productsChangedSince(page.cursor, 3);
      skus.push(...page.items.map((p) => p.sku));
    }
    expect(skus.sort()).toEqual(['SEC-0', 'SEC-1', 'SEC-2', 'SEC-3', 'SEC-4', 'SEC-5', 'SEC-6']);
    expect((await session.productsChangedSince(page.cursor, 3)).items).toEqual([]);
    const [id] = await client.search('product.product', [['default_code', '=', 'SEC-4']]);
    clock = new Date('2026-11-27T00:23:06Z');
    await client.write('product.product', [id!], { list_price: 2.5 });
    const later = await session.productsChangedSince(page.cursor, 3);
    expect(later.items.map((p) => [p.sku, p.price])).toEqual([['SEC-4', 250]]);
  });
});
