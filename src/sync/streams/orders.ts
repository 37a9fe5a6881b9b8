import type { StepHandler } from '../step-context.ts';
import { storeOrderLines } from './orders/ledger.ts';
import { forwardPendingOrders, PER_RUN, type ForwardPass } from './orders/forward.ts';
import { applyLinesSince } from './lines-since.ts';

/**
 * Orders: marketplace lines → the hub's ledger → one ERP sale order per order ready to ship.
 * `open` lines are read and stored too, but only for the reservation ledger (their pieces are held back from
 * every account's offers from this poll on); they are imported once `to_ship`: while a line is still `open`
 * the marketplace may withhold the buyer's address (Kaufland does for ~15 minutes) and the order may still be
 * cancelled, so importing it early would create customers without addresses. One listing reads both states.
 * Orders already in the ledger go first: after a crash or an ERP outage they are the oldest, and re-reading the
 * marketplace's overlap window (thousands of lines on a busy day) should not keep them waiting. While a whole
 * 1,000 went through and more wait, the run takes the next 1,000 (batches it had to leave go first again): a
 * backlog drains at the batch rate. A run from the queue stops once its turn is over (StepContext.turn) and
 * continues in a run queued behind the account's other waiting steps; a command-line run goes on to the end.
 * A batch still failing at the end fails the run, so the queue retries it (a continuation retries it anyway).
 */
export const syncOrders: StepHandler = async (ctx) => {
  const deadline = ctx.turn?.endsAt ?? Number.POSITIVE_INFINITY;
  const first = await forwardPendingOrders(ctx, ['received', 'held'], deadline);
  // Always read: new lines reserve their pieces in every account's offers, even while a backlog drains.
  await applyLinesSince(ctx, ['open', 'to_ship'], 'everything', (lines) => storeOrderLines(ctx, lines));
  // Only what just arrived (or was left above): held and refused orders had their turn, once per run.
  let pass: ForwardPass;
  do pass = await forwardPendingOrders(ctx, ['received'], deadline);
  while (backlogLeft(pass) && Date.now() < deadline);
  if (backlogLeft(pass) && ctx.turn) {
    await ctx.turn.continueLater();
    return;
  }
  const failed = first.failed ?? pass.failed;
  if (failed) throw failed;
};

/** More orders wait: the pass stopped on time, or took a whole PER_RUN and moved some of them on. */
function backlogLeft(pass: ForwardPass): boolean {
  return pass.cutShort === true || (pass.picked === PER_RUN && pass.settled > 0);
}
