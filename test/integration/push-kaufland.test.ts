import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/connectors/kaufland/signature.ts';
import { startWorker, type Worker } from '../../src/sync/worker.ts';
import { startAccountWorld } from '../helpers/account-world.ts';
import { signedInClient } from '../helpers/app.ts';
import { eventually } from '../helpers/eventually.ts';
import { startPublicProxy, type PublicProxy } from '../helpers/public-proxy.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * Issue 13, Kaufland push through the real entry points: the account's subscriptions made at the sandbox over
 * HTTP, the sandbox's notifications arriving at the public callback route (through a reverse proxy on
 * loopback, as ADLERDO_PUBLIC_URL), and the orders step run by the worker because of them, with no scheduler
 * running at all.
 */
const PRODUCTS = [{ sku: 'PUSH-1', ean: '4006381333931', name: 'Tea pot', price: 19.99, qty: 20 }];

interface SandboxPushState {
  subscriptions: {
    id_subscription: number;
    id_seller: number;
    callback_url: string;
    fallback_email: string;
    event_name: string;
    is_active: boolean;
    storefront: string;
  }[];
  deliveries: { event_name: string; status: number }[];
  mails: { to: string }[];
}

describe('Kaufland push (issue 13)', () => {
  let proxy: PublicProxy;
  let world: SyncWorld;
  let api: Awaited<ReturnType<typeof signedInClient>>;
  let worker: Worker | undefined;
  let callback = '';

  const sandboxPush = async (): Promise<SandboxPushState> =>
    (
      (await (await fetch(`${world.kaufland.origin}/_sandbox/subscriptions`)).json()) as {
        data: SandboxPushState;
      }
    ).data;
  const pushRuns = async (step: string) =>
    (
      await sql<{ status: string }>`SELECT status FROM sync_runs
        WHERE account_id = ${world.account.id} AND step = ${step} AND trigger = 'push'`.execute(
        world.app.ctx.db,
      )
    ).rows;
  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  beforeAll(async () => {
    proxy = await startPublicProxy();
    world = await startSyncWorld({
      products: PRODUCTS,
      env: { ADLERDO_PUBLIC_URL: proxy.url },
      settings: { pushEmail: 'shop@example.com' },
    });
    proxy.forwardTo(world.app.url);
    await world.listOnKaufland([{ sku: 'PUSH-1', ean: '4006381333931', price: 1999 }]);
    api = await signedInClient(world.app);
    // Deliveries retry fast here; real Kaufland retries for hours.
    await fetch(`${world.kaufland.origin}/_sandbox/push-settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ retry_delays_ms: [50, 50], disable_after: 2 }),
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await world?.close();
    await proxy?.close();
  });

  it('subscribes the account at Kaufland to the events it uses, with the fallback e-mail, and shows them', async () => {
    const checked = await api('POST', `/api/accounts/${world.account.id}/push/check`, {});
    expect(checked.status).toBe(200);
    expect(checked.json.push.state).toBe('active');
    const events = checked.json.push.subscriptions.map((s: { event: string }) => s.event).sort();
    expect(events).toEqual(
      [
        'order_new',
        'order_unit_new',
        'order_unit_status_changed',
        'return_new',
        'return_unit_status_changed',
      ].sort(),
    );
    const state = await sandboxPush();
    expect(state.subscriptions).toHaveLength(5);
    for (const subscription of state.subscriptions) {
      expect(subscription.storefront).toBe('de');
      expect(subscription.fallback_email).toBe('shop@example.com');
      expect(subscription.callback_url).toMatch(
        new RegExp(`^${proxy.url}/api/push/kaufland/[A-Za-z0-9_-]{43}$`),
      );
    }
    callback = state.subscriptions[0]?.callback_url ?? '';
    // The verification request went through: every subscription stays active.
    const verified = await eventually(sandboxPush, (s) => s.subscriptions.every((x) => x.is_active), 5_000);
    expect(verified.subscriptions.every((x) => x.is_active)).toBe(true);
    // The token is the URL's secret: the account's push view never shows it.
    expect(JSON.stringify(checked.json)).not.toContain(callback.split('/').at(-1));
    // Checking again changes nothing at Kaufland.
    await api('POST', `/api/accounts/${world.account.id}/push/check`, {});
    expect((await sandboxPush()).subscriptions.map((s) => s.id_subscription)).toEqual(
      state.subscriptions.map((s) => s.id_subscription),
    );
  });

  it('a new order at Kaufland is pushed, and the orders step runs for it without any poll', async () => {
    worker = await startWorker(world.app.ctx, { concurrency: 2 });
    const order = world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'PUSH-1', quantity: 1 }],
      status: 'need_to_be_sent',
    });
    const saleOrders = await eventually(
      () => world.odoo.state().orders.filter((o) => o.clientOrderRef === order.id_order),
      (found) => found.length === 1,
    );
    expect(saleOrders).toHaveLength(1);
    const runs = await eventually(
      () => pushRuns('orders'),
      (rows) => rows.some((r) => r.status === 'succeeded'),
    );
    expect(runs.map((r) => r.status)).toContain('succeeded');
    const delivered = (await sandboxPush()).deliveries.filter((d) => d.event_name === 'order_new');
    expect(delivered.map((d) => d.status)).toContain(202);
  });

  it('refuses unknown tokens (404), bodies that are no notification (400) and wrong signatures', async () => {
    const unknown = await post(
      `${world.app.url}/api/push/kaufland/${'x'.repeat(43)}`,
      '{"event_name":"order_new"}',
    );
    expect(unknown.status).toBe(404);
    const shortToken = await post(`${world.app.url}/api/push/kaufland/abc`, '{}');
    expect(shortToken.status).toBe(404);
    const wrongType = await post(callback.replace('/kaufland/', '/otto/'), '{"event_name":"order_new"}');
    expect(wrongType.status).toBe(404);
    expect((await post(callback, 'not json')).status).toBe(400);
    expect((await post(callback, '[1,2]')).status).toBe(400);
    expect((await post(callback, '{"event_name":42}')).status).toBe(400);
    const timestamp = Math.floor(Date.now() / 1000);
    const body = '{"event_name":"order_unit_new"}';
    const forged = await post(callback, body, {
      'shop-timestamp': String(timestamp),
      'shop-signature': signRequest({
        method: 'POST',
        uri: callback,
        body,
        timestamp,
        secret: 'f'.repeat(64),
      }),
    });
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('push.bad_signature');
    const signed = await post(callback, body, {
      'shop-timestamp': String(timestamp),
      'shop-signature': signRequest({
        method: 'POST',
        uri: callback,
        body,
        timestamp,
        secret: world.keys.secret_key,
      }),
    });
    expect(signed.status).toBe(202);
  });

  it('a flood of 1,000 callbacks queues at most one waiting step per account and kind', async () => {
    await worker?.stop();
    worker = undefined;
    const statuses: number[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => post(callback, '{"event_name":"order_unit_status_changed"}')),
      );
      statuses.push(...answers.map((a) => a.status));
    }
    expect(statuses.filter((s) => s !== 202)).toEqual([]);
    const jobs = await sql<{ key: string; n: string }>`SELECT key, count(*) AS n FROM graphile_worker.jobs
      WHERE key LIKE ${`sync:${world.account.id}:%`} GROUP BY key`.execute(world.app.ctx.db);
    const byKey = Object.fromEntries(jobs.rows.map((r) => [r.key, Number(r.n)]));
    expect(byKey).toEqual({
      [`sync:${world.account.id}:orders`]: 1,
      [`sync:${world.account.id}:cancellations`]: 1,
    });
  });

  it('repairs a subscription Kaufland disabled, and mails nobody twice', async () => {
    const [first] = (await sandboxPush()).subscriptions;
    await fetch(`${world.kaufland.origin}/_sandbox/subscriptions/${first?.id_subscription}/disable`, {
      method: 'POST',
    });
    const disabled = await sandboxPush();
    expect(disabled.subscriptions.find((s) => s.id_subscription === first?.id_subscription)?.is_active).toBe(
      false,
    );
    expect(disabled.mails.map((m) => m.to)).toEqual(['shop@example.com']);
    const checked = await api('POST', `/api/accounts/${world.account.id}/push/check`, {});
    expect(checked.json.push.subscriptions.some((s: { repairs: number }) => s.repairs >= 1)).toBe(true);
    const repaired = await eventually(sandboxPush, (s) => s.subscriptions.every((x) => x.is_active), 5_000);
    expect(repaired.subscriptions.every((x) => x.is_active)).toBe(true);
    expect(repaired.subscriptions).toHaveLength(5);
  });

  it('removing the account removes its subscriptions at Kaufland; its callback is 404 from then on', async () => {
    const removed = await api('DELETE', `/api/accounts/${world.account.id}`);
    expect(removed.status).toBe(204);
    expect((await sandboxPush()).subscriptions).toEqual([]);
    expect((await post(callback, '{"event_name":"order_new"}')).status).toBe(404);
  });
});

describe('Kaufland push without ADLERDO_PUBLIC_URL', () => {
  it('keeps polling and says which setting unlocks push', async () => {
    const world = await startAccountWorld('Polled store');
    try {
      const view = await world.api('GET', `/api/accounts/${world.id}/push`);
      expect(view.status).toBe(200);
      expect(view.json.push.state).toBe('off');
      expect(view.json.push.subscriptions).toEqual([]);
      expect(view.json.push.message).toMatch(/ADLERDO_PUBLIC_URL/);
      // The same reason as a code the web app says in the seller's language.
      expect(view.json.push.note).toEqual({
        code: 'push.public_url_needed',
        values: {},
        message: view.json.push.message,
      });
      // /api/openapi.json describes it, from the route's response schema.
      const doc = await world.api('GET', '/api/openapi.json');
      const shape =
        doc.json.paths['/api/accounts/{id}/push'].get.responses['200'].content['application/json'];
      expect(Object.keys(shape.schema.properties.push.properties.note.anyOf[0].properties)).toEqual([
        'code',
        'values',
        'message',
      ]);
    } finally {
      await world.close();
    }
  });
});
