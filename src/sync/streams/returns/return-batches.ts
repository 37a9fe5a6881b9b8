import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { toAppError } from '../../../core/errors.ts';
import type { DB } from '../../../store/schema.ts';
import type { StepContext } from '../../step-context.ts';
import type { IssueInput } from '../../issues.repository.ts';
import { batchRef, groupBy } from './group-refs.ts';

/** Return lines joined to their order, as the eligibility filters below see them. */
type ReturnLinesWithOrder = DB & { r: DB['hub_return_lines']; o: DB['hub_orders'] };

/** The per-document reference columns of a return line (one per ERP document made for it). */
export type BatchRefColumn = 'erp_credit_ref' | 'erp_return_ref';
/** Where the ERP's refusal to make that document is kept, so the line is not offered again. */
export type BatchErrorColumn = 'erp_credit_error' | 'erp_return_error';

export interface BatchRefOptions {
  column: BatchRefColumn;
  /** Which lines the document is for (beyond: this account, no reference yet, order in the ERP). */
  eligible: (eb: ExpressionBuilder<ReturnLinesWithOrder, 'r' | 'o'>) => Expression<SqlBool>;
  /** Appended to the reference, so two documents of one return never share it. */
  suffix?: string;
}

/**
 * Gives eligible lines without a reference one per return, stored before the ERP is asked: a retry after
 * a crash then finds the same reference. Lines joining a return that already has a batch get their own.
 */
export async function assignBatchRefs(ctx: StepContext, options: BatchRefOptions): Promise<void> {
  const { column, eligible, suffix = '' } = options;
  const lines = await ctx.db
    .selectFrom('hub_return_lines as r')
    .innerJoin('hub_orders as o', 'o.id', 'r.order_id')
    .select([
      'r.id',
      'r.marketplace_return_id',
      sql<boolean>`EXISTS (SELECT 1 FROM hub_return_lines e WHERE e.account_id = r.account_id
                     AND e.marketplace_return_id = r.marketplace_return_id AND ${sql.ref(`e.${column}`)} IS NOT NULL)`.as(
        'earlier_batch',
      ),
    ])
    .where('r.account_id', '=', ctx.account.id)
    .where(`r.${column}`, 'is', null)
    .where(eligible)
    .where('o.erp_order_id', 'is not', null)
    .orderBy('r.id')
    .execute();
  for (const [returnId, group] of groupBy(lines, (l) => l.marketplace_return_id)) {
    const ref = batchRef(ctx.account.type, returnId, group[0]!.earlier_batch, group[0]!.id) + suffix;
    await ctx.db
      .updateTable('hub_return_lines')
      .set(column, ref)
      .where(
        'id',
        'in',
        group.map((l) => l.id),
      )
      .execute();
  }
}

/**
 * What the ERP threw for a batch: a refusal is kept on the lines (so they wait for a person instead of being
 * offered again every run) and raised as an issue; anything else (outage, timeout) is rethrown for the retry.
 */
export async function recordBatchRefusal(
  ctx: StepContext,
  thrown: unknown,
  batch: {
    lineIds: readonly string[];
    errorColumn: BatchErrorColumn;
    issue: (reason: string) => Omit<IssueInput, 'accountId' | 'step'>;
  },
): Promise<void> {
  const error = toAppError(thrown);
  if (error.kind !== 'rejected') throw error;
  await ctx.db
    .updateTable('hub_return_lines')
    .set(batch.errorColumn, error.message)
    .where('id', 'in', batch.lineIds)
    .execute();
  await ctx.issues.raise(batch.issue(error.message));
  ctx.counts.failed++;
}
