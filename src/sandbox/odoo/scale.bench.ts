/**
 * The Odoo sandbox at catalog scale, over real HTTP with the hub's own Odoo client:
 * `npx tsx src/sandbox/odoo/scale.bench.ts [products=100000] [runs=3]`. Not a test (no timed assertions in
 * tests); it prints the median and the fastest of `runs` for each call the sync makes most.
 */
import { connectOdoo, openOdooSession, setStock, type OdooClient } from '../../connectors/odoo/index.ts';
import { startOdooSandbox, type OdooSandbox } from './index.ts';

const PRODUCTS = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 3);
const PAGE = 500;

const sku = (i: number): string => `SCALE-${String(i).padStart(6, '0')}`;
const ean = (i: number): string => String(4_000_000_000_000 + i);

async function timed(label: string, run: (round: number) => Promise<unknown>): Promise<void> {
  const ms: number[] = [];
  for (let round = 0; round < RUNS; round += 1) {
    const started = performance.now();
    await run(round);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)] ?? 0;
  console.log(
    `${label.padEnd(58)} median ${median.toFixed(0).padStart(7)} ms   min ${(ms[0] ?? 0).toFixed(0)} ms`,
  );
}

function seed(odoo: OdooSandbox): void {
  const started = performance.now();
  odoo.seedMany({
    products: Array.from({ length: PRODUCTS }, (_, i) => ({
      sku: sku(i),
      ean: ean(i),
      price: 1 + (i % 100),
      qty: 1 + (i % 50),
    })),
  });
  console.log(`seedMany ${PRODUCTS} products: ${(performance.now() - started).toFixed(0)} ms`);
}

async function saleOrders(client: OdooClient, round: number): Promise<void> {
  const orders = Array.from({ length: 50 }, (_, o) => ({
    partner_id: 3,
    client_order_ref: `SCALE-ORDER-${round}-${o}`,
    order_line: [0, 1, 2].map((l) => [
      0,
      0,
      { product_id: 2 + (((round * 150 + o * 3 + l) * 7919) % PRODUCTS), product_uom_qty: 1 },
    ]),
  }));
  const ids = await client.createMany('sale.order', orders);
  await client.call('sale.order', 'action_confirm', ids);
}

async function main(): Promise<void> {
  const odoo = await startOdooSandbox({ port: 0 });
  try {
    seed(odoo);
    const connection = { url: odoo.url, database: odoo.database, login: odoo.login, secret: odoo.apiKey };
    const settings = { ...connection, timeoutMs: 3_600_000, retries: 0 };
    const client = await connectOdoo(settings);
    const session = openOdooSession(settings);
    const window = (round: number) =>
      Array.from({ length: PAGE }, (_, i) => sku((round * 7_001 + i) % PRODUCTS));
    await timed(`(a) search_read ${PAGE} by default_code in [...] + free_qty`, (round) =>
      session.findProductsBySku(window(round)),
    );
    await timed(`(b) write_date >= paging, first page of ${PAGE} + free_qty`, () =>
      session.productsChangedSince(null, PAGE),
    );
    await timed(`(b') write_date >= paging, page at offset ${PRODUCTS / 2}`, () =>
      client.searchRead('product.product', {
        domain: [
          ['write_date', '>=', '1970-01-01 00:00:00'],
          ['type', '!=', 'service'],
          ['default_code', '!=', false],
        ],
        fields: ['default_code', 'barcode', 'name', 'list_price', 'free_qty', 'qty_available', 'write_date'],
        order: 'write_date asc, id asc',
        offset: PRODUCTS / 2,
        limit: PAGE,
        context: { active_test: false },
      }),
    );
    await timed(`(e) stock changes: quants + move lines, first page of ${PAGE}`, () =>
      session.stockChangedSince(null, PAGE),
    );
    await timed('(c) create 50 sale orders × 3 lines + action_confirm', (round) => saleOrders(client, round));
    await timed('(d) setStock of 1,000 products', (round) =>
      setStock(
        client,
        Array.from({ length: 1_000 }, (_, i) => ({
          productId: 2 + (((round * 1_000 + i) * 13) % PRODUCTS),
          quantity: 5 + round,
        })),
      ),
    );
  } finally {
    await odoo.close();
  }
}

await main();
