import type { StepHandler } from '../step-context.ts';
import { storeOrderLines } from './orders/ledger.ts';
import { forwardPendingOrders } from './orders/forward.ts';
import { applyLinesSince } from './lines-since.ts';

/**
 * Orders: marketplace lines ready to ship → the hub's ledger → one ERP sale order per order.
 * Only `to_ship` lines are imported: while a line is still `open` the marketplace may withhold the buyer's
 * address (Kaufland does for ~15 minutes) and the order may still be cancelled, so importing it early would
 * create customers without addresses; stock is reserved within one cycle of the line becoming `to_ship`.
 */
export const syncOrders: StepHandler = async (ctx) => {
  await applyLinesSince(ctx, ['to_ship'], 'everything', (lines) => storeOrderLines(ctx, lines));
  await forwardPendingOrders(ctx);
};
