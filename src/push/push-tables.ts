import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';

export type { PushEndpointsTable, PushState, PushSubscriptionsTable } from '../store/push.schema.ts';

/** The database with the push tables (now part of DB in schema.ts; kept so callers need not change). */
export function pushDb(db: Kysely<DB>): Kysely<DB> {
  return db;
}
