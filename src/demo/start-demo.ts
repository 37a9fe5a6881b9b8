import type { AppContext } from '../app-context.ts';
import { activateDemoCurrencies } from './currencies.ts';
import { AppError } from '../core/errors.ts';
import { startKauflandSandbox, type KauflandSandbox } from '../sandbox/kaufland/index.ts';
import { startOdooSandbox, type OdooSandbox } from '../sandbox/odoo/index.ts';
import { STEPS } from '../sync/steps.ts';
import { startActivity, type ActivityOptions } from './activity.ts';
import { demoCatalog, MAX_DEMO_PRODUCTS } from './catalog.ts';
import { MISMATCH, plantMismatch } from './mismatch.ts';
import { createRandom } from '../core/random.ts';
import { createWarehouse, DEMO_CARRIER } from './warehouse.ts';

export const DEMO_ACCOUNT_NAME = 'Demo Kaufland Store';

export interface DemoOptions extends Partial<ActivityOptions> {
  /** Products in the Odoo catalog, at most 300. */
  products?: number;
  storefronts?: ('de' | 'cz' | 'sk' | 'at' | 'pl')[];
  /** Same seed, same catalog and the same run of orders. */
  seed?: number;
}

export interface Demo {
  accountId: string;
  startedAt: string;
  storefronts: string[];
  products: number;
  kaufland: KauflandSandbox;
  odoo: OdooSandbox;
  /** The demo seller's client key on the Kaufland sandbox (its secret stays inside the account). */
  clientKey: string;
  mismatch: typeof MISMATCH;
  stop(): Promise<void>;
}

const DEFAULTS: Required<DemoOptions> = {
  products: MAX_DEMO_PRODUCTS,
  storefronts: ['de', 'cz', 'sk'],
  seed: 20_240_611,
  everyMs: 4_000,
  unknownSkuEvery: 40,
  restockEvery: 8,
};

/**
 * A newcomer's first minute: both sandboxes in this process on free ports, a seeded Odoo catalog, a Kaufland
 * seller with one planted SKU mismatch, both connected through the same services the pages use (product &
 * stock sync on), the first cycle queued, and then a steady trickle of orders and shipments. Only on an empty
 * AdlerDo: it must never mix sandbox data into a real seller's accounts or replace a real ERP connection.
 */
export async function startDemo(ctx: AppContext, options: DemoOptions = {}): Promise<Demo> {
  if ((await ctx.accounts.list()).length > 0 || (await ctx.erp.get()) !== null)
    throw new AppError(
      'conflict',
      'demo.not_empty',
      'The demo only starts on an empty AdlerDo: remove the connected accounts and the ERP connection first.',
    );
  const settings = {
    products: options.products ?? DEFAULTS.products,
    storefronts: options.storefronts ?? DEFAULTS.storefronts,
    seed: options.seed ?? DEFAULTS.seed,
    everyMs: options.everyMs ?? DEFAULTS.everyMs,
    unknownSkuEvery: options.unknownSkuEvery ?? DEFAULTS.unknownSkuEvery,
    restockEvery: options.restockEvery ?? DEFAULTS.restockEvery,
  };
  const random = createRandom(settings.seed);
  const logger = ctx.logger.child({ component: 'demo' });
  const [kaufland, odoo] = await Promise.all([
    startKauflandSandbox({ port: 0 }),
    startOdooSandbox({ port: 0 }),
  ]);
  const cleanups: (() => Promise<unknown>)[] = [() => kaufland.close(), () => odoo.close()];
  const undo = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const catalog = demoCatalog(settings.products, random);
    odoo.seed({ products: catalog });
    await activateDemoCurrencies(odoo, settings.storefronts);
    const keys = kaufland.addSeller({ storefronts: [...settings.storefronts] });
    await plantMismatch(kaufland, keys);

    const account = await ctx.accounts.add({
      type: 'kaufland',
      name: DEMO_ACCOUNT_NAME,
      clientId: keys.client_key,
      clientSecret: keys.secret_key,
      baseUrl: kaufland.baseUrl,
    });
    cleanups.push(() => ctx.accounts.remove(account.id));
    await ctx.accounts.patch(account.id, {
      settings: { productStockSync: true, carrierMapping: { [DEMO_CARRIER]: 'DHL' } },
    });
    await ctx.erp.connect({
      type: 'odoo',
      url: odoo.url,
      database: odoo.database,
      login: odoo.login,
      apiKey: odoo.apiKey,
    });
    cleanups.push(() => ctx.erp.disconnect());

    // The first cycle now rather than at the scheduler's next look; a worker picks it up in order.
    const queue = await ctx.queue();
    for (const step of STEPS) await queue.enqueue({ accountId: account.id, step, trigger: 'manual' });

    const activity = startActivity(
      {
        kaufland,
        clientKey: keys.client_key,
        storefronts: settings.storefronts,
        warehouse: createWarehouse(odoo, catalog, random, {
          shipShare: 0.8,
          minDelayMs: 4_000,
          maxDelayMs: 40_000,
        }),
        random,
        logger,
      },
      settings,
    );
    logger.info(
      { accountId: account.id, products: catalog.length, kaufland: kaufland.baseUrl, odoo: odoo.url },
      'demo started: sandboxes connected, orders will arrive every few seconds',
    );
    return {
      accountId: account.id,
      startedAt: new Date().toISOString(),
      storefronts: [...settings.storefronts],
      products: catalog.length,
      kaufland,
      odoo,
      clientKey: keys.client_key,
      mismatch: MISMATCH,
      stop: async () => {
        await activity.stop();
        await Promise.all([kaufland.close(), odoo.close()]);
      },
    };
  } catch (error) {
    await undo();
    throw error;
  }
}
