import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { connectOdoo, setStock, type OdooClient } from '../../src/connectors/odoo/index.ts';
import { skuOf } from '../catalog.ts';
import { percentile } from '../percentile.ts';
import { openPushWindow } from './push-measure.ts';
import type { PushHub } from './push-process.ts';
import type { Bench, ScenarioResult } from './types.ts';

/** The target: the Odoo change → Kaufland's amount, p95 ≤ 3 s with the Odoo webhook. */
const LATENCY_TARGET_MS = 3_000;
/** A change not on Kaufland this long after it was made is reported as missing, not waited for. */
const GIVE_UP_MS = 30_000;

/** An Odoo client on the bench hub's own ERP connection (the stock counts are made the way a user makes them). */
export async function benchOdooClient(bench: Bench): Promise<OdooClient> {
  const target = await bench.hub.ctx.erp.pushTarget();
  if (!target) throw new Error('bench: no ERP connection');
  return connectOdoo(target.credentials);
}

/**
 * Stock counts applied in Odoo over its external API, one SKU at a time at random gaps, while a real `adlerdo
 * start` runs with the Odoo automation rules installed: Odoo's rule posts the webhook, the process queues the
 * stock step, the step sends the new amount. Sample = just before the count is applied in Odoo (two RPC calls,
 * so conservative by one round trip) → Kaufland accepted the new amount (`offers.confirmed_at`). SKUs 70, 170,
 * 270, …: not among those the other stock scenarios change.
 */
export async function pushedStock(
  bench: Bench,
  process: PushHub,
  samples: number,
  gapMs: number,
): Promise<ScenarioResult> {
  const name = 'P2. stock latency with the Odoo webhook (Odoo change → Kaufland), adlerdo start';
  const odoo = await benchOdooClient(bench);
  const skus = Array.from({ length: samples }, (_, i) => skuOf((i * 100 + 70) % bench.skus));
  const products = await odoo.searchRead(
    'product.product',
    { domain: [['default_code', 'in', skus]], fields: ['default_code'] },
    z.looseObject({ id: z.number(), default_code: z.string() }),
  );
  const productIds = new Map(products.map((p) => [p.default_code, p.id]));
  const db = bench.hub.ctx.db;
  const window = await openPushWindow(bench, process);
  bench.log(`${name}: ${samples} counts ~${gapMs} ms apart`);
  const latencies: number[] = [];
  const missing: string[] = [];
  const pending = new Map<string, { at: number; before: number | null }>();
  const watch = async () => {
    if (pending.size === 0) return;
    const rows = await db
      .selectFrom('offers')
      .select(['sku', 'amount', 'confirmed_at'])
      .where('account_id', '=', bench.hub.accountId)
      .where('sku', 'in', [...pending.keys()])
      .execute();
    for (const row of rows) {
      const change = pending.get(row.sku);
      if (!change || !row.confirmed_at || row.amount === change.before) continue;
      if (row.confirmed_at.getTime() < change.at) continue;
      latencies.push(row.confirmed_at.getTime() - change.at);
      pending.delete(row.sku);
    }
    for (const [sku, change] of pending)
      if (Date.now() - change.at > GIVE_UP_MS) {
        missing.push(sku);
        pending.delete(sku);
      }
  };
  for (const [i, sku] of skus.entries()) {
    const waitUntil = performance.now() + gapMs * (0.5 + Math.random());
    while (performance.now() < waitUntil) {
      await watch();
      await sleep(50);
    }
    const productId = productIds.get(sku);
    if (productId === undefined) throw new Error(`bench: no Odoo product ${sku}`);
    const offer = await db
      .selectFrom('offers')
      .select('amount')
      .where('account_id', '=', bench.hub.accountId)
      .where('sku', '=', sku)
      .executeTakeFirst();
    // Far above the seeded 1–50, so the amount surely changes.
    const quantity = 200 + i;
    const at = Date.now();
    await setStock(odoo, [{ productId, quantity }]);
    pending.set(sku, { at, before: offer?.amount ?? null });
  }
  while (pending.size > 0) {
    await watch();
    await sleep(50);
  }
  const measurement = await window.finish();
  const amounts = await bench.sandboxes.call('kauflandAmounts', { skus });
  const stored = await db
    .selectFrom('offers')
    .select(['sku', 'amount'])
    .where('account_id', '=', bench.hub.accountId)
    .where('sku', 'in', skus)
    .execute();
  const agree = stored.filter((row) => amounts[row.sku] === row.amount).length;
  const p95Ms = percentile(latencies, 95);
  const { runsByTrigger, ...plain } = measurement;
  const triggers = Object.entries(runsByTrigger)
    .map(([trigger, n]) => `${trigger} ${n}`)
    .join(', ');
  return {
    name,
    skus: bench.skus,
    changes: samples,
    measurement: plain,
    stockLatency: { samplesMs: latencies, p50Ms: percentile(latencies, 50), p95Ms },
    target: {
      text: `p95 ≤ ${LATENCY_TARGET_MS / 1000} s, every change on Kaufland`,
      pass: missing.length === 0 && latencies.length === samples && p95Ms <= LATENCY_TARGET_MS,
    },
    notes: [
      `${name}: ${latencies.length}/${samples} counts reached Kaufland` +
        (missing.length > 0 ? `; NOT within ${GIVE_UP_MS / 1000} s: ${missing.join(', ')}` : '') +
        `; ${agree}/${samples} Kaufland amounts equal the hub's afterwards; runs by trigger: ${triggers || 'none'}.`,
    ],
  };
}
