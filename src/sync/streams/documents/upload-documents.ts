import { sql } from 'kysely';
import { toAppError, type AppError } from '../../../core/errors.ts';
import type { StepContext } from '../../step-context.ts';
import { sameFileName } from './file-name.ts';

// Uploads per run: each is an ERP PDF read plus two marketplace calls.
const BATCH = 200;
// A refused document is tried again after this long (the seller may have fixed it in the ERP meanwhile).
const RETRY_REFUSED_AFTER = '1 hour';

export const ISSUE_DOCUMENT_REFUSED = 'order.document_refused';
export const ISSUE_DOCUMENT_UNAVAILABLE = 'order.document_unavailable';

/**
 * Uploads every recorded document not on the marketplace yet, exactly once: the order's documents there are
 * looked up first and one with the same file name counts as this upload (a run that crashed after uploading
 * and before recording). Orders the marketplace invoices itself (deemed supplier) are skipped on purpose.
 */
export async function uploadPendingDocuments(ctx: StepContext): Promise<void> {
  const pending = await ctx.db
    .selectFrom('hub_order_documents as d')
    .innerJoin('hub_orders as o', 'o.id', 'd.order_id')
    .select([
      'd.id',
      'd.erp_document_id',
      'd.kind',
      'd.number',
      'd.file_name',
      'd.order_id',
      'o.marketplace_order_id',
      'o.erp_order_name',
      sql<boolean>`EXISTS (SELECT 1 FROM hub_order_lines l WHERE l.order_id = o.id AND l.deemed_supplier)`.as(
        'deemed_supplier',
      ),
    ])
    .where('d.account_id', '=', ctx.account.id)
    .where('d.uploaded_at', 'is', null)
    .where('d.skipped_reason', 'is', null)
    .where((eb) =>
      eb.or([
        eb('d.attempted_at', 'is', null),
        eb('d.attempted_at', '<', sql<Date>`now() - ${RETRY_REFUSED_AFTER}::interval`),
      ]),
    )
    .orderBy('d.id')
    .limit(BATCH)
    .execute();
  for (const doc of pending) {
    if (doc.deemed_supplier) {
      await ctx.db
        .updateTable('hub_order_documents')
        .set({ skipped_reason: 'deemed_supplier' })
        .where('id', '=', doc.id)
        .execute();
      ctx.counts.skipped++;
      continue;
    }
    const existing = (await ctx.marketplace.listOrderDocuments(doc.marketplace_order_id)).find((d) =>
      sameFileName(d.fileName, doc.file_name),
    );
    if (existing) {
      await markUploaded(ctx, doc, existing.id);
      ctx.counts.skipped++;
      continue;
    }
    try {
      const { pdf } = await ctx.erp.documentPdf(doc.erp_document_id);
      const uploaded = await ctx.marketplace.uploadOrderDocument(doc.marketplace_order_id, {
        fileName: doc.file_name,
        pdf,
      });
      await markUploaded(ctx, doc, uploaded.id);
      ctx.counts.created++;
    } catch (thrown) {
      const error = toAppError(thrown);
      if (error.kind !== 'rejected') throw error;
      await refused(ctx, doc, error);
      ctx.counts.failed++;
    }
  }
}

interface PendingDocument {
  id: string;
  number: string;
  kind: string;
  file_name: string;
  marketplace_order_id: string;
  erp_order_name: string | null;
}

async function markUploaded(ctx: StepContext, doc: PendingDocument, marketplaceId: string): Promise<void> {
  await ctx.db
    .updateTable('hub_order_documents')
    .set({ marketplace_document_id: marketplaceId, uploaded_at: new Date(), upload_error: null })
    .where('id', '=', doc.id)
    .execute();
  await ctx.issues.resolve(ISSUE_DOCUMENT_REFUSED, [doc.marketplace_order_id]);
  await ctx.issues.resolve(ISSUE_DOCUMENT_UNAVAILABLE, [doc.marketplace_order_id]);
}

/**
 * A refusal is about this one document: an issue on the order saying what to do, and the run goes on. An ERP
 * that cannot render the PDF is told apart from a marketplace that refuses the file.
 */
async function refused(ctx: StepContext, doc: PendingDocument, error: AppError): Promise<void> {
  await ctx.db
    .updateTable('hub_order_documents')
    .set({ upload_error: error.message, attempted_at: new Date() })
    .where('id', '=', doc.id)
    .execute();
  const what = doc.kind === 'credit_note' ? 'credit note' : 'invoice';
  const fromErp = error.code.endsWith('.pdf_unavailable');
  await ctx.issues.raise(
    fromErp
      ? {
          code: ISSUE_DOCUMENT_UNAVAILABLE,
          subject: doc.marketplace_order_id,
          message: `The ERP could not give the PDF of ${what} ${doc.number} for order ${doc.marketplace_order_id}: ${error.message}`,
          hint: `Open ${what} ${doc.number} in the ERP and print it once (or fix its report); AdlerDo uploads it within the hour.`,
          details: { document: doc.number, error: error.message },
        }
      : {
          code: ISSUE_DOCUMENT_REFUSED,
          subject: doc.marketplace_order_id,
          message: `The marketplace refused ${what} ${doc.number} for order ${doc.marketplace_order_id}: ${error.message}`,
          hint: `Upload ${doc.file_name} to the order by hand in the marketplace's seller portal (AdlerDo then sees it and stops trying), or correct the document in the ERP; it is tried again within the hour.`,
          details: { document: doc.number, fileName: doc.file_name, error: error.message },
        },
  );
}
