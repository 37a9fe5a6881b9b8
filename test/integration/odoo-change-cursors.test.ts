import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCursorSchema, decodeCursor } from '../../src/connectors/odoo/cursor.ts';
import { productsChangedSince } from '../../src/connectors/odoo/models/products.ts';
import { setStock, stockChangedSince } from '../../src/connectors/odoo/models/stock.ts';
import { connectOdoo, OdooClient } from '../../src/connectors/odoo/odoo.client.ts';
import type { ErpPage, ErpProduct } from '../../src/core/ports/erp.port.ts';
import { startOdooSandbox, type OdooSandbox } from '../../src/sandbox/odoo/index.ts';

const PRODUCTS = 3000;
const LIMIT = 400;
const PAGES = Math.ceil(PRODUCTS / LIMIT);
// Stock reads take 4 quant or move-line rows per product of the page (models/stock.ts).
const STOCK_PAGES = Math.ceil(PRODUCTS / (LIMIT * 4));
const sku = (n: number) => `BULK-${String(n).padStart(4, '0')}`;

/**
 * A bulk import puts every product, quant and move line into ONE write_date second. Over real HTTP against the
 * Odoo sandbox: such a second is read once, page by page, and what changes after is read again.
 */
describe('Odoo change cursors after a bulk import in one second', () => {
  let sandbox: OdooSandbox;
  let client: OdooClient;
  let clock = new Date('2026-11-27T00:23:05Z');
  const calls: string[] = [];

  beforeAll(async () => {
    sandbox = await startOdooSandbox({ port: 0, now: () => clock });
    const connected = await connectOdoo({
      url: sandbox.url,
      database: sandbox.database,
      login: sandbox.login,
      secret: sandbox.password,
    });
    const transport = connected.transport;
    client = new OdooClient(
      {
        kind: transport.kind,
        authenticate: () => transport.authenticate(),
        execute: (model, method, options) => {
          calls.push(`${model}.${method}`);
          return transport.execute(model, method, options);
        },
      },
      connected.version,
      connected.uid,
    );
    sandbox.seedMany({
      products: Array.from({ length: PRODUCTS }, (_, i) => ({ sku: sku(i), qty: 1 + (i % 7) })),
    });
    clock = new Date('2026-11-27T00:23:06Z');
  });
  afterAll(() => sandbox?.close());

  async function drain(read: (cursor: string | null) => Promise<ErpPage<ErpProduct>>, from: string | null) {
    calls.length = 0;
    const pages: ErpProduct[][] = [];
    let cursor = from;
    for (;;) {
      const page = await read(cursor);
      pages.push(page.items);
      cursor = page.cursor;
      if (!page.hasMore) return { pages, cursor, calls: [...calls] };
    }
  }
  const skusOf = (pages: ErpProduct[][]) => pages.flat().map((p) => p.sku);

  let products: string;
  it(`reads ${PRODUCTS} products of one second in ⌈${PRODUCTS}/${LIMIT}⌉ = ${PAGES} calls, each once`, async () => {
    const read = await drain((c) => productsChangedSince(client, c, LIMIT), null);
    expect(read.pages.length).toBe(PAGES);
    expect(skusOf(read.pages)).toEqual(Array.from({ length: PRODUCTS }, (_, i) => sku(i)));
    // First call: ahead finds the second fills a page, then by id; last call: by id, then ahead past it.
    expect(read.calls.length).toBe(PAGES + 2);
    products = read.cursor;
    calls.length = 0;
    expect((await productsChangedSince(client, products, LIMIT)).items).toEqual([]);
    expect(calls).toEqual(['product.product.search_read']);
  });

  it('reads on exactly from a stored cursor of the former {at, seen} shape', async () => {
    const first = await client.search('product.product', [['default_code', '=like', 'BULK-%']], {
      order: 'id asc',
      limit: 1000,
    });
    const legacy = JSON.stringify({ at: '2026-11-27 00:23:05', seen: first });
    expect(decodeCursor(legacy, changeCursorSchema, null)).toMatchObject({ afterId: 0, seen: first });
    const read = await drain((c) => productsChangedSince(client, c, LIMIT), legacy);
    expect(skusOf(read.pages)).toEqual(Array.from({ length: PRODUCTS - 1000 }, (_, i) => sku(1000 + i)));
  });

  it('reads a product again once it changed after being read', async () => {
    const [id] = await client.search('product.product', [['default_code', '=', sku(1234)]]);
    await client.write('product.product', [id!], { list_price: 12.5 });
    const read = await drain((c) => productsChangedSince(client, c, LIMIT), products);
    expect(read.pages.flat().map((p) => [p.sku, p.price])).toEqual([[sku(1234), 1250]]);
    expect(read.calls).toEqual(['product.product.search_read']);
  });

  let stock: string;
  it(`reads the stock of ${PRODUCTS} products of one second in ${STOCK_PAGES} calls, each once`, async () => {
    const read = await drain((c) => stockChangedSince(client, c, LIMIT), null);
    expect(read.pages.length).toBe(STOCK_PAGES);
    expect(skusOf(read.pages)).toEqual(Array.from({ length: PRODUCTS }, (_, i) => sku(i)));
    expect(read.pages.flat().find((p) => p.sku === sku(9))).toMatchObject({ onHand: 3, freeQty: 3 });
    stock = read.cursor;
    calls.length = 0;
    expect((await stockChangedSince(client, stock, LIMIT)).items).toEqual([]);
    expect(calls.sort()).toEqual(['stock.move.line.search_read', 'stock.quant.search_read']);
  });

  it('reads a product again once its stock changed after being read', async () => {
    clock = new Date('2026-11-27T00:23:07Z');
    const [id] = await client.search('product.product', [['default_code', '=', sku(2024)]]);
    await setStock(client, [{ productId: id!, quantity: 42 }]);
    const read = await drain((c) => stockChangedSince(client, c, LIMIT), stock);
    expect(read.pages.flat()).toEqual([expect.objectContaining({ sku: sku(2024), onHand: 42, freeQty: 42 })]);
  });
});
