import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../../src/app-context.ts';
import type { AccountView } from '../../../src/accounts/account-view.ts';
import { benchProducts, random, type BenchProduct } from '../../../bench/catalog.ts';
import { seedListedSeller } from '../../../bench/listed-seller.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { createKauflandClient } from '../../../src/connectors/kaufland/index.ts';
import { ean13 } from '../../../src/core/ean.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import {
  startKauflandSandbox,
  type KauflandSandbox,
  type SellerCredentials,
} from '../../../src/sandbox/kaufland/index.ts';
import { startOdooSandbox, type OdooSandbox } from '../../../src/sandbox/odoo/index.ts';
import { LOCATION, productQuantities, quantFor } from '../../../src/sandbox/odoo/logic/stock.ts';
import { applyInventory } from '../../../src/sandbox/odoo/models/stock-quant.ts';
import { openDatabase, type Database } from '../../../src/store/db.ts';
import { createTestDatabase } from '../../helpers/db.ts';

/** One seller of the workers world: its Kaufland keys and the hub's account. */
export interface WorkersAccount {
  keys: SellerCredentials;
  account: AccountView;
}

export interface WorkersWorld {
  database: Database;
  ctx: AppContext;
  kaufland: KauflandSandbox;
  odoo: OdooSandbox;
  /** The small accounts (orders only), then the big one (its whole catalog listed and kept in stock). */
  accounts: WorkersAccount[];
  big: WorkersAccount;
  /** SKUs every small account offers: what its buyers order. */
  skus: string[];
  /** The big account's catalog, already listed on Kaufland and in the hub's catalog. */
  bigCatalog: readonly BenchProduct[];
  /** A stock count in Odoo for each SKU (1–5 more than before); returns Odoo's new free quantity per SKU. */
  countStock(skus: readonly string[]): Map<string, number>;
  /** The amount each of these SKUs is offered at on Kaufland now. */
  kauflandAmounts(skus: readonly string[]): Map<string, number>;
  hubEnv: Record<string, string>;
  close(): Promise<void>;
}

const ORDERED_SKUS = 5;
/** The Odoo sandbox's administrator, whose environment the stock counts are made in. */
const ADMIN = 2;

/**
 * One Odoo with `bigSkus` + 5 products, and `smallAccounts` Kaufland sellers offering the 5 (orders only) plus one
 * seller whose catalog and stock steps cover every product (the account that must not starve the others). The
 * big seller's catalog is already on sale, as a seller with a big listed catalog starts: seeded in bulk in both
 * sandboxes and the hub's catalog (bench/listed-seller.ts, the bench's `--listed` seed), since listing 100,000 SKUs
 * one `POST /units` each takes ~16 min at Kaufland's rate. Its stock cursor starts at now and its catalog cursor
 * is empty, so the scenario runs both over the whole catalog: the catalog step reads every product from Odoo, the
 * stock step links every listed offer and compares all of them.
 */
export async function startWorkersWorld(options: {
  smallAccounts: number;
  bigSkus: number;
  /** An external server's URL (the pg-restart scenario); else a fresh test database. */
  databaseUrl?: string;
}): Promise<WorkersWorld> {
  const database = options.databaseUrl
    ? await openDatabase(loadConfig({ DATABASE_URL: options.databaseUrl }), createLogger('silent'))
    : await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'adlerdo-workers-'));
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
  const ordered = Array.from({ length: ORDERED_SKUS }, (_, i) => ({
    sku: `WORK-${i + 1}`,
    ean: ean13(`400638192${String(i + 1).padStart(3, '0')}`),
    name: `Workers product ${i + 1}`,
    price: 10 + i,
    qty: 100_000,
  }));
  const bigCatalog = [...benchProducts(options.bigSkus, random(14))];
  odoo.seed({ products: ordered, carriers: ['Standard delivery'] });

  const add = async (name: string, bigCatalog: boolean): Promise<WorkersAccount> => {
    const keys = kaufland.addSeller({ storefronts: ['de'] });
    const added = await ctx.accounts.add({
      type: 'kaufland',
      name,
      clientId: keys.client_key,
      clientSecret: keys.secret_key,
      baseUrl: kaufland.baseUrl,
    });
    const account = await ctx.accounts.patch(added.id, {
      settings: {
        productStockSync: bigCatalog,
        carrierMapping: { 'Standard delivery': 'DHL' },
        defaultCarrier: 'DHL',
      },
    });
    if (!bigCatalog) {
      const seller = createKauflandClient({
        baseUrl: kaufland.baseUrl,
        clientKey: keys.client_key,
        secretKey: keys.secret_key,
      });
      for (const product of ordered) {
        await seller.units.create('de', {
          id_offer: product.sku,
          ean: product.ean,
          listing_price: product.price * 100,
          amount: 1_000,
          handling_time: 1,
          condition: 'NEW',
        });
      }
    }
    return { keys, account };
  };
  const accounts: WorkersAccount[] = [];
  for (let i = 0; i < options.smallAccounts; i++)
    accounts.push(await add(`Workers Store ${String(i + 1).padStart(2, '0')}`, false));
  const big = await add('Big Catalog Store', true);
  accounts.push(big);
  await ctx.erp.connect({
    type: 'odoo',
    url: odoo.url,
    database: odoo.database,
    login: odoo.login,
    apiKey: odoo.password,
  });
  const { productIds } = await seedListedSeller({
    ctx,
    accountId: big.account.id,
    odoo,
    kaufland,
    clientKey: big.keys.client_key,
    products: bigCatalog,
  });
  const productOf = (sku: string) => {
    const id = productIds.get(sku);
    if (id === undefined) throw new Error(`workers world: no Odoo product ${sku}`);
    return id;
  };

  return {
    database,
    ctx,
    kaufland,
    odoo,
    accounts,
    big,
    skus: ordered.map((p) => p.sku),
    bigCatalog,
    countStock: (skus) => {
      const env = odoo.instance.env(ADMIN);
      return new Map(
        skus.map((sku, i) => {
          const quant = quantFor(env, productOf(sku), LOCATION.stock);
          quant.inventory_quantity = Number(quant.quantity) + 1 + (i % 5);
          applyInventory(env, quant);
          return [sku, productQuantities(env, productOf(sku)).free];
        }),
      );
    },
    kauflandAmounts: (skus) => {
      const wanted = new Set(skus);
      const key = big.keys.client_key;
      return new Map(
        kaufland
          .state()
          .units.filter((u) => u.client_key === key && u.id_offer !== null && wanted.has(u.id_offer))
          .map((u) => [u.id_offer!, u.amount]),
      );
    },
    hubEnv: {
      DATABASE_URL: database.connectionString,
      ADLERDO_MASTER_KEY: masterKey,
      ADLERDO_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    close: async () => {
      await ctx.close();
      await Promise.all([kaufland.close(), odoo.close()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
