import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../core/order.ts';
import type { StepContext } from '../step-context.ts';
import { emptyCounts } from '../run-counts.ts';
import { applyLinesSince } from './lines-since.ts';

function line(orderId: string, n: number, updatedAt: string): OrderLine {
  return {
    lineId: `${orderId}-${n}`,
    orderId,
    channel: 'de',
    sku: 'SKU',
    title: null,
    status: 'to_ship',
    currency: 'EUR',
    priceMinor: 100,
    shippingMinor: 0,
    vatPercent: 19,
    createdAt: updatedAt,
    updatedAt,
    buyer: null,
    billingAddress: null,
    shippingAddress: null,
    deemedSupplier: false,
  };
}

/** Only what applyLinesSince touches: the listing, the cursor and the counts. */
function contextListing(lines: OrderLine[]): { ctx: StepContext; cursor: () => unknown } {
  let stored: unknown;
  const ctx = {
    channels: ['de'],
    counts: emptyCounts(),
    marketplace: {
      // eslint-disable-next-line @typescript-eslint/require-await
      async *listOrderLines() {
        yield* lines;
      },
    },
    cursor: {
      read: () => Promise.resolve(stored),
      write: (value: unknown) => {
        stored = value;
        return Promise.resolve();
      },
    },
  } as unknown as StepContext;
  return { ctx, cursor: () => stored };
}

describe('applyLinesSince', () => {
  it('never splits an order across batches, even when its lines are far apart in the listing', async () => {
    // 499 one-line orders, then order A's first line (line 500), 300 more, then A's second line (updated later).
    const lines = [
      ...Array.from({ length: 499 }, (_, i) => line(`O${i}`, 1, '2026-12-01T10:00:00Z')),
      line('A', 1, '2026-12-01T10:00:01Z'),
      ...Array.from({ length: 300 }, (_, i) => line(`P${i}`, 1, '2026-12-01T10:00:02Z')),
      line('A', 2, '2026-12-01T10:00:03Z'),
    ];
    const { ctx, cursor } = contextListing(lines);
    const batches: OrderLine[][] = [];
    await applyLinesSince(ctx, ['to_ship'], 'everything', (batch) => {
      batches.push(batch);
      return Promise.resolve();
    });
    expect(batches.flat()).toHaveLength(lines.length);
    expect(batches.every((b) => b.length <= 500)).toBe(true);
    const batchesWithA = batches.filter((b) => b.some((l) => l.orderId === 'A'));
    expect(batchesWithA).toHaveLength(1);
    expect(batchesWithA[0]!.filter((l) => l.orderId === 'A').map((l) => l.lineId)).toEqual(['A-1', 'A-2']);
    expect(ctx.counts.read).toBe(lines.length);
    expect(cursor()).toEqual({ updatedSince: { de: '2026-12-01T10:00:03Z' } });
  });
});
