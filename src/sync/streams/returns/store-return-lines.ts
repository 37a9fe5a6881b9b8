import { sql } from 'kysely';
import type { ReturnLine } from '../../../core/after-sale.ts';
import type { StepContext } from '../../step-context.ts';

export const ISSUE_RETURN_UNKNOWN_ORDER = 'order.return_unknown_order';

/**
 * Stores return lines as the marketplace reports them: the status, the buyer's reason and note, the return
 * tracking, and the time the hub first saw each status (the order's timeline). An accepted line the seller
 * did not answer through the hub was accepted on the marketplace: recorded as such, never answered again.
 * A return of an order the hub never imported is stored all the same, with an issue explaining it.
 */
export async function storeReturnLines(ctx: StepContext, lines: readonly ReturnLine[]): Promise<void> {
  if (lines.length === 0) return;
  const orderIds = [...new Set(lines.map((l) => l.orderId))];
  const orders = await ctx.db
    .selectFrom('hub_orders')
    .select(['id', 'marketplace_order_id'])
    .where('account_id', '=', ctx.account.id)
    .where('marketplace_order_id', 'in', orderIds)
    .execute();
  const hubOrderOf = new Map(orders.map((o) => [o.marketplace_order_id, o.id]));
  for (const line of lines) {
    ctx.counts.read++;
    const orderId = hubOrderOf.get(line.orderId) ?? null;
    // Announced when created, also for a line first seen further on (the parcel arrived between two runs);
    // every later status gets the time the hub first saw it.
    const later = line.status !== 'announced';
    const statusColumn = sql.ref(`${line.status}_at`);
    const insertColumn = later ? sql`, ${statusColumn}` : sql``;
    const insertValue = later ? sql`, now()` : sql``;
    const updateColumn = later
      ? sql`${statusColumn} = coalesce(hub_return_lines.${statusColumn}, now()),`
      : sql``;
    const written = await sql<{ inserted: boolean }>`
      INSERT INTO hub_return_lines (account_id, order_id, marketplace_return_line_id, marketplace_return_id,
        marketplace_order_id, marketplace_line_id, channel, sku, status, reason, buyer_note, tracking_numbers,
        carrier_code, marketplace_created_at, marketplace_updated_at, announced_at${insertColumn},
        outcome, outcome_source)
      VALUES (${ctx.account.id}, ${orderId}, ${line.returnLineId}, ${line.returnId}, ${line.orderId},
        ${line.orderLineId}, ${line.channel}, ${line.sku}, ${line.status}, ${line.reason}, ${line.buyerNote},
        ${line.trackingNumbers}, ${line.carrierCode}, ${line.createdAt}, ${line.updatedAt}, ${line.createdAt}${insertValue},
        ${line.status === 'accepted' ? 'accept' : null}, ${line.status === 'accepted' ? 'marketplace' : null})
      ON CONFLICT (account_id, marketplace_return_line_id) DO UPDATE SET
        order_id = coalesce(hub_return_lines.order_id, excluded.order_id),
        status = excluded.status,
        reason = excluded.reason,
        buyer_note = excluded.buyer_note,
        tracking_numbers = excluded.tracking_numbers,
        carrier_code = excluded.carrier_code,
        marketplace_updated_at = excluded.marketplace_updated_at,
        ${updateColumn}
        outcome = coalesce(hub_return_lines.outcome, excluded.outcome),
        outcome_source = coalesce(hub_return_lines.outcome_source, excluded.outcome_source),
        updated_at = now()
      WHERE hub_return_lines.marketplace_updated_at <= excluded.marketplace_updated_at
      RETURNING (xmax = 0) AS inserted`.execute(ctx.db);
    if (written.rows[0]?.inserted) ctx.counts.created++;
    if (!orderId) {
      await ctx.issues.raise({
        code: ISSUE_RETURN_UNKNOWN_ORDER,
        subject: line.orderId,
        message: `A buyer returns an item of order ${line.orderId}, which AdlerDo never imported (placed before the account was connected, or outside the storefronts it syncs).`,
        hint: 'Book the return in the ERP by hand when the parcel arrives, then accept or reject it on the Returns page.',
        details: { returnLineId: line.returnLineId, sku: line.sku },
      });
    }
  }
}
