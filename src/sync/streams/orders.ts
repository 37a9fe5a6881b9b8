import type { StepHandler } from '../step-context.ts';
import { storeOrderLines } from './orders/ledger.ts';
import { forwardPendingOrders } from './orders/forward.ts';
import { applyLinesSince } from './lines-since.ts';

/**
 * Orders: marketplace lines → the hub's ledger → one ERP sale order per order ready to ship.
 * `open` lines are read and stored too, but only for the reservation ledger (their pieces are held back from
 * every account's offers from this poll on); they are imported once `to_ship`: while a line is still `open`
 * the marketplace may withhold the buyer's address (Kaufland does for ~15 minutes) and the order may still be
 * cancelled, so importing it early would create customers without addresses. One listing reads both states.
 * Orders already in the ledger go first: after a crash or an ERP outage they are the oldest, and re-reading the
 * marketplace's overlap window (thousands of lines on a busy day) should not keep them waiting.
 */
export const syncOrders: StepHandler = async (ctx) => {
  await forwardPendingOrders(ctx, ['received', 'held']);
  await applyLinesSince(ctx, ['open', 'to_ship'], 'everything', (lines) => storeOrderLines(ctx, lines));
  // Only what just arrived: held and refused orders had their turn above, once per run.
  await forwardPendingOrders(ctx, ['received']);
};
