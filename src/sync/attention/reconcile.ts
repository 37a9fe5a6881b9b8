import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../store/schema.ts';
import { RECONCILED_CODES } from './attention-codes.ts';
import { attentionConditions, type AttentionRules } from './attention-conditions.ts';

export interface ReconcileResult {
  opened: number;
  cleared: number;
}

const keyOf = (i: { accountId: string | null; code: string; subject: string }) =>
  `${i.accountId ?? ''}|${i.code}|${i.subject}`;

/**
 * Makes the open attention issues equal to the conditions true now: opens the new ones, refreshes the message of
 * the ones still true, clears the ones whose cause is gone (keys updated, ERP answering, a step succeeding).
 * Runs after every step and before the dashboard reads issues, so the screen never lags the account's status.
 * Serialised by a transaction-scoped advisory lock (issues without an account have no unique key to lean on).
 */
export async function reconcileAttention(db: Kysely<DB>, rules: AttentionRules): Promise<ReconcileResult> {
  const wanted = await attentionConditions(db, rules);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('adlerdo.attention'))`.execute(trx);
    const open = await trx
      .selectFrom('sync_issues')
      .select(['id', 'account_id', 'code', 'subject', 'message'])
      .where('resolved_at', 'is', null)
      .where('code', 'in', RECONCILED_CODES)
      .execute();
    const openByKey = new Map(open.map((o) => [keyOf({ ...o, accountId: o.account_id }), o]));
    const wantedKeys = new Set(wanted.map(keyOf));
    let opened = 0;
    for (const condition of wanted) {
      const existing = openByKey.get(keyOf(condition));
      if (existing) {
        if (existing.message !== condition.message)
          await trx
            .updateTable('sync_issues')
            .set({
              message: condition.message,
              hint: condition.hint,
              details: JSON.stringify(condition.details),
              last_seen_at: new Date(),
            })
            .where('id', '=', existing.id)
            .execute();
        continue;
      }
      await trx
        .insertInto('sync_issues')
        .values({
          account_id: condition.accountId,
          step: condition.step,
          code: condition.code,
          subject: condition.subject,
          message: condition.message,
          hint: condition.hint,
          details: JSON.stringify(condition.details),
        })
        .execute();
      opened += 1;
    }
    const gone = open
      .filter((o) => !wantedKeys.has(keyOf({ ...o, accountId: o.account_id })))
      .map((o) => o.id);
    if (gone.length > 0)
      await trx.updateTable('sync_issues').set({ resolved_at: new Date() }).where('id', 'in', gone).execute();
    return { opened, cleared: gone.length };
  });
}
