import { sql, type Transaction } from 'kysely';
import type pg from 'pg';
import { AppError } from '../core/errors.ts';
import type { Logger } from '../logging/logger.ts';
import type { DB } from '../store/schema.ts';

/**
 * Every process using the master key (server, worker, CLI command) holds this advisory lock shared for its whole
 * life; `adlerdo key rotate` needs it exclusively. A process still holding the old key in memory would otherwise
 * write secrets under the old key after the rotation, or fail to read the new ones.
 */
const LOCK_ID = 0x4164_6c72; // "Adlr"

/** Holds the shared lock on a connection of its own until `release` is called. */
export async function holdSecretsLock(pool: pg.Pool, logger: Logger): Promise<() => Promise<void>> {
  const client = await pool.connect();
  // A dropped connection must not crash the process (pg emits 'error' on a checked-out client).
  client.on('error', (error) => logger.warn({ err: error }, 'master key lock connection lost'));
  try {
    await client.query('select pg_advisory_lock_shared($1)', [LOCK_ID]);
  } catch (error) {
    client.release(true);
    throw error;
  }
  return async () => {
    await client.query('select pg_advisory_unlock_shared($1)', [LOCK_ID]).catch(() => undefined);
    client.release();
  };
}

/** Inside the rotation's transaction: fails at once, with a sentence, while any other AdlerDo process runs. */
export async function takeSecretsLockExclusively(trx: Transaction<DB>): Promise<void> {
  const { rows } = await sql<{ locked: boolean }>`
    select pg_try_advisory_xact_lock(${LOCK_ID}) as locked`.execute(trx);
  if (rows[0]?.locked) return;
  throw new AppError(
    'conflict',
    'secrets.in_use',
    'AdlerDo is running against this database (a server, a worker or another command holds the master key). ' +
      'Stop every AdlerDo process, then run `adlerdo key rotate` again. Nothing was changed.',
  );
}
