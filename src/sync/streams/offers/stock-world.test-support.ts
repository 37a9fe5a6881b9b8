import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.ts';
import type { Database } from '../../../store/db.ts';
import type { StepContext } from '../../step-context.ts';
import { syncCatalog } from '../catalog.ts';
import { syncStock } from '../stock.ts';
import { addAccount, FakeErp, FakeMarketplace, stepContext } from './fakes.test-support.ts';

/** What the stock step's tests work with; the account and the fakes are new for each test. */
export interface StockWorld {
  database: Database;
  accountId: string;
  erp: FakeErp;
  marketplace: FakeMarketplace;
  /** Runs the stock step on the fakes; answers its counts. */
  stock(): Promise<StepContext['counts']>;
  /** Runs the catalog step on the fakes. */
  catalog(): Promise<void>;
}

/**
 * One test database for the file (a clone of the migrated template) and, before each test, an empty catalog,
 * a new account and fresh ERP and marketplace fakes; `channels` are the storefronts the steps sync.
 */
export function stockWorld(channels?: string[]): StockWorld {
  const world = {
    stock: async () => {
      const ctx = stepContext(world.database.db, world.accountId, 'stock', { ...sides(), channels });
      await syncStock(ctx);
      return ctx.counts;
    },
    catalog: async () => {
      await syncCatalog(stepContext(world.database.db, world.accountId, 'catalog', { ...sides(), channels }));
    },
  } as StockWorld;
  const sides = () => ({ erp: world.erp, marketplace: world.marketplace });
  beforeAll(async () => {
    world.database = await createTestDatabase();
  });
  afterAll(() => world.database?.close());
  beforeEach(async () => {
    await world.database.db.deleteFrom('catalog_products').execute();
    world.accountId = await addAccount(world.database.db);
    world.erp = new FakeErp();
    world.marketplace = new FakeMarketplace();
  });
  return world;
}
