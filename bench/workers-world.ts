import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppContext } from '../src/app-context.ts';
import { loadConfig } from '../src/config/config.ts';
import { ean13 } from '../src/core/ean.ts';
import { createLogger } from '../src/logging/logger.ts';
import { startKauflandSandbox, type KauflandSandbox } from '../src/sandbox/kaufland/index.ts';
import { startOdooSandbox, type OdooSandbox } from '../src/sandbox/odoo/index.ts';
import { openDatabase, type Database } from '../src/store/db.ts';
import { readCursor, writeCursor } from '../src/sync/cursors.repository.ts';
import type { StockCursor } from '../src/sync/streams/offers/stock-cursor.ts';
import { benchProducts, random } from './catalog.ts';
import { seedListedSeller } from './listed-seller.ts';

/** Per-call latency of both sandboxes, as in the sync bench. */
const LATENCY_MS = 50;

export interface WorkersBenchWorld {
  database: Database;
  kaufland: KauflandSandbox;
  odoo: OdooSandbox;
  /** Client keys of the accounts that take orders (all but the big one). */
  sellers: string[];
  /** SKUs the sellers offer: what their buyers order. */
  skus: string[];
  /** The hub's id of the account with the big catalog. */
  bigAccountId: string;
  /**
   * Makes the big account's next catalog step read every product again and its next stock step link and
   * compare every offer again, as on its first cycle: each row of the bench starts with that work.
   */
  rewindBig(): Promise<void>;
  /** What `adlerdo start` and `adlerdo worker` need to share this database and its secrets. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * The workers bench's world: its own embedded PostgreSQL, both sandboxes in this process, `small` Kaufland sellers
 * offering 5 products (orders only) and one whose `bigSkus` products are already listed and kept in stock by the
 * hub (stock and catalog steps). The big catalog is seeded as the crash scenario seeds it (bench/listed-seller.ts:
 * Odoo, Kaufland and the hub's catalog in bulk), so the bench measures the workers, not a first listing: within
 * the first minute the big account's catalog step reads every product and its stock step links every offer.
 */
export async function startWorkersBenchWorld(small: number, bigSkus: number): Promise<WorkersBenchWorld> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'adlerdo-workers-bench-'));
  const masterKey = randomBytes(32).toString('base64');
  const logger = createLogger('warn', process.stderr);
  const config = loadConfig({
    ADLERDO_DATA_DIR: dataDir,
    ADLERDO_PG_PORT: '0',
    ADLERDO_MASTER_KEY: masterKey,
    LOG_LEVEL: 'warn',
  });
  const database = await openDatabase(config, logger);
  const ctx = await createAppContext(config, logger, database);
  const [kaufland, odoo] = await Promise.all([
    startKauflandSandbox({ port: 0, latencyMs: LATENCY_MS }),
    startOdooSandbox({ port: 0, latencyMs: LATENCY_MS }),
  ]);
  const ordered = Array.from({ length: 5 }, (_, i) => ({
    sku: `WB-${i + 1}`,
    ean: ean13(`400638193${String(i + 1).padStart(3, '0')}`),
    name: `Workers bench product ${i + 1}`,
    price: 10 + i,
    qty: 1_000_000,
  }));
  odoo.seed({ products: ordered, carriers: ['Standard delivery'] });
  const sellers: string[] = [];
  const add = async (name: string, stockSync: boolean) => {
    const keys = kaufland.addSeller({ storefronts: ['de'] });
    if (!stockSync)
      kaufland.seedUnits(
        keys.client_key,
        'de',
        ordered.map((p) => ({
          id_offer: p.sku,
          ean: p.ean,
          listing_price: p.price * 100,
          amount: 99_999,
          handling_time: 1,
        })),
      );
    const account = await ctx.accounts.add({
      type: 'kaufland',
      name,
      clientId: keys.client_key,
      clientSecret: keys.secret_key,
      baseUrl: kaufland.baseUrl,
    });
    await ctx.accounts.patch(account.id, {
      settings: {
        productStockSync: stockSync,
        carrierMapping: { 'Standard delivery': 'DHL' },
        defaultCarrier: 'DHL',
      },
    });
    return { clientKey: keys.client_key, accountId: account.id };
  };
  for (let i = 0; i < small; i += 1)
    sellers.push((await add(`Workers Bench ${String(i + 1).padStart(2, '0')}`, false)).clientKey);
  const big = await add('Workers Bench Big Catalog', true);
  await ctx.erp.connect({
    type: 'odoo',
    url: odoo.url,
    database: odoo.database,
    login: odoo.login,
    apiKey: odoo.password,
  });
  await seedListedSeller({
    ctx,
    accountId: big.accountId,
    odoo,
    kaufland,
    clientKey: big.clientKey,
    products: [...benchProducts(bigSkus, random(14))],
  });
  return {
    database,
    kaufland,
    odoo,
    sellers,
    skus: ordered.map((p) => p.sku),
    bigAccountId: big.accountId,
    rewindBig: async () => {
      await ctx.db
        .deleteFrom('sync_cursors')
        .where('account_id', '=', big.accountId)
        .where('step', '=', 'catalog')
        .execute();
      const stock = await readCursor<StockCursor>(ctx.db, big.accountId, 'stock');
      await writeCursor(ctx.db, big.accountId, 'stock', { erp: stock?.erp ?? null, channels: {} });
    },
    env: {
      DATABASE_URL: database.connectionString,
      ADLERDO_MASTER_KEY: masterKey,
      ADLERDO_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    close: async () => {
      await Promise.all([kaufland.close(), odoo.close()]);
      await ctx.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
