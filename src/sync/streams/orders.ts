import type { StepHandler } from '../step-context.ts';
import { storeOrderLines } from './orders/ledger.ts';
import { forwardPendingOrders } from './orders/forward.ts';

interface OrdersCursor {
  /** Per channel: the newest line update already stored. */
  updatedSince: Record<string, string>;
}

/**
 * Lines are re-read from 10 minutes before the cursor: a line updated while the previous listing ran, or a
 * marketplace clock a little behind ours, is still seen. Re-reading is harmless (the ledger de-duplicates).
 */
const OVERLAP_MS = 10 * 60_000;
// Store every 500 lines: a crash mid-listing loses at most this much re-reading, never an order.
const STORE_EVERY = 500;

/**
 * Orders: marketplace lines ready to ship → the hub's ledger → one ERP sale order per order.
 * Only `to_ship` lines are imported: while a line is still `open` the marketplace may withhold the buyer's
 * address (Kaufland does for ~15 minutes) and the order may still be cancelled, so importing it early would
 * create customers without addresses; stock is reserved within one cycle of the line becoming `to_ship`.
 */
export const syncOrders: StepHandler = async (ctx) => {
  const cursor = (await ctx.cursor.read<OrdersCursor>()) ?? { updatedSince: {} };
  for (const channel of ctx.channels) {
    const since = cursor.updatedSince[channel];
    let newest = since;
    let batch = [];
    const lines = ctx.marketplace.listOrderLines({
      channel,
      statuses: ['to_ship'],
      ...(since && { updatedSince: new Date(Date.parse(since) - OVERLAP_MS).toISOString() }),
    });
    for await (const line of lines) {
      ctx.counts.read++;
      batch.push(line);
      if (!newest || line.updatedAt > newest) newest = line.updatedAt;
      if (batch.length >= STORE_EVERY) {
        await storeOrderLines(ctx, batch);
        batch = [];
      }
    }
    await storeOrderLines(ctx, batch);
    if (newest) {
      cursor.updatedSince[channel] = newest;
      await ctx.cursor.write(cursor);
    }
  }
  await forwardPendingOrders(ctx);
};
