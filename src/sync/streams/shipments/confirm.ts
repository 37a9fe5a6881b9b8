import { sql } from 'kysely';
import { toAppError } from '../../../core/errors.ts';
import type { StepContext } from '../../step-context.ts';
import { ISSUE_CARRIER_UNMAPPED, resolveCarrier } from './carrier.ts';

// Confirmations per run: one marketplace call each (Kaufland: one PATCH per order unit), ~111/s at most.
const BATCH = 1000;
export const ISSUE_SHIPMENT_REJECTED = 'shipment.rejected';

/**
 * Tells the marketplace about every shipped line not confirmed yet, once. A line the marketplace already
 * shows as shipped (confirmed by a run that crashed before recording it, or by hand) is recorded, not sent
 * again.
 */
export async function confirmShippedLines(ctx: StepContext): Promise<void> {
  const lines = await ctx.db
    .selectFrom('hub_order_lines')
    .innerJoin('hub_orders', 'hub_orders.id', 'hub_order_lines.order_id')
    .select([
      'hub_order_lines.id',
      'marketplace_line_id',
      'carrier',
      'erp_carrier',
      'tracking_numbers',
      'hub_orders.marketplace_order_id',
      'hub_order_lines.order_id',
    ])
    .where('hub_order_lines.account_id', '=', ctx.account.id)
    .where('shipped_at', 'is not', null)
    .where('confirmed_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .orderBy('hub_order_lines.id')
    .limit(BATCH)
    .execute();
  // Carriers mapped since their issue opened: their lines go out below, so the issue clears now.
  await ctx.issues.resolve(ISSUE_CARRIER_UNMAPPED, Object.keys(ctx.account.settings.carrierMapping));
  for (const line of lines) {
    const carrierCode = line.carrier ?? resolveCarrier(ctx.account.settings, line.erp_carrier);
    if (carrierCode === undefined) {
      await raiseUnmapped(ctx, line.erp_carrier ?? '');
      ctx.counts.skipped++;
      continue;
    }
    try {
      await ctx.marketplace.confirmShipment(line.marketplace_line_id, {
        carrierCode,
        trackingNumbers: line.tracking_numbers ?? [],
      });
      await markConfirmed(ctx, line);
      ctx.counts.created++;
    } catch (thrown) {
      const error = toAppError(thrown);
      if (error.kind !== 'rejected') throw error;
      const current = await ctx.marketplace.getOrderLine(line.marketplace_line_id);
      if (current.status === 'shipped' || current.status === 'received') {
        await markConfirmed(ctx, line);
        ctx.counts.skipped++;
        continue;
      }
      await ctx.db
        .updateTable('hub_order_lines')
        .set({ confirm_error: error.message })
        .where('id', '=', line.id)
        .execute();
      await ctx.issues.raise({
        code: ISSUE_SHIPMENT_REJECTED,
        subject: line.marketplace_line_id,
        message: `The marketplace refused the shipment confirmation of order ${line.marketplace_order_id}: ${error.message}`,
        hint: 'Check the Kaufland carrier on the Carriers page and the tracking number in Odoo; it is retried on the next cycle.',
        details: { order: line.marketplace_order_id, error: error.message },
      });
      ctx.counts.failed++;
    }
  }
}

/**
 * Records the confirmation and, in the same transaction, marks the order shipped once none of its lines waits
 * for a shipment or a confirmation any more. Done once per batch instead, a crash or a failed call later in
 * the batch left orders whose last line was confirmed `in_erp` for good: nothing touches them again.
 */
async function markConfirmed(
  ctx: StepContext,
  line: { id: string; order_id: string; marketplace_line_id: string },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('hub_order_lines')
      .set({ confirmed_at: new Date(), confirm_error: null })
      .where('id', '=', line.id)
      .execute();
    await sql`UPDATE hub_orders o SET state = 'shipped', updated_at = now()
              WHERE o.id = ${line.order_id} AND o.state = 'in_erp'
                AND NOT EXISTS (SELECT 1 FROM hub_order_lines l WHERE l.order_id = o.id
                                AND l.cancelled_at IS NULL AND l.confirmed_at IS NULL)`.execute(trx);
  });
  await ctx.issues.resolve(ISSUE_SHIPMENT_REJECTED, [line.marketplace_line_id]);
}

/** One issue per unmapped ERP carrier (not per line): the seller maps it once and every waiting line goes out. */
async function raiseUnmapped(ctx: StepContext, erpCarrier: string): Promise<void> {
  await ctx.issues.raise({
    code: ISSUE_CARRIER_UNMAPPED,
    subject: erpCarrier,
    message: `Map carrier ${erpCarrier}: shipments with this Odoo carrier wait until it has a Kaufland carrier.`,
    hint: 'Choose its Kaufland carrier on the Carriers page; the waiting shipments are confirmed on the next cycle.',
    details: { carrier: erpCarrier },
  });
}
