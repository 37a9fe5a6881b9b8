import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { CreatedOrder } from '../ipc.ts';
import { percentile } from '../percentile.ts';
import { openPushWindow } from './push-measure.ts';
import type { PushHub } from './push-process.ts';
import type { Bench, ScenarioResult } from './types.ts';

/** The issue's target: order placed on Kaufland → confirmed sale order in Odoo, p95 ≤ 2 s with push. */
const LATENCY_TARGET_MS = 2_000;

interface Delivery {
  event_name: string;
  url: string;
  status: number;
  ts_created_iso: string;
}

export interface PushOrdersOptions {
  count: number;
  /** Mean gap between two orders; each gap is 0.5–1.5 × this. */
  gapMs: number;
  /** Share of notifications the sandbox drops (0 for the latency row). */
  loseRate: number;
  /** Orders created last with every notification dropped: only the safety-net poll can find them. */
  silentTail: number;
  /** How long after the last order to wait for all of them (push: seconds; safety net: the poll interval). */
  waitMs: number;
  name: string;
}

/**
 * Orders placed one by one on the Kaufland sandbox while a real `adlerdo start` runs with push working: the
 * sandbox POSTs `order_new`/`order_unit_new` to the process's public URL, which queues the orders step. Sample =
 * creation on Kaufland → the hub recorded the confirmed Odoo sale order (`hub_orders.erp_created_at`, written
 * after Odoo answered the create-and-confirm batch). With `loseRate`, the sandbox drops that share of
 * notifications; the counts show whether the safety-net poll picked up what push missed.
 */
export async function pushedOrders(
  bench: Bench,
  process: PushHub,
  kauflandOrigin: string,
  options: PushOrdersOptions,
): Promise<ScenarioResult> {
  const { count, gapMs, loseRate, silentTail } = options;
  await pushSettings(kauflandOrigin, { lose_rate: loseRate });
  // What the previous row set off (the stock run its last orders woke) is done before this one starts.
  await waitForQuietQueue(bench);
  const window = await openPushWindow(bench, process);
  bench.log(
    `${options.name}: ${count} orders ~${gapMs} ms apart${silentTail ? ` then ${silentTail} with every push lost` : ''}`,
  );
  const created: CreatedOrder[] = [];
  const latencies = new Map<string, number>();
  const place = async (n: number) => {
    for (let i = 0; i < n; i += 1) {
      await sleep(gapMs * (0.5 + Math.random()));
      created.push(...(await bench.sandboxes.call('createOrders', { count: 1, units: 1 })));
    }
  };
  await place(count);
  await waitForOrders(bench, created, latencies, options.waitMs);
  let tailRuns = '';
  if (silentTail > 0) {
    // Quiet first (every earlier order in, queue empty), so no push-woken run can pick the silent ones up.
    await waitForQuietQueue(bench);
    await pushSettings(kauflandOrigin, { lose_rate: 1 });
    const tailFrom = new Date();
    await place(silentTail);
    await waitForOrders(bench, created, latencies, options.waitMs);
    tailRuns = describeTriggers(await runsByTrigger(bench, tailFrom, 'orders'));
  }
  const measurement = await window.finish();
  await pushSettings(kauflandOrigin, { lose_rate: 0 });

  const refs = created.map((order) => order.idOrder);
  const inOdoo = await bench.sandboxes.call('saleOrders', { refs });
  const distinct = new Set(inOdoo).size;
  // The sandbox stamps deliveries to the second.
  const from = Math.floor(window.since.getTime() / 1000) * 1000;
  const deliveries = (await sandboxDeliveries(kauflandOrigin)).filter(
    (d) => Date.parse(d.ts_created_iso) >= from,
  );
  const orderNotices = deliveries.filter(
    (d) => d.event_name === 'order_new' || d.event_name === 'order_unit_new',
  );
  const lost = orderNotices.filter((d) => d.status === -1).length;
  // Orders whose order_new was dropped: only their order_unit_new, a later order's push or the poll finds them.
  const unannounced = refs.filter((ref) =>
    orderNotices.some((d) => d.url === `/v2/orders/${ref}` && d.status === -1),
  ).length;
  const samples = [...latencies.values()];
  const p95Ms = percentile(samples, 95);
  const allIn = distinct === created.length && inOdoo.length === created.length;
  const triggers = describeTriggers(measurement.runsByTrigger);
  const counts =
    `${created.length} orders placed; ${orderNotices.length} order notifications, ${lost} dropped by the sandbox; ` +
    `${unannounced} orders whose order_new was dropped; ${distinct}/${created.length} have an Odoo sale order, ` +
    `${inOdoo.length - distinct} duplicates; runs by trigger: ${triggers || 'none'}` +
    (silentTail > 0 ? `; orders runs after the ${silentTail} silent orders: ${tailRuns || 'none'}` : '') +
    `; ${await breakdown(bench, created, window.since)}.`;
  const target =
    loseRate === 0 && silentTail === 0
      ? {
          text: `p95 ≤ ${LATENCY_TARGET_MS / 1000} s, all in Odoo once`,
          pass: allIn && p95Ms <= LATENCY_TARGET_MS,
        }
      : { text: 'every order in Odoo once (none missed)', pass: allIn };
  const { runsByTrigger: _runs, ...plain } = measurement;
  return {
    name: options.name,
    skus: bench.skus,
    changes: created.length,
    measurement: plain,
    target,
    orderLatency: { samplesMs: samples, p50Ms: percentile(samples, 50), p95Ms },
    notes: [`${options.name}: ${counts}`],
  };
}

async function pushSettings(origin: string, settings: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${origin}/_sandbox/push-settings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (!response.ok) throw new Error(`sandbox push settings: HTTP ${response.status}`);
}

async function sandboxDeliveries(origin: string): Promise<Delivery[]> {
  const response = await fetch(`${origin}/_sandbox/subscriptions`);
  const body = (await response.json()) as { data: { deliveries: Delivery[] } };
  return body.data.deliveries;
}

/** Polls the hub's orders until every placed one has its Odoo sale order, or `waitMs` passed. */
async function waitForOrders(
  bench: Bench,
  created: readonly CreatedOrder[],
  latencies: Map<string, number>,
  waitMs: number,
): Promise<void> {
  const at = new Map(created.map((order) => [order.idOrder, order.at]));
  const started = performance.now();
  while (latencies.size < created.length && performance.now() - started < waitMs) {
    const rows = await bench.hub.ctx.db
      .selectFrom('hub_orders')
      .select(['marketplace_order_id', 'erp_created_at'])
      .where('account_id', '=', bench.hub.accountId)
      .where('marketplace_order_id', 'in', [...at.keys()])
      .where('erp_created_at', 'is not', null)
      .execute();
    for (const row of rows) {
      const createdAt = at.get(row.marketplace_order_id);
      if (createdAt !== undefined && row.erp_created_at)
        latencies.set(row.marketplace_order_id, row.erp_created_at.getTime() - createdAt);
    }
    if (latencies.size < created.length) await sleep(100);
  }
}

async function waitForQuietQueue(bench: Bench): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM graphile_worker.jobs`.execute(
      bench.hub.ctx.db,
    );
    if (Number(rows[0]?.n ?? 0) === 0) return;
    await sleep(100);
  }
}

async function runsByTrigger(bench: Bench, since: Date, step: string): Promise<Record<string, number>> {
  const rows = await bench.hub.ctx.db
    .selectFrom('sync_runs')
    .select('trigger')
    .where('account_id', '=', bench.hub.accountId)
    .where('step', '=', step)
    .where('started_at', '>=', since)
    .execute();
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.trigger] = (counts[row.trigger] ?? 0) + 1;
  return counts;
}

function describeTriggers(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([trigger, n]) => `${trigger} ${n}`)
    .join(', ');
}

/**
 * Where an order's latency went: placed → the orders run that brought it in started (notification, queue,
 * worker pickup, and waiting for the account's previous step), and that start → its sale order recorded.
 */
async function breakdown(bench: Bench, created: readonly CreatedOrder[], since: Date): Promise<string> {
  const allRuns = await bench.hub.ctx.db
    .selectFrom('sync_runs')
    .select(['step', 'started_at', 'finished_at'])
    .where('account_id', '=', bench.hub.accountId)
    .where('started_at', '>=', since)
    .execute();
  const runs = allRuns.filter((r) => r.step === 'orders');
  const rows = await bench.hub.ctx.db
    .selectFrom('hub_orders')
    .select(['marketplace_order_id', 'erp_created_at'])
    .where('account_id', '=', bench.hub.accountId)
    .where(
      'marketplace_order_id',
      'in',
      created.map((o) => o.idOrder),
    )
    .execute();
  const placedAt = new Map(created.map((o) => [o.idOrder, o.at]));
  const waits: number[] = [];
  const behind: Record<string, number> = {};
  const steps: number[] = [];
  for (const row of rows) {
    const placed = placedAt.get(row.marketplace_order_id);
    const done = row.erp_created_at?.getTime();
    if (placed === undefined || done === undefined) continue;
    const run = runs.find(
      (r) => r.started_at.getTime() <= done && (r.finished_at?.getTime() ?? Infinity) >= done,
    );
    if (!run) continue;
    // The account runs one step at a time: an order placed during another run waits for it.
    const busy = allRuns.find(
      (r) => r !== run && r.started_at.getTime() <= placed && (r.finished_at?.getTime() ?? Infinity) > placed,
    );
    if (busy) behind[busy.step] = (behind[busy.step] ?? 0) + 1;
    const start = Math.max(run.started_at.getTime(), placed);
    waits.push(start - placed);
    steps.push(done - start);
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return (
    `placed → its orders run started p50 ${s(percentile(waits, 50))} / p95 ${s(percentile(waits, 95))}, ` +
    `run start → sale order p50 ${s(percentile(steps, 50))} / p95 ${s(percentile(steps, 95))}; ` +
    `placed while another run of the account was going: ${describeTriggers(behind) || 'none'}`
  );
}
