import { scaledMs } from '../../core/clock.ts';
import type { OrderLine, OrderLineStatus } from '../../core/order.ts';
import type { StepContext } from '../step-context.ts';

interface LinesCursor {
  /** Per channel: the newest line update already applied. */
  updatedSince: Record<string, string>;
}

/**
 * Lines are re-read from 10 minutes before the cursor: a line updated while the previous listing ran, or a
 * marketplace clock a little behind ours, is still seen. Re-reading is harmless (applying is idempotent). A
 * duration in the hub's time (src/core/clock.ts): a time-scaled test re-reads 10 simulated minutes, as a real
 * hub would, not 10 real ones (at scale 15 that was every line of the run, 30,000, on each orders run).
 */
const OVERLAP_MS = 10 * 60_000;
// Applied in batches of whole orders, up to 500 lines: a crash mid-listing costs at most this much re-reading.
const BATCH = 500;

/**
 * Per channel, the order lines in `statuses` updated since the step's cursor, handed to `apply` in batches;
 * the cursor moves to the newest line seen only once all of them are applied. On the first run `firstRun`
 * says where to start: every such line there is, from now on, or from an ISO time.
 */
export async function applyLinesSince(
  ctx: StepContext,
  statuses: readonly OrderLineStatus[],
  firstRun: 'everything' | 'from_now' | { from: string },
  apply: (lines: OrderLine[]) => Promise<unknown>,
): Promise<void> {
  const cursor = (await ctx.cursor.read<LinesCursor>()) ?? { updatedSince: {} };
  const start =
    firstRun === 'everything'
      ? undefined
      : firstRun === 'from_now'
        ? new Date().toISOString()
        : firstRun.from;
  for (const channel of ctx.channels) {
    let newest = cursor.updatedSince[channel] ?? start;
    const lines = ctx.marketplace.listOrderLines({
      channel,
      statuses,
      ...(newest && { updatedSince: new Date(Date.parse(newest) - scaledMs(OVERLAP_MS)).toISOString() }),
    });
    // Grouped by order (in the order each was first seen, oldest first) and cut only between orders: a batch
    // stored just before a crash must never hold part of an order, or the next run would forward that part
    // alone and the rest would arrive after the order is in the ERP. The listing is in memory anyway (the
    // marketplace lists newest first, so the connector reads it whole before handing it out oldest first).
    const byOrder = new Map<string, OrderLine[]>();
    for await (const line of lines) {
      ctx.counts.read++;
      if (!newest || line.updatedAt > newest) newest = line.updatedAt;
      const ofOrder = byOrder.get(line.orderId);
      if (ofOrder) ofOrder.push(line);
      else byOrder.set(line.orderId, [line]);
    }
    let batch: OrderLine[] = [];
    for (const ofOrder of byOrder.values()) {
      if (batch.length > 0 && batch.length + ofOrder.length > BATCH) {
        await apply(batch);
        batch = [];
      }
      batch.push(...ofOrder);
    }
    if (batch.length > 0) await apply(batch);
    if (newest && newest !== cursor.updatedSince[channel]) {
      cursor.updatedSince[channel] = newest;
      await ctx.cursor.write(cursor);
    }
  }
}
