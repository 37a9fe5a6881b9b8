import { startKauflandSandbox, type KauflandSandbox } from '../../src/sandbox/kaufland/index.ts';
import { startOdooSandbox, type OdooSandbox } from '../../src/sandbox/odoo/index.ts';
import { benchProducts, random } from '../catalog.ts';
import {
  BENCH_CURRENCIES,
  START_RATES,
  type BenchStorefront,
  type Connection,
  type StartInput,
} from '../ipc.ts';
import type { OdooClient } from '../../src/connectors/odoo/index.ts';
import { connectReal, seedReal } from './odoo-real.ts';
import { listEverything } from './kaufland-listed.ts';
import { setRate } from './odoo-rates.ts';

/** Both sandboxes, the seeded catalog, and what the host remembers of it to pick SKUs to change and order. */
export interface World {
  kaufland: KauflandSandbox;
  /** The Odoo sandbox, or null when the bench measures a real Odoo (`real`). */
  odoo: OdooSandbox | null;
  real: OdooClient | null;
  clientKey: string;
  storefront: BenchStorefront;
  /** Odoo product id per SKU. */
  productIds: Map<string, number>;
  /** What Kaufland may still sell per SKU, as far as the host knows: seeded, counted, minus its own orders. */
  sellable: Map<string, number>;
  rng: () => number;
  connection: Connection;
}

/**
 * `history`: products created over time, PER_SECOND per second of (back-dated) history, as a catalog grows;
 * change cursors work to the second, so 200 a second keeps every second's records within one 500-record page.
 * `import`: all of them in one go, like one big import transaction: every record has the same write_date.
 */
const PER_SECOND = 200;

export async function startWorld(
  input: StartInput,
  log: (line: string) => void = () => undefined,
): Promise<World> {
  const rng = random(input.seed);
  // 1–50 on hand, prices 1.00–100.99: the numbers do not matter to the hub, only that every SKU gets an offer.
  const products = [...benchProducts(input.skus, rng)];
  if (input.realOdoo) return startRealWorld(input, products, rng, log);
  let backdated: Date | undefined;
  const [kaufland, odoo] = await Promise.all([
    startKauflandSandbox({ port: 0, latencyMs: input.latencyMs }),
    startOdooSandbox({ port: 0, latencyMs: input.latencyMs, now: () => backdated ?? new Date() }),
  ]);
  const keys = kaufland.addSeller({ storefronts: [input.storefront] });
  const started = performance.now();
  if (input.seedMode === 'import') odoo.seedMany({ products });
  else {
    const seconds = Math.ceil(products.length / PER_SECOND);
    for (let second = 0; second < seconds; second += 1) {
      backdated = new Date(Date.now() - (seconds - second + 1) * 1000);
      odoo.seedMany({ products: products.slice(second * PER_SECOND, (second + 1) * PER_SECOND) });
    }
    backdated = undefined;
  }
  const seedMs = performance.now() - started;
  const productIds = new Map<string, number>();
  for (const product of odoo.instance.store.all('product.product')) {
    if (typeof product.default_code === 'string') productIds.set(product.default_code, product.id);
  }
  // `--listed`: every SKU already on sale on Kaufland, as the hub would have listed it (kaufland-listed.ts).
  const listed = input.listed
    ? listEverything(kaufland, keys.client_key, input.storefront, products, productIds)
    : undefined;
  const world: World = {
    kaufland,
    odoo,
    real: null,
    clientKey: keys.client_key,
    storefront: input.storefront,
    productIds,
    sellable: new Map(products.map((p) => [p.sku, p.qty])),
    rng,
    connection: {
      kaufland: { baseUrl: kaufland.baseUrl, clientKey: keys.client_key, secretKey: keys.secret_key },
      odoo: { url: odoo.url, database: odoo.database, login: odoo.login, apiKey: odoo.apiKey },
      seedMs,
      ...(listed && { listed }),
    },
  };
  const currency = BENCH_CURRENCIES[input.storefront];
  const rate = START_RATES[currency];
  if (rate !== undefined) setRate(world, currency, rate);
  return world;
}

/** The Kaufland sandbox against a real Odoo, seeded through its API; the seller's storefront prices in EUR. */
async function startRealWorld(
  input: StartInput,
  products: { sku: string; ean: string; name: string; price: number; qty: number }[],
  rng: () => number,
  log: (line: string) => void,
): Promise<World> {
  if (BENCH_CURRENCIES[input.storefront] !== 'EUR')
    throw new Error(
      "bench: a real Odoo is measured with the storefront de only (its rates are not the bench's)",
    );
  const real = await connectReal(input.realOdoo!);
  const kaufland = await startKauflandSandbox({ port: 0, latencyMs: input.latencyMs });
  const keys = kaufland.addSeller({ storefronts: [input.storefront] });
  const started = performance.now();
  const productIds = await seedReal(real, products, log);
  const { url, database, login, secret } = input.realOdoo!;
  return {
    kaufland,
    odoo: null,
    real,
    clientKey: keys.client_key,
    storefront: input.storefront,
    productIds,
    sellable: new Map(products.map((p) => [p.sku, p.qty])),
    rng,
    connection: {
      kaufland: { baseUrl: kaufland.baseUrl, clientKey: keys.client_key, secretKey: keys.secret_key },
      odoo: { url, database, login, apiKey: secret },
      seedMs: performance.now() - started,
    },
  };
}

/** The Odoo sandbox of a world that has one (every host request but those about Odoo's side). */
export function sandboxOdoo(world: World): OdooSandbox {
  if (!world.odoo) throw new Error('bench host: this request needs the Odoo sandbox');
  return world.odoo;
}

export async function stopWorld(world: World | undefined): Promise<void> {
  if (world) await Promise.all([world.kaufland.close(), world.odoo?.close()]);
}
