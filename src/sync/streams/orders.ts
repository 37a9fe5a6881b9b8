import type { StepHandler } from '../step-context.ts';
import { storeOrderLines } from './orders/ledger.ts';
import { forwardPendingOrders, PER_RUN, type ForwardPass } from './orders/forward.ts';
import { applyLinesSince } from './lines-since.ts';

/**
 * How long one run goes on through a backlog (after an ERP outage, thousands of orders wait): the account's
 * other steps wait for it that long at most. Real time, not the hub's clock (src/core/clock.ts): it bounds work
 * done by the ERP, like an HTTP timeout, not a wait of the hub's own. 10,000 orders at ~50 a second (the
 * sandbox ERP) fit; a real Odoo at ~15 a second takes ~4,500 per run, then the other steps have their turn.
 */
const BACKLOG_RUN_MS = 5 * 60_000;

/**
 * Orders: marketplace lines → the hub's ledger → one ERP sale order per order ready to ship.
 * `open` lines are read and stored too, but only for the reservation ledger (their pieces are held back from
 * every account's offers from this poll on); they are imported once `to_ship`: while a line is still `open`
 * the marketplace may withhold the buyer's address (Kaufland does for ~15 minutes) and the order may still be
 * cancelled, so importing it early would create customers without addresses. One listing reads both states.
 * Orders already in the ledger go first: after a crash or an ERP outage they are the oldest, and re-reading the
 * marketplace's overlap window (thousands of lines on a busy day) should not keep them waiting. While a whole
 * 1,000 went through and more wait, the run takes the next 1,000 (batches it had to leave go first again): a
 * backlog drains at the batch rate, not 1,000 orders per turn of the account's queue (crash scenario
 * odoo-outage). A batch still left at the end fails the run, so the queue retries it.
 */
export const syncOrders: StepHandler = async (ctx) => {
  const started = Date.now();
  const first = await forwardPendingOrders(ctx, ['received', 'held']);
  await applyLinesSince(ctx, ['open', 'to_ship'], 'everything', (lines) => storeOrderLines(ctx, lines));
  // Only what just arrived (or was left above): held and refused orders had their turn, once per run.
  let pass: ForwardPass;
  do pass = await forwardPendingOrders(ctx, ['received']);
  while (pass.picked === PER_RUN && pass.settled > 0 && Date.now() - started < BACKLOG_RUN_MS);
  const failed = first.failed ?? pass.failed;
  if (failed) throw failed;
};
