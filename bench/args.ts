import { parseArgs } from 'node:util';
import { BENCH_CURRENCIES, type BenchStorefront } from './ipc.ts';
import type { RealOdooTarget } from './real-odoo.ts';

export interface BenchArgs {
  skus: number;
  /** Share of SKUs changed before the steady cycle (0.01 = 1 %). */
  change: number;
  orders: number;
  /** Orders bought and not released to ship (`open`) before the last steady cycle (issue 15); 0 skips it. */
  openOrders: number;
  /** Units (pieces) per order. */
  orderUnits: number;
  /** Per-call latency of both sandboxes, ms. */
  latency: number;
  stockSamples: number;
  /** Mean time between two stock changes in the latency scenario, ms. */
  stockGap: number;
  /** Orders are created over this many seconds (0: all at once). */
  orderSpread: number;
  seed: number;
  /** Whole bench, minutes: it stops (cleaning up) rather than hang. */
  timeout: number;
  /** Seed the catalog as one import (every record in the same second) instead of grown over time. */
  import: boolean;
  /** Every SKU already listed on Kaufland and in the hub's catalog: the first cycle links and compares (memory). */
  listed: boolean;
  /** `workers`: jobs/s and cycle lag with 1, 2 and 4 `adlerdo worker` processes (bench/workers/) instead. */
  /** `file-listing`: only the first listing by file (issue 13), with `importMs` as Kaufland's import time. */
  /** `push-flood`: 10,000 callbacks of every kind against a real `adlerdo start` (issue 13's bad input). */
  scenario: 'sync' | 'workers' | 'file-listing' | 'push-flood';
  importMs: number;
  /** The seller's storefront; `cz`/`pl` price in CZK/PLN at an Odoo rate, which scenario 6 changes. */
  storefront: BenchStorefront;
  /** Relative change of that rate in scenario 6 (0.01 = 1 %); 0 skips it. */
  rateChange: number;
  json: boolean;
  /** Issue 13's push rows (real `adlerdo start` taking callbacks): samples per row; 0 skips them. */
  pushSamples: number;
  /** Share of pushes the sandbox drops in the lossy push row (0.2 = 20 %); 0 skips that row. */
  pushLoss: number;
  /** `real` / `real19`: a real Odoo from the environment (bench/real-odoo.ts) instead of the sandbox; smaller defaults. */
  odoo: 'sandbox' | RealOdooTarget;
}

export const USAGE = `Usage: npm run bench -- [options]   (or: npx tsx bench/run.ts [options])

  --skus N            catalog size (default 100000)
  --change F          share of SKUs changed before the steady cycle (default 0.01)
  --orders M          orders created on Kaufland (default 1000)
  --order-units U     units per order (default 3)
  --open-orders N     one-piece orders left open (reserved in the hub only) before a last steady cycle
                      (default 1000; 0 skips that scenario)
  --latency MS        added to every Kaufland and Odoo call (default 50)
  --stock-samples K   stock changes timed in the latency scenario (default 20)
  --stock-gap MS      mean time between those changes (default 1000)
  --order-spread S    create the orders over S seconds instead of all at once (default 0)
  --seed N            seed of the random stock levels, prices and orders (default 1)
  --timeout MIN       stop (and clean up) after this many minutes (default 90)
  --storefront S      the seller's one storefront: de (EUR, default), cz (CZK) or pl (PLN); cz and pl
                      price at an Odoo rate (CZK 25, PLN 4.3 per EUR) and add scenario 6, a rate change
  --rate-change F     scenario 6: relative change of that rate (default 0.01; 0 skips it)
  --listed            start from a catalog already listed on Kaufland and in the hub (both seeded in bulk):
                      scenario 1 links and compares every offer instead of creating them (for 1,000,000 SKUs)
  --scenario workers  jobs/s and cycle lag of 20 accounts with 1, 2 and 4 \`adlerdo worker\` processes
                      (--skus: the big account's listed catalog, default 20000)
  --scenario file-listing  only the first listing by file (issue 13): every SKU new, listed as one
                      inventory feed the sandbox downloads from the hub's public URL
  --scenario push-flood  10,000 push callbacks of every kind (valid, replayed, unknown, removed, malformed,
                      forged, too big) against a real \`adlerdo start\`: callbacks/s, answers, jobs queued
  --import-seconds S  the sandbox's import time for that file (default 120, Kaufland's "few minutes")
  --import            seed Odoo as one import: every product, quant and move line in the same second
                      (default: a catalog grown over time, 200 products per second of back-dated history)
  --odoo real         measure a real Odoo (ODOO_BENCH_URL/_DB/_LOGIN/_KEY or ODOO_TEST_*; skipped when none
                      answers) instead of the Odoo sandbox; defaults then --skus 2000 --orders 300
                      --open-orders 200 --stock-samples 10 (a real Odoo seeds ~60 products/s)
  --odoo real19       the same against a real Odoo 19 over JSON-2 (ODOO19_BENCH_* or ODOO19_TEST_*, an API key)
  --push-samples N    push rows (issue 13): orders and stock counts timed with push (default 20; 0 skips)
  --push-loss F       share of pushes lost in the last push row (default 0.2; 0 skips that row)
  --json              JSON on stdout, the table on stderr
`;

const positive = (name: string, value: string | undefined, fallback: number, integer = true): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n)))
    throw new Error(`--${name} must be a ${integer ? 'whole ' : ''}number ≥ 0, not "${value}"\n\n${USAGE}`);
  return n;
};

export function parseBenchArgs(argv: string[]): BenchArgs | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      skus: { type: 'string' },
      change: { type: 'string' },
      orders: { type: 'string' },
      'order-units': { type: 'string' },
      'open-orders': { type: 'string' },
      latency: { type: 'string' },
      'stock-samples': { type: 'string' },
      'stock-gap': { type: 'string' },
      'order-spread': { type: 'string' },
      seed: { type: 'string' },
      timeout: { type: 'string' },
      storefront: { type: 'string', default: 'de' },
      'rate-change': { type: 'string' },
      import: { type: 'boolean', default: false },
      listed: { type: 'boolean', default: false },
      scenario: { type: 'string', default: 'sync' },
      'import-seconds': { type: 'string' },
      json: { type: 'boolean', default: false },
      'push-samples': { type: 'string' },
      'push-loss': { type: 'string' },
      odoo: { type: 'string', default: 'sandbox' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (values.odoo !== 'sandbox' && values.odoo !== 'real' && values.odoo !== 'real19')
    throw new Error(`--odoo must be sandbox, real or real19, not "${values.odoo}"\n\n${USAGE}`);
  const real = values.odoo !== 'sandbox';
  if (real && values.storefront !== 'de')
    throw new Error(`--odoo ${values.odoo} runs with --storefront de only\n\n${USAGE}`);
  if (!Object.hasOwn(BENCH_CURRENCIES, values.storefront))
    throw new Error(`--storefront must be de, cz or pl, not "${values.storefront}"\n\n${USAGE}`);
  const args: BenchArgs = {
    skus: positive('skus', values.skus, real ? 2_000 : values.scenario === 'workers' ? 20_000 : 100_000),
    change: positive('change', values.change, 0.01, false),
    orders: positive('orders', values.orders, real ? 300 : 1_000),
    orderUnits: positive('order-units', values['order-units'], 3),
    openOrders: positive('open-orders', values['open-orders'], real ? 200 : 1_000),
    latency: positive('latency', values.latency, 50),
    stockSamples: positive('stock-samples', values['stock-samples'], real ? 10 : 20),
    stockGap: positive('stock-gap', values['stock-gap'], 1_000),
    orderSpread: positive('order-spread', values['order-spread'], 0, false),
    seed: positive('seed', values.seed, 1),
    timeout: positive('timeout', values.timeout, 90, false),
    import: values.import,
    listed: values.listed,
    scenario: ['workers', 'file-listing', 'push-flood'].includes(values.scenario)
      ? (values.scenario as BenchArgs['scenario'])
      : 'sync',
    importMs: positive('import-seconds', values['import-seconds'], 120, false) * 1000,
    storefront: values.storefront as BenchStorefront,
    rateChange: positive('rate-change', values['rate-change'], 0.01, false),
    json: values.json,
    pushSamples: positive('push-samples', values['push-samples'], 20),
    pushLoss: Math.min(1, positive('push-loss', values['push-loss'], 0.2, false)),
    odoo: values.odoo,
  };
  if (values.scenario !== 'sync' && args.scenario === 'sync')
    throw new Error(
      `--scenario must be workers, file-listing or push-flood (or sync, the default), not "${values.scenario}"\n\n${USAGE}`,
    );
  if (args.listed && real)
    throw new Error(`--listed seeds the Odoo sandbox only, not --odoo ${args.odoo}\n\n${USAGE}`);
  if (args.skus < 100)
    throw new Error(`--skus must be at least 100 (the scenarios pick every 100th SKU)\n\n${USAGE}`);
  if (args.orderUnits < 1) throw new Error(`--order-units must be at least 1\n\n${USAGE}`);
  if (args.change > 1) throw new Error(`--change is a share: 0.01 is 1 %\n\n${USAGE}`);
  // Latency samples use SKUs 50, 150, 250, …: one per 100 SKUs.
  args.stockSamples = Math.min(args.stockSamples, Math.floor(args.skus / 100));
  return args;
}
