import type { StepContext } from '../../step-context.ts';
import { recordDocuments } from '../documents/record-documents.ts';
import { groupBy, quantitiesBySku } from './group-refs.ts';
import { assignBatchRefs, recordBatchRefusal } from './return-batches.ts';

export const ISSUE_CREDIT_NOTE_FAILED = 'order.credit_note_failed';

/**
 * Every accepted return gets its credit note in the ERP for the returned units (a reversal of the invoice
 * where there is one), posted or left a draft per `postCreditNotes`: one per return, its reference stored on
 * the lines before the ERP is asked. A posted one is recorded for the documents step, which uploads it like
 * any invoice.
 */
export async function creditAcceptedReturns(ctx: StepContext): Promise<void> {
  await assignBatchRefs(ctx, {
    column: 'erp_credit_ref',
    // Accepted at some point (the marketplace may have closed it since): credited all the same.
    eligible: (eb) => eb('r.accepted_at', 'is not', null),
    // The same return may also have a receipt under the plain batch reference.
    suffix: ':credit',
  });
  const lines = await ctx.db
    .selectFrom('hub_return_lines as r')
    .innerJoin('hub_orders as o', 'o.id', 'r.order_id')
    .select([
      'r.id',
      'r.erp_credit_ref',
      'r.sku',
      'r.reason',
      'r.marketplace_return_id',
      'r.marketplace_order_id',
      'o.erp_order_id',
      'o.erp_order_name',
      'o.erp_currency',
      'o.currency',
    ])
    .where('r.account_id', '=', ctx.account.id)
    .where('r.erp_credit_ref', 'is not', null)
    .where('r.erp_credit_note_id', 'is', null)
    .where('r.erp_credit_error', 'is', null)
    .orderBy('r.id')
    .execute();
  for (const [ref, group] of groupBy(lines, (l) => l.erp_credit_ref!)) {
    const first = group[0]!;
    const ids = group.map((l) => l.id);
    const reasons = [...new Set(group.map((l) => l.reason).filter(Boolean))].join(', ');
    try {
      const note = await ctx.erp.createCreditNote(first.erp_order_id!, {
        ref,
        reason: `Return ${first.marketplace_return_id} of order ${first.marketplace_order_id} accepted${reasons ? ` (${reasons})` : ''}`,
        lines: quantitiesBySku(group),
        currency: first.erp_currency ?? first.currency,
        post: ctx.account.settings.postCreditNotes,
      });
      await ctx.db
        .updateTable('hub_return_lines')
        .set({
          erp_credit_note_id: note.id,
          erp_credit_note_name: note.number,
          erp_credit_note_at: new Date(),
        })
        .where('id', 'in', ids)
        .execute();
      ctx.counts.created++;
      // Recorded for upload now rather than found again among the ERP's changed documents: a change listing by
      // write time can pass a document whose transaction committed late (src/connectors/odoo/cursor.ts).
      if (note.posted) await recordDocuments(ctx, [note]);
    } catch (thrown) {
      await recordBatchRefusal(ctx, thrown, {
        lineIds: ids,
        errorColumn: 'erp_credit_error',
        issue: (reason) => ({
          code: ISSUE_CREDIT_NOTE_FAILED,
          subject: first.marketplace_order_id,
          message: `The ERP made no credit note for the accepted return of order ${first.marketplace_order_id} (sale order ${first.erp_order_name ?? ''}): ${reason}`,
          hint: 'Create the credit note on the sale order in the ERP by hand; AdlerDo uploads it to the marketplace once it is posted.',
          details: { erpOrder: first.erp_order_name, error: reason },
        }),
      });
    }
  }
}
