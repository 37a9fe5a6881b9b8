import { setTimeout as sleep } from 'node:timers/promises';
import type { CreatedOrder } from '../ipc.ts';
import { measure } from '../meter.ts';
import { percentile } from '../percentile.ts';
import type { Bench, ScenarioResult } from './types.ts';

// Orders steps after the last order was created before giving up: 1,000 orders need 1 (1,000 are forwarded
// per run), so 50 means something is stuck.
const MAX_RUNS_AFTER = 50;
// The issue's targets: 1,000 orders of 3 units in Odoo within 60 s (scaled to the count), and, for orders
// arriving one by one, p95 latency ≤ the poll interval (30 s) + 2 s.
const IMPORT_MS_PER_ORDER = 60;
const LATENCY_TARGET_MS = 32_000;

/**
 * (3) Orders: `count` orders are created on Kaufland — all at once (`spreadMs` 0: the catch-up after a burst or
 * an outage), or evenly over `spreadMs` while the steps run — and orders steps run back-to-back until every
 * one is in Odoo. Latency: creation on Kaufland → the hub recorded the Odoo sale order (`erp_created_at`,
 * written right after Odoo answered the create).
 */
export async function ordersToErp(
  bench: Bench,
  count: number,
  units: number,
  spreadMs: number,
): Promise<ScenarioResult> {
  const name = `3. ${count} orders of ${units} units Kaufland → Odoo, ${spreadMs ? `over ${spreadMs / 1000} s` : 'at once'}`;
  const created: CreatedOrder[] = [];
  if (spreadMs === 0) created.push(...(await bench.sandboxes.call('createOrders', { count, units })));
  bench.log(
    `orders: ${count} orders of ${units} units${spreadMs ? ` over ${spreadMs / 1000} s` : ' at once'}, orders steps back-to-back`,
  );
  const db = bench.hub.ctx.db;
  const latencies = new Map<string, number>();
  const { measurement } = await measure(name, bench.hub, bench.sandboxes, bench.log, async (run) => {
    let creating = spreadMs > 0;
    const creator = (async () => {
      for (let i = 0; creating && i < count; i += 1) {
        created.push(...(await bench.sandboxes.call('createOrders', { count: 1, units })));
        await sleep(spreadMs / count);
      }
      creating = false;
    })();
    for (let after = 0; creating || latencies.size < created.length; after += creating ? 0 : 1) {
      if (after >= MAX_RUNS_AFTER)
        throw new Error(
          `orders: ${created.length - latencies.size} orders not in Odoo ${MAX_RUNS_AFTER} runs after the last was created`,
        );
      await run('orders');
      const at = new Map(created.map((order) => [order.idOrder, order.at]));
      const rows = await db
        .selectFrom('hub_orders')
        .select(['marketplace_order_id', 'erp_created_at'])
        .where('account_id', '=', bench.hub.accountId)
        .where('state', '=', 'in_erp')
        .execute();
      for (const row of rows) {
        const createdAt = at.get(row.marketplace_order_id);
        if (createdAt === undefined || !row.erp_created_at || latencies.has(row.marketplace_order_id))
          continue;
        latencies.set(row.marketplace_order_id, row.erp_created_at.getTime() - createdAt);
      }
    }
    await creator;
  });
  const inOdoo = await bench.sandboxes.call('saleOrders', { refs: created.map((o) => o.idOrder) });
  const samples = [...latencies.values()];
  const distinct = new Set(inOdoo).size;
  const p95Ms = percentile(samples, 95);
  const allIn = distinct === count && inOdoo.length === count;
  const importLimitMs = count * IMPORT_MS_PER_ORDER;
  const target = spreadMs
    ? {
        text: `p95 ≤ ${LATENCY_TARGET_MS / 1000} s (poll 30 s + 2 s)`,
        pass: allIn && p95Ms <= LATENCY_TARGET_MS,
      }
    : {
        text: `all in Odoo ≤ ${importLimitMs / 1000} s (60 s per 1,000)`,
        pass: allIn && measurement.wallMs <= importLimitMs,
      };
  return {
    name,
    skus: bench.skus,
    changes: count,
    measurement,
    target,
    orderLatency: { samplesMs: samples, p50Ms: percentile(samples, 50), p95Ms },
    notes: [
      `orders: ${distinct}/${count} have an Odoo sale order after ${measurement.runs} orders runs;` +
        ` ${inOdoo.length - distinct} duplicate sale orders.`,
    ],
  };
}
