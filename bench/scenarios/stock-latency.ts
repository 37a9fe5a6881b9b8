import { setTimeout as sleep } from 'node:timers/promises';
import { skuOf } from '../catalog.ts';
import type { StockChange } from '../ipc.ts';
import { measure } from '../meter.ts';
import { percentile } from '../percentile.ts';
import type { Bench, ScenarioResult } from './types.ts';

// Gives up after this long without all samples: a stuck change is a finding, not a reason to hang.
const MAX_MS = 10 * 60_000;

/**
 * (4) Stock latency: stock steps run back-to-back (the fastest a scheduler could run them) while, at random
 * moments 0.5–1.5 × `gapMs` apart, one SKU at a time gets a new count in Odoo. A sample is the time from the
 * change in Odoo to Kaufland accepting the new amount (the offer's `confirmed_at`, written right after the bulk
 * call answered). SKUs 50, 150, 250, …: not among those 2b changed (every 100th at 1 %).
 */
export async function stockLatency(bench: Bench, samples: number, gapMs: number): Promise<ScenarioResult> {
  const name = '4. stock latency (Odoo change → Kaufland)';
  const skus = Array.from({ length: samples }, (_, i) => skuOf((i * 100 + 50) % bench.skus));
  bench.log(`stock latency: ${samples} changes ~${gapMs} ms apart, stock steps back-to-back`);
  const db = bench.hub.ctx.db;
  const pending = new Map<string, StockChange>();
  const made: StockChange[] = [];
  const latencies: number[] = [];
  const { measurement } = await measure(name, bench.hub, bench.sandboxes, bench.log, async (run) => {
    let changing = true;
    const changer = (async () => {
      for (const sku of skus) {
        await sleep(gapMs * (0.5 + Math.random()));
        const [change] = await bench.sandboxes.call('changeStock', { skus: [sku] });
        if (change) {
          pending.set(sku, change);
          made.push(change);
        }
      }
      changing = false;
    })();
    const started = performance.now();
    while ((changing || pending.size > 0) && performance.now() - started < MAX_MS) {
      await run('stock');
      if (pending.size === 0) continue;
      const rows = await db
        .selectFrom('offers')
        .select(['sku', 'amount', 'confirmed_at'])
        .where('account_id', '=', bench.hub.accountId)
        .where('sku', 'in', [...pending.keys()])
        .execute();
      for (const row of rows) {
        const change = pending.get(row.sku);
        if (!change || row.amount !== change.freeQty || !row.confirmed_at) continue;
        latencies.push(row.confirmed_at.getTime() - change.at);
        pending.delete(row.sku);
      }
    }
    await changer;
  });
  const amounts = await bench.sandboxes.call('kauflandAmounts', { skus });
  const right = made.filter((c) => amounts[c.sku] === c.freeQty).length;
  const notes = [
    `stock latency: ${latencies.length}/${samples} changes reached Kaufland in ${measurement.runs} back-to-back stock runs` +
      (pending.size > 0 ? `; NOT within ${MAX_MS / 60_000} min: ${[...pending.keys()].join(', ')}` : '') +
      `; ${right}/${samples} show Odoo's new free quantity on Kaufland afterwards.`,
  ];
  return {
    name,
    skus: bench.skus,
    changes: samples,
    measurement,
    stockLatency: {
      samplesMs: latencies,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
    },
    notes,
  };
}
