import type { StepHandler } from '../step-context.ts';
import { storeOrderLines } from './orders/ledger.ts';
import { forwardPendingOrders } from './orders/forward.ts';
import { applyLinesSince } from './lines-since.ts';

/**
 * Orders: marketplace lines ready to ship → the hub's ledger → one ERP sale order per order.
 * Only `to_ship` lines are imported: while a line is still `open` the marketplace may withhold the buyer's
 * address (Kaufland does for ~15 minutes) and the order may still be cancelled, so importing it early would
 * create customers without addresses; stock is reserved within one cycle of the line becoming `to_ship`.
 * Orders already in the ledger go first: after a crash or an ERP outage they are the oldest, and re-reading the
 * marketplace's overlap window (thousands of lines on a busy day) should not keep them waiting.
 */
export const syncOrders: StepHandler = async (ctx) => {
  await forwardPendingOrders(ctx, ['received', 'held']);
  await applyLinesSince(ctx, ['to_ship'], 'everything', (lines) => storeOrderLines(ctx, lines));
  // Only what just arrived: held and refused orders had their turn above, once per run.
  await forwardPendingOrders(ctx, ['received']);
};
