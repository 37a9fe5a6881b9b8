import { runIndependentPhases } from '../independent-phases.ts';
import type { StepHandler } from '../step-context.ts';
import { invoiceShippedOrders } from './documents/invoice-shipped.ts';
import { recordDocuments } from './documents/record-documents.ts';
import { uploadPendingDocuments } from './documents/upload-documents.ts';

// ERP documents read per page; the cursor is stored after each page is recorded.
const PAGE = 200;

/**
 * Documents: the posted invoices and credit notes of the hub's orders in the ERP → recorded in the hub →
 * uploaded to the marketplace order exactly once. With `invoiceOnShipment` the ERP first invoices orders that
 * have shipped in full, so their invoice goes out in the same run.
 */
export const syncDocuments: StepHandler = (ctx) =>
  runIndependentPhases([
    () => invoiceShippedOrders(ctx),
    async () => {
      let cursor = (await ctx.cursor.read<string>()) ?? null;
      for (;;) {
        const page = await ctx.erp.documentsChangedSince(cursor, PAGE);
        await recordDocuments(ctx, page.items);
        cursor = page.cursor;
        await ctx.cursor.write(cursor);
        if (!page.hasMore) break;
      }
    },
    // Documents recorded by an earlier run go out even when this run could not read the ERP.
    () => uploadPendingDocuments(ctx),
  ]);
