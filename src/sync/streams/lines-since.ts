import type { OrderLine, OrderLineStatus } from '../../core/order.ts';
import type { StepContext } from '../step-context.ts';

interface LinesCursor {
  /** Per channel: the newest line update already applied. */
  updatedSince: Record<string, string>;
}

/**
 * Lines are re-read from 10 minutes before the cursor: a line updated while the previous listing ran, or a
 * marketplace clock a little behind ours, is still seen. Re-reading is harmless (applying is idempotent).
 */
const OVERLAP_MS = 10 * 60_000;
// Applied every 500 lines: a crash mid-listing costs at most this much re-reading, never a line.
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
      ...(newest && { updatedSince: new Date(Date.parse(newest) - OVERLAP_MS).toISOString() }),
    });
    let batch: OrderLine[] = [];
    for await (const line of lines) {
      ctx.counts.read++;
      batch.push(line);
      if (!newest || line.updatedAt > newest) newest = line.updatedAt;
      if (batch.length >= BATCH) {
        await apply(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await apply(batch);
    if (newest && newest !== cursor.updatedSince[channel]) {
      cursor.updatedSince[channel] = newest;
      await ctx.cursor.write(cursor);
    }
  }
}
