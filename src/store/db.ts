import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config/config.ts';
import { AppError } from '../core/errors.ts';
import type { Logger } from '../logging/logger.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { migrate } from './migrate.ts';
import type { DB } from './schema.ts';

export interface Database {
  db: Kysely<DB>;
  pool: pg.Pool;
  connectionString: string;
  close(): Promise<void>;
}

/** How long closing waits for connections still in use before the embedded server is stopped anyway. */
const POOL_CLOSE_WAIT_MS = 2_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Opens DATABASE_URL, or the embedded PostgreSQL under the data dir, and brings its schema up to date. */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let stopEmbedded = (): Promise<void> => Promise.resolve();
  let connectionString = config.DATABASE_URL;
  if (!connectionString) {
    const cluster = await startEmbeddedPostgres(config.dataDir, config.ADLERDO_PG_PORT, logger);
    connectionString = cluster.connectionString;
    stopEmbedded = cluster.stop;
  }
  try {
    const database = await connect(connectionString);
    const applied = await migrate(database.pool);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
    return {
      ...database,
      close: async () => {
        // A connection still checked out after a while belongs to a step the worker gave up at shutdown (its job
        // went back to the queue): the pool would wait for it forever, so the server's fast shutdown ends it.
        await Promise.race([database.close(), sleep(POOL_CLOSE_WAIT_MS)]);
        await stopEmbedded();
      },
    };
  } catch (cause) {
    await stopEmbedded();
    if (cause instanceof AppError) throw cause;
    throw new AppError(
      'config',
      'database.unreachable',
      `The database could not be opened: ${(cause as Error).message}. Check DATABASE_URL.`,
      { cause },
    );
  }
}

/** A pool and Kysely instance on an existing database, without migrating (tests use this on clones). */
export async function connect(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  pool.on('error', () => undefined); // idle-client errors surface on the next query instead
  const client = await pool.connect();
  client.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, connectionString, close: () => db.destroy() };
}
