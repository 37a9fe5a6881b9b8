import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/connectors/kaufland/signature.ts';
import { startWorker } from '../../src/sync/worker.ts';
import { signedInClient } from '../helpers/app.ts';
import { eventually } from '../helpers/eventually.ts';
import { startPublicProxy, type PublicProxy } from '../helpers/public-proxy.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * Issue 13's bad input, bounded: 10,000 callbacks of every kind (valid, replayed, unknown token, malformed, for a
 * removed account) against a running AdlerDo over HTTP, with no worker taking jobs, so the queue shows exactly
 * what the callbacks left in it. And Kaufland's return events reaching the returns step.
 */
const TOTAL = 10_000;
const PARALLEL = 50;
const PRODUCT = { sku: 'FLOOD-1', ean: '4006381333931', name: 'Kettle', price: 29.99, qty: 50 };

interface SandboxPush {
  subscriptions: { id_seller: number; callback_url: string; is_active: boolean }[];
  deliveries: { event_name: string; status: number }[];
}

describe('push callbacks under flood (issue 13)', () => {
  let proxy: PublicProxy;
  let world: SyncWorld;
  let api: Awaited<ReturnType<typeof signedInClient>>;
  let callback = '';
  let removedCallback = '';

  const sandboxPush = async (): Promise<SandboxPush> =>
    ((await (await fetch(`${world.kaufland.origin}/_sandbox/subscriptions`)).json()) as { data: SandboxPush })
      .data;
  /** Sync jobs per job key (one key per account and step), e.g. {"sync:<id>:orders": 1}. */
  const jobsByKey = async (): Promise<Record<string, number>> => {
    const { rows } = await sql<{ key: string; n: string }>`SELECT key, count(*) AS n
      FROM graphile_worker.jobs WHERE task_identifier = 'sync-step' GROUP BY key`.execute(world.app.ctx.db);
    return Object.fromEntries(rows.map((row) => [row.key, Number(row.n)]));
  };
  /** The path part of a callback URL, posted to the app directly (the signature covers the public URL). */
  const local = (url: string) => `${world.app.url}${new URL(url).pathname}`;
  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  beforeAll(async () => {
    proxy = await startPublicProxy();
    world = await startSyncWorld({
      products: [PRODUCT],
      env: { ADLERDO_PUBLIC_URL: proxy.url },
      settings: { pushEmail: 'shop@example.com' },
    });
    proxy.forwardTo(world.app.url);
    await world.listOnKaufland([{ sku: PRODUCT.sku, ean: PRODUCT.ean, price: 2999, amount: 50 }]);
    api = await signedInClient(world.app);
    const checked = await api('POST', `/api/accounts/${world.account.id}/push/check`, {});
    expect(checked.json.push.state).toBe('active');
    const other = await world.addAccount({
      name: 'Closed store',
      settings: { pushEmail: 'other@example.com' },
    });
    await api('POST', `/api/accounts/${other.account.id}/push/check`, {});
    await eventually(
      sandboxPush,
      (s) => s.subscriptions.length === 10 && s.subscriptions.every((x) => x.is_active),
    );
    const tokenOf = async (accountId: string) =>
      (
        await world.app.ctx.db
          .selectFrom('push_endpoints')
          .select('token')
          .where('account_id', '=', accountId)
          .executeTakeFirstOrThrow()
      ).token;
    callback = `${proxy.url}/api/push/kaufland/${await tokenOf(world.account.id)}`;
    removedCallback = `${proxy.url}/api/push/kaufland/${await tokenOf(other.account.id)}`;
    // Both are addresses the sandbox calls.
    const urls = (await sandboxPush()).subscriptions.map((x) => x.callback_url);
    expect(urls).toContain(callback);
    expect(urls).toContain(removedCallback);
    expect((await api('DELETE', `/api/accounts/${other.account.id}`)).status).toBe(204);
  });
  afterAll(async () => {
    await world?.close();
    await proxy?.close();
  });

  it('a return at Kaufland queues the returns step, by push', async () => {
    const order = world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items: [{ id_offer: PRODUCT.sku, quantity: 1 }],
    });
    const unit = order.order_units[0]?.id_order_unit ?? 0;
    const answered = (event: string) => (s: SandboxPush) =>
      s.deliveries.some((d) => d.event_name === event && d.status === 202);
    expect(answered('order_unit_new')(await eventually(sandboxPush, answered('order_unit_new')))).toBe(true);
    world.kaufland.setOrderUnitStatus(unit, 'sent');
    // The order's own notifications are through (answered) before the return exists.
    const sent = await eventually(sandboxPush, answered('order_unit_status_changed'));
    expect(answered('order_unit_status_changed')(sent)).toBe(true);
    const returnsKey = `sync:${world.account.id}:returns`;
    expect((await jobsByKey())[returnsKey]).toBeUndefined();
    world.kaufland.startReturn({ order_units: [{ id_order_unit: unit, reason: 'dislike' }] });
    const jobs = await eventually(jobsByKey, (byKey) => byKey[returnsKey] === 1);
    expect(jobs[returnsKey]).toBe(1);
    const delivered = await eventually(sandboxPush, answered('return_new'));
    expect(delivered.deliveries.filter((d) => d.event_name === 'return_new').map((d) => d.status)).toEqual([
      202,
    ]);
  });

  it(
    `${TOTAL.toLocaleString('en')} callbacks: each answered 202 or 4xx, one waiting job per account and step, /health answered throughout`,
    { timeout: 300_000 },
    async () => {
      const timestamp = Math.floor(Date.now() / 1000);
      const signedBody = '{"event_name":"order_unit_new","url":"/v2/order-units/1"}';
      const signature = signRequest({
        method: 'POST',
        uri: callback,
        body: signedBody,
        timestamp,
        secret: world.keys.secret_key,
      });
      const unknownToken = callback.replace(/[A-Za-z0-9_-]{43}$/, 'A'.repeat(43));
      // Each kind: how to send one, and what it must be answered with.
      const kinds: { name: string; send: () => Promise<Response>; expected: number[] }[] = [
        {
          name: 'valid',
          send: () => post(local(callback), '{"event_name":"order_new","url":"/v2/orders/1"}'),
          expected: [202],
        },
        {
          name: 'return',
          send: () => post(local(callback), '{"event_name":"return_unit_status_changed"}'),
          expected: [202],
        },
        {
          name: 'replayed',
          send: () =>
            post(local(callback), signedBody, {
              'shop-signature': signature,
              'shop-timestamp': String(timestamp),
            }),
          expected: [202],
        },
        {
          name: 'unknown token',
          send: () => post(local(unknownToken), '{"event_name":"order_new"}'),
          expected: [404],
        },
        {
          name: 'removed account',
          send: () => post(local(removedCallback), '{"event_name":"order_new"}'),
          expected: [404],
        },
        { name: 'not JSON', send: () => post(local(callback), '{"event_name":'), expected: [400] },
        { name: 'not an object', send: () => post(local(callback), '[1,2,3]'), expected: [400] },
        { name: 'wrong field type', send: () => post(local(callback), '{"event_name":42}'), expected: [400] },
        {
          name: 'forged signature',
          send: () =>
            post(local(callback), signedBody, {
              'shop-signature': 'ab'.repeat(32),
              'shop-timestamp': String(timestamp),
            }),
          expected: [400],
        },
        {
          name: 'too big',
          send: () => post(local(callback), `{"pad":"${'x'.repeat(70_000)}"}`),
          expected: [413],
        },
      ];
      const answered = new Map<string, Map<number, number>>();
      const started = performance.now();
      let healthy = 0;
      let healthChecks = 0;
      for (let sent = 0; sent < TOTAL; sent += PARALLEL) {
        const batch = Array.from({ length: PARALLEL }, async (_, i) => {
          const kind = kinds[(sent + i) % kinds.length]!;
          const response = await kind.send();
          await response.arrayBuffer();
          const counts = answered.get(kind.name) ?? new Map<number, number>();
          counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
          answered.set(kind.name, counts);
        });
        // The process stays responsive: a health check rides along with every batch.
        healthChecks++;
        const health = fetch(`${world.app.url}/health`).then((r) => {
          if (r.status === 200) healthy++;
          return r.arrayBuffer();
        });
        await Promise.all([...batch, health]);
      }
      // Not asserted (no timed assertions): the bound is 10,000 in a minute.
      console.info(
        `push flood: ${TOTAL} callbacks in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      const perKind = TOTAL / kinds.length;
      for (const kind of kinds) {
        const counts = Object.fromEntries(answered.get(kind.name) ?? []);
        expect({ kind: kind.name, counts }).toEqual({
          kind: kind.name,
          counts: { [kind.expected[0]!]: perKind },
        });
      }
      expect(healthy).toBe(healthChecks);
      // No worker runs: every job the flood queued is still there, at most one per account and step.
      const id = world.account.id;
      expect(await jobsByKey()).toEqual({
        [`sync:${id}:orders`]: 1,
        [`sync:${id}:cancellations`]: 1,
        [`sync:${id}:returns`]: 1,
      });
    },
  );

  it('once a worker runs, the queued steps run once each, the returns step by push', async () => {
    const worker = await startWorker(world.app.ctx, { concurrency: 1 });
    try {
      const runs = async () =>
        (
          await sql<{ step: string; trigger: string; status: string }>`SELECT step, trigger, status
            FROM sync_runs WHERE account_id = ${world.account.id} ORDER BY id`.execute(world.app.ctx.db)
        ).rows;
      const done = await eventually(runs, (rows) => rows.filter((r) => r.status !== 'running').length >= 3);
      expect(done.map((r) => `${r.step} ${r.trigger} ${r.status}`).sort()).toEqual([
        'cancellations push succeeded',
        'orders push succeeded',
        'returns push succeeded',
      ]);
    } finally {
      await worker.stop();
    }
  });
});
