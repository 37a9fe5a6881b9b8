import type { AccountView } from '../../src/accounts/account-view.ts';
import { createKauflandClient, type KauflandClient } from '../../src/connectors/kaufland/index.ts';
import { connectOdoo, type OdooClient } from '../../src/connectors/odoo/index.ts';
import {
  startKauflandSandbox,
  type KauflandSandbox,
  type SellerCredentials,
} from '../../src/sandbox/kaufland/index.ts';
import { startOdooSandbox, type OdooSandbox } from '../../src/sandbox/odoo/index.ts';
import type { SeedInput } from '../../src/sandbox/odoo/control.ts';
import { runStep, type RunStepOptions } from '../../src/sync/run-step.ts';
import type { Step, Trigger } from '../../src/sync/steps.ts';
import { startTestApp, type TestApp } from './app.ts';

export interface SyncWorld {
  app: TestApp;
  kaufland: KauflandSandbox;
  odoo: OdooSandbox;
  keys: SellerCredentials;
  account: AccountView;
  /** A Kaufland client with the seller's keys, for arranging things as the seller would (e.g. listing units). */
  kauflandClient: KauflandClient;
  run: (step: Step, options?: RunStepOptions & { trigger?: Trigger }) => ReturnType<typeof runStep>;
  /** Lists these SKUs on Kaufland (storefront de) as the seller would by hand. */
  listOnKaufland(
    units: readonly { sku: string; ean: string; price?: number; amount?: number }[],
  ): Promise<void>;
  /** A buyer's kaufland.de order of one piece of each SKU from this world's seller (to ship at once). */
  placeOrder(skus: readonly string[]): ReturnType<KauflandSandbox['createOrder']>;
  /** A signed-in Odoo client, for arranging things in Odoo as its users would. */
  odooClient(): Promise<OdooClient>;
  /** Another seller on the Kaufland sandbox, connected as a second account selling from the same Odoo. */
  addAccount(options: { name: string; settings?: Record<string, unknown> }): Promise<{
    account: AccountView;
    keys: SellerCredentials;
    run: SyncWorld['run'];
  }>;
  close(): Promise<void>;
}

/**
 * The whole hub against both sandboxes over real HTTP: a connected Kaufland account (storefront de unless
 * told otherwise) and a connected Odoo, seeded with `products`. Steps run through the real step runner.
 */
export async function startSyncWorld(
  options: {
    products?: SeedInput['products'];
    storefronts?: string[];
    settings?: Record<string, unknown>;
    odooLatencyMs?: number;
    /** Extra environment for the app (e.g. ADLERDO_SMTP_URL). */
    env?: Record<string, string>;
  } = {},
): Promise<SyncWorld> {
  const [app, kaufland, odoo] = await Promise.all([
    startTestApp(options.env),
    startKauflandSandbox({ port: 0 }),
    startOdooSandbox({ port: 0, latencyMs: options.odooLatencyMs ?? 0 }),
  ]);
  const keys = kaufland.addSeller({ storefronts: (options.storefronts ?? ['de']) as never });
  odoo.seed({ products: options.products ?? [] });
  let account = await app.ctx.accounts.add({
    type: 'kaufland',
    name: 'Test Store',
    clientId: keys.client_key,
    clientSecret: keys.secret_key,
    baseUrl: kaufland.baseUrl,
  });
  if (options.settings) account = await app.ctx.accounts.patch(account.id, { settings: options.settings });
  await app.ctx.erp.connect({
    type: 'odoo',
    url: odoo.url,
    database: odoo.database,
    login: odoo.login,
    apiKey: odoo.password,
  });
  const kauflandClient = createKauflandClient({
    baseUrl: kaufland.baseUrl,
    clientKey: keys.client_key,
    secretKey: keys.secret_key,
    retry: { retries: 2, minDelayMs: 10, maxDelayMs: 50 },
  });
  return {
    app,
    kaufland,
    odoo,
    keys,
    account,
    kauflandClient,
    run: (step, runOptions = {}) =>
      runStep(app.ctx, account.id, step, runOptions.trigger ?? 'cli', runOptions),
    listOnKaufland: async (units) => {
      for (const unit of units) {
        await kauflandClient.units.create('de', {
          id_offer: unit.sku,
          ean: unit.ean,
          listing_price: unit.price ?? 999,
          amount: unit.amount ?? 100,
          handling_time: 1,
          condition: 'NEW',
        });
      }
    },
    placeOrder: (skus) =>
      kaufland.createOrder({
        client_key: keys.client_key,
        storefront: 'de',
        items: skus.map((sku) => ({ id_offer: sku, quantity: 1 })),
      }),
    odooClient: () =>
      connectOdoo({ url: odoo.url, database: odoo.database, login: odoo.login, secret: odoo.password }),
    addAccount: async ({ name, settings }) => {
      const sellerKeys = kaufland.addSeller({ storefronts: (options.storefronts ?? ['de']) as never });
      let other = await app.ctx.accounts.add({
        type: 'kaufland',
        name,
        clientId: sellerKeys.client_key,
        clientSecret: sellerKeys.secret_key,
        baseUrl: kaufland.baseUrl,
      });
      if (settings) other = await app.ctx.accounts.patch(other.id, { settings });
      const id = other.id;
      return {
        account: other,
        keys: sellerKeys,
        run: (step, runOptions = {}) => runStep(app.ctx, id, step, runOptions.trigger ?? 'cli', runOptions),
      };
    },
    close: async () => {
      await app.close();
      await Promise.all([kaufland.close(), odoo.close()]);
    },
  };
}
