import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';
import type { Step } from './steps.ts';

export async function readCursor<T>(db: Kysely<DB>, accountId: string, step: Step): Promise<T | undefined> {
  const row = await db
    .selectFrom('sync_cursors')
    .select('cursor')
    .where('account_id', '=', accountId)
    .where('step', '=', step)
    .executeTakeFirst();
  return row?.cursor as T | undefined;
}

/** Called only after the batch the cursor covers has been applied and recorded. */
export async function writeCursor(
  db: Kysely<DB>,
  accountId: string,
  step: Step,
  cursor: unknown,
): Promise<void> {
  const value = JSON.stringify(cursor);
  await db
    .insertInto('sync_cursors')
    .values({ account_id: accountId, step, cursor: value })
    .onConflict((oc) =>
      oc.columns(['account_id', 'step']).doUpdateSet({ cursor: value, updated_at: new Date() }),
    )
    .execute();
}
