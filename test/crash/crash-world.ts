import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../src/app-context.ts';
import type { AccountView } from '../../src/accounts/account-view.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createKauflandClient } from '../../src/connectors/kaufland/index.ts';
import { createLogger } from '../../src/logging/logger.ts';
import {
  startKauflandSandbox,
  type KauflandSandbox,
  type SellerCredentials,
} from '../../src/sandbox/kaufland/index.ts';
import { startOdooSandbox, type OdooSandbox } from '../../src/sandbox/odoo/index.ts';
import type { Database } from '../../src/store/db.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { startFaultProxy, type FaultProxy } from './fault-proxy.ts';
import { ean13 } from './rng.ts';

export interface CrashProduct {
  sku: string;
  ean: string;
  price: number;
  qty: number;
}

/** Odoo carrier name → Kaufland carrier code, as the seller maps them in the account settings. */
export const CARRIERS: Record<string, string> = { 'Standard delivery': 'DHL', 'Hermes Paket': 'Hermes' };
export const ERP_SAFETY_BUFFER = 2;
export const ACCOUNT_SAFETY_BUFFER = 1;

/** A Kaufland account of the crash world: the seller's keys, the hub's account, its storefront. */
export interface CrashAccount {
  keys: SellerCredentials;
  account: AccountView;
  storefront: 'de' | 'at';
}

export interface CrashWorld {
  database: Database;
  /** Used for arranging and for reading the end state only; the hub under test runs in a child process. */
  ctx: AppContext;
  kaufland: KauflandSandbox;
  odoo: OdooSandbox;
  odooProxy: FaultProxy;
  keys: SellerCredentials;
  account: AccountView;
  /**
   * Both accounts selling from the one Odoo stock: the first (`keys`, `account`) on kaufland.de, a second
   * seller on kaufland.at. Every product is listed on both.
   */
  accounts: [CrashAccount, CrashAccount];
  products: CrashProduct[];
  /** Products with little stock, sold on both accounts and by a shop from the same Odoo stock (see shared-stock.ts). */
  scarce: CrashProduct[];
  /** The environment of `adlerdo start` for this world. */
  hubEnv: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Both sandboxes, Odoo behind a fault proxy, a test database with the Kaufland account and the ERP connected
 * (product & stock sync on, carriers mapped, safety buffers on both sides), `products` seeded in Odoo and
 * already listed on Kaufland at their sellable amount.
 */
export async function startCrashWorld(options: {
  productCount: number;
  stockPerProduct: number;
  scarceCount: number;
  scarceStock: number;
  random: () => number;
  timeoutMs: number;
}): Promise<CrashWorld> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'adlerdo-crash-'));
  const masterKey = randomBytes(32).toString('base64');
  const config = loadConfig({
    ADLERDO_DATA_DIR: dataDir,
    ADLERDO_MASTER_KEY: masterKey,
    DATABASE_URL: database.connectionString,
    LOG_LEVEL: 'silent',
  });
  const ctx = await createAppContext(config, createLogger('silent'), database);
  const [kaufland, odoo] = await Promise.all([
    startKauflandSandbox({ port: 0 }),
    startOdooSandbox({ port: 0 }),
  ]);
  const odooProxy = await startFaultProxy({
    target: odoo.url,
    random: options.random,
    timeoutMs: options.timeoutMs,
  });

  const products: CrashProduct[] = Array.from({ length: options.productCount }, (_, i) => ({
    sku: `CRASH-${String(i + 1).padStart(2, '0')}`,
    ean: ean13(`400638190${String(i + 1).padStart(3, '0')}`),
    price: 5 + i * 1.25,
    qty: options.stockPerProduct,
  }));
  const scarce: CrashProduct[] = Array.from({ length: options.scarceCount }, (_, i) => ({
    sku: `SCARCE-${String(i + 1).padStart(2, '0')}`,
    ean: ean13(`400638191${String(i + 1).padStart(3, '0')}`),
    price: 9.99 + i,
    qty: options.scarceStock,
  }));
  odoo.seed({ products: [...products, ...scarce], carriers: Object.keys(CARRIERS) });

  const addAccount = async (name: string, storefront: 'de' | 'at'): Promise<CrashAccount> => {
    const keys = kaufland.addSeller({ storefronts: [storefront] });
    const added = await ctx.accounts.add({
      type: 'kaufland',
      name,
      clientId: keys.client_key,
      clientSecret: keys.secret_key,
      baseUrl: kaufland.baseUrl,
    });
    const account = await ctx.accounts.patch(added.id, {
      settings: {
        productStockSync: true,
        carrierMapping: CARRIERS,
        defaultCarrier: 'DHL',
        safetyBuffer: ACCOUNT_SAFETY_BUFFER,
      },
    });
    return { keys, account, storefront };
  };
  const accounts: [CrashAccount, CrashAccount] = [
    await addAccount('Crash Store', 'de'),
    await addAccount('Crash Store Austria', 'at'),
  ];
  const { keys, account } = accounts[0];
  await ctx.erp.connect({
    type: 'odoo',
    url: odooProxy.url,
    database: odoo.database,
    login: odoo.login,
    apiKey: odoo.password,
  });
  await ctx.erp.patch({ settings: { safetyBuffer: ERP_SAFETY_BUFFER } });

  for (const { keys: sellerKeys, storefront } of accounts) {
    const seller = createKauflandClient({
      baseUrl: kaufland.baseUrl,
      clientKey: sellerKeys.client_key,
      secretKey: sellerKeys.secret_key,
    });
    for (const product of [...products, ...scarce]) {
      await seller.units.create(storefront, {
        id_offer: product.sku,
        ean: product.ean,
        listing_price: Math.round(product.price * 100),
        amount: product.qty - ERP_SAFETY_BUFFER - ACCOUNT_SAFETY_BUFFER,
        handling_time: 1,
        condition: 'NEW',
      });
    }
  }

  return {
    database,
    ctx,
    kaufland,
    odoo,
    odooProxy,
    keys,
    account,
    accounts,
    products,
    scarce,
    hubEnv: {
      DATABASE_URL: database.connectionString,
      ADLERDO_MASTER_KEY: masterKey,
      ADLERDO_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
    },
    close: async () => {
      await ctx.close();
      await odooProxy.close();
      await Promise.all([kaufland.close(), odoo.close()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
