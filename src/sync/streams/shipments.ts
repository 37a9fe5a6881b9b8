import type { StepHandler } from '../step-context.ts';
import { confirmShippedLines } from './shipments/confirm.ts';
import { recordShipments } from './shipments/record.ts';

// ERP deliveries read per page; the cursor is stored after each page is recorded.
const PAGE = 200;

/**
 * Shipments: done ERP deliveries of hub orders → their lines marked shipped with carrier and tracking →
 * each shipped line confirmed on the marketplace exactly once (which releases the seller's money).
 */
export const syncShipments: StepHandler = async (ctx) => {
  let cursor = (await ctx.cursor.read<string>()) ?? null;
  for (;;) {
    const page = await ctx.erp.shipmentsSince(cursor, PAGE);
    await recordShipments(ctx, page.items);
    cursor = page.cursor;
    await ctx.cursor.write(cursor);
    if (!page.hasMore) break;
  }
  await confirmShippedLines(ctx);
};
