import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../store/schema.ts';

/**
 * One step at a time per account, across every process sharing the database (workers, `adlerdo sync run`):
 * a session-level advisory lock keyed by the account, held on one connection for the whole step. The job
 * queue already serialises an account's jobs; this also covers the CLI running a step meanwhile.
 */
export async function withAccountLock<T>(
  db: Kysely<DB>,
  accountId: string,
  fn: () => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(hashtextextended(${`adlerdo:account:${accountId}`}, 0))`.execute(
      connection,
    );
    try {
      return await fn();
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtextextended(${`adlerdo:account:${accountId}`}, 0))`.execute(
        connection,
      );
    }
  });
}
