import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { signRequest } from '../../src/connectors/kaufland/signature.ts';
import { accountEndpoint, erpEndpoint } from '../../src/push/endpoints.ts';
import { openPushWindow } from './push-measure.ts';
import { startPushHub, waitForIdleQueue, waitForPushActive } from './push-process.ts';
import { preparePush } from './push-rows.ts';
import type { Bench, ScenarioResult } from './types.ts';

/** Issue 13's bounded flood: this many callbacks, this many in flight at once. */
const TOTAL = 10_000;
const PARALLEL = 50;
/** How often the queue is looked at during the flood, for the most jobs one account and step ever had waiting. */
const QUEUE_SAMPLE_MS = 100;

interface Kind {
  name: string;
  url: string;
  body: string;
  headers?: Record<string, string>;
  /** The one status this kind must get. */
  expected: number;
}

/**
 * `--scenario push-flood`: 10,000 callbacks of every kind (valid Kaufland and Odoo notifications, a replayed
 * signed one, unknown token, removed account, not JSON, not an object, wrong field type, forged signature, too
 * big) POSTed to a real `adlerdo start` whose worker and scheduler run, 50 at a time from this process. Prints
 * callbacks/s, the answers per kind, the most jobs any account and step had waiting (sampled every 100 ms) and
 * the steps run by push meanwhile; the process's CPU and peak RSS come from /proc.
 */
export async function pushFlood(bench: Bench): Promise<ScenarioResult> {
  const { hub } = bench;
  await preparePush(bench);
  // A second account that is removed before the flood: its token is one the hub gave out and retired.
  const closed = await hub.ctx.accounts.add({
    type: 'kaufland',
    name: 'Closed store',
    ...(await hub.ctx.accounts.credentialsOf(hub.accountId)),
  });
  const retired = (await accountEndpoint(hub.ctx.db, closed.id)).token;
  await hub.ctx.accounts.remove(closed.id);

  const child = await startPushHub(hub, 300, bench.log);
  try {
    await waitForPushActive(hub);
    await waitForIdleQueue(hub);
    const kinds = await floodKinds(bench, child.url, retired);
    const window = await openPushWindow(bench, child);
    bench.log(`push flood: ${TOTAL} callbacks of ${kinds.length} kinds, ${PARALLEL} in flight`);
    const answers = new Map<string, Map<number, number>>();
    const most = new Map<string, number>();
    let flooding = true;
    const sampler = (async () => {
      while (flooding) {
        const { rows } = await sql<{ key: string; n: string }>`SELECT key, count(*) AS n
          FROM graphile_worker.jobs WHERE task_identifier = 'sync-step' AND key IS NOT NULL
          GROUP BY key`.execute(hub.ctx.db);
        for (const row of rows) most.set(row.key, Math.max(most.get(row.key) ?? 0, Number(row.n)));
        await sleep(QUEUE_SAMPLE_MS);
      }
    })();
    const started = performance.now();
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < TOTAL; i = next++) {
        const kind = kinds[i % kinds.length]!;
        const response = await fetch(kind.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...kind.headers },
          body: kind.body,
        });
        await response.arrayBuffer();
        const counts = answers.get(kind.name) ?? new Map<number, number>();
        counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
        answers.set(kind.name, counts);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, lane));
    const floodMs = performance.now() - started;
    flooding = false;
    await sampler;
    // The steps the flood queued have run (or are about to): their runs belong to the measurement.
    await waitForIdleQueue(hub);
    const measurement = await window.finish();
    const pushRuns = await hub.ctx.db
      .selectFrom('sync_runs')
      .select(['step', hub.ctx.db.fn.countAll<string>().as('n')])
      .where('trigger', '=', 'push')
      .where('started_at', '>=', window.since)
      .groupBy('step')
      .execute();

    const wrong = kinds.filter((kind) => {
      const counts = answers.get(kind.name);
      return counts?.size !== 1 || !counts.has(kind.expected);
    });
    const answerText = kinds
      .map(
        (kind) =>
          `${kind.name} ${[...(answers.get(kind.name) ?? [])].map(([status, n]) => `${n}×${status}`).join('+')}`,
      )
      .join(', ');
    const stepOf = (key: string) => key.split(':').at(-1) ?? key;
    const waiting = [...most].map(([key, n]) => `${stepOf(key)} ${n}`).join(', ') || 'none';
    const ran = pushRuns.map((row) => `${row.step} ${row.n}`).join(', ') || 'none';
    const rate = TOTAL / (floodMs / 1000);
    const mostWaiting = Math.max(0, ...most.values());
    return {
      name: `P4. ${TOTAL.toLocaleString('en')} push callbacks of ${kinds.length} kinds, ${PARALLEL} in flight (adlerdo start)`,
      skus: bench.skus,
      changes: TOTAL,
      measurement: { ...measurement, wallMs: floodMs },
      target: {
        text: `${TOTAL.toLocaleString('en')} in ≤ 60 s, each kind its answer, ≤ 1 waiting job per account and step: ${(floodMs / 1000).toFixed(1)} s (${Math.round(rate)} callbacks/s), ${wrong.length === 0 ? 'answers as expected' : `WRONG answers: ${wrong.map((k) => k.name).join(', ')}`}, most waiting ${mostWaiting}`,
        pass: floodMs <= 60_000 && wrong.length === 0 && mostWaiting <= 1,
      },
      notes: [
        `push flood: ${TOTAL} callbacks in ${(floodMs / 1000).toFixed(1)} s = ${Math.round(rate)} callbacks/s; hub (adlerdo start) CPU ${(measurement.hubCpuMs / 1000).toFixed(1)} s, peak RSS ${Math.round(measurement.peakRssBytes / 1_048_576)} MB, PG CPU ${measurement.postgresCpuMs === null ? 'n/a' : `${(measurement.postgresCpuMs / 1000).toFixed(1)} s`}.`,
        `push flood answers: ${answerText}.`,
        `push flood queue: most jobs waiting per account and step (sampled every ${QUEUE_SAMPLE_MS} ms): ${waiting}; steps run by push during and after it: ${ran}.`,
      ],
    };
  } finally {
    await child.stop();
  }
}

/** One of each kind the issue names, at the child's public URL (the signature covers that URL). */
async function floodKinds(bench: Bench, publicUrl: string, retiredToken: string): Promise<Kind[]> {
  const { ctx, accountId } = bench.hub;
  const marketplace = `${publicUrl}/api/push/kaufland/${(await accountEndpoint(ctx.db, accountId)).token}`;
  const target = await ctx.erp.pushTarget();
  if (!target) throw new Error('bench: no ERP connection');
  const erp = `${publicUrl}/api/push/erp/${(await erpEndpoint(ctx.db, target.id)).token}`;
  const signedBody = '{"event_name":"order_unit_new","url":"/v2/order-units/1"}';
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = signRequest({
    method: 'POST',
    uri: marketplace,
    body: signedBody,
    timestamp,
    secret: (await ctx.accounts.credentialsOf(accountId)).clientSecret,
  });
  const signed = { 'shop-signature': signature, 'shop-timestamp': String(timestamp) };
  return [
    {
      name: 'order',
      url: marketplace,
      body: '{"event_name":"order_new","url":"/v2/orders/1"}',
      expected: 202,
    },
    { name: 'return', url: marketplace, body: '{"event_name":"return_unit_status_changed"}', expected: 202 },
    { name: 'replayed signed', url: marketplace, body: signedBody, headers: signed, expected: 202 },
    { name: 'odoo stock', url: erp, body: '{"_model":"stock.quant","_id":7}', expected: 202 },
    {
      name: 'unknown token',
      url: marketplace.replace(/[A-Za-z0-9_-]{43}$/, 'A'.repeat(43)),
      body: '{"event_name":"order_new"}',
      expected: 404,
    },
    {
      name: 'removed account',
      url: `${publicUrl}/api/push/kaufland/${retiredToken}`,
      body: '{"event_name":"order_new"}',
      expected: 404,
    },
    { name: 'not JSON', url: marketplace, body: '{"event_name":', expected: 400 },
    { name: 'not an object', url: marketplace, body: '[1,2,3]', expected: 400 },
    { name: 'wrong field type', url: marketplace, body: '{"event_name":42}', expected: 400 },
    {
      name: 'forged signature',
      url: marketplace,
      body: signedBody,
      headers: { ...signed, 'shop-signature': 'ab'.repeat(32) },
      expected: 400,
    },
    { name: 'too big', url: marketplace, body: `{"pad":"${'x'.repeat(70_000)}"}`, expected: 413 },
  ];
}
