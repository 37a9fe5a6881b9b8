import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startKauflandSandbox,
  type KauflandSandbox,
  type SellerCredentials,
} from '../../src/sandbox/kaufland/index.ts';
import { eventually } from '../helpers/eventually.ts';

/**
 * The Kaufland sandbox's push notifications for returns (issue 13) and its subscriptions across a restart: a
 * receiver on loopback stands in for the callback URL; the sandbox runs with a snapshot file and is restarted
 * from it.
 */
interface Received {
  event_name: string;
  url: string;
  id_subscription: number;
}

let dir: string;
let snapshotFile: string;
let sandbox: KauflandSandbox;
let seller: SellerCredentials;
let receiver: Server;
let callbackUrl: string;
const received: Received[] = [];

async function call(method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
  const full = `${sandbox.baseUrl}${url}`;
  const raw = body === undefined ? '' : JSON.stringify(body);
  const ts = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', seller.secret_key)
    .update(`${method}\n${full}\n${raw}\n${ts}`)
    .digest('hex');
  const response = await fetch(full, {
    method,
    body: raw === '' ? undefined : raw,
    headers: {
      'Shop-Client-Key': seller.client_key,
      'Shop-Timestamp': String(ts),
      'Shop-Signature': signature,
    },
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
}

const events = (name: string) => received.filter((r) => r.event_name === name);

/** A listed unit, an order of `quantity` pieces of it, every piece sent (so it can be returned). */
async function sentOrder(quantity: number): Promise<number[]> {
  const sku = `PE-${Math.random().toString(36).slice(2, 8)}`;
  const created = await call('POST', '/units?storefront=de', {
    id_offer: sku,
    ean: `40063813${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`,
    listing_price: 1999,
    handling_time: 1,
    amount: 20,
  });
  expect(created.status).toBe(200);
  const order = sandbox.createOrder({
    client_key: seller.client_key,
    storefront: 'de',
    items: [{ id_offer: sku, quantity }],
  });
  const ids = order.order_units.map((unit) => unit.id_order_unit);
  for (const id of ids) sandbox.setOrderUnitStatus(id, 'sent');
  return ids;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'adlerdo-push-events-'));
  snapshotFile = path.join(dir, 'kaufland.json');
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push(JSON.parse(body) as Received);
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/callback`;
  sandbox = await startKauflandSandbox({ port: 0, snapshotFile });
  seller = sandbox.addSeller({ storefronts: ['de'] });
  for (const event of ['return_new', 'return_status_changed', 'return_unit_status_changed', 'order_new']) {
    const made = await call('POST', '/subscriptions?storefront=de', {
      callback_url: callbackUrl,
      fallback_email: 'shop@example.com',
      event_name: event,
    });
    expect(made.status).toBe(201);
  }
});

afterAll(async () => {
  await sandbox?.close();
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('Kaufland sandbox push: returns', () => {
  it('a new return is announced once as return_new, naming the return; its units are not announced apart', async () => {
    const ids = await sentOrder(2);
    received.length = 0;
    const started = sandbox.startReturn({
      order_units: ids.map((id) => ({ id_order_unit: id, reason: 'dislike' })),
    });
    await eventually(
      () => events('return_new'),
      (found) => found.length > 0,
    );
    expect(events('return_new').map((r) => r.url)).toEqual([`/v2/returns/${started.id_return}`]);
    expect(events('return_unit_status_changed')).toEqual([]);
  });

  it('the parcel arriving changes the return and each unit; Kaufland closing a unit is one more event', async () => {
    const ids = await sentOrder(2);
    const started = sandbox.startReturn({
      order_units: ids.map((id) => ({ id_order_unit: id, reason: 'defect' })),
    });
    await eventually(
      () => events('return_new').filter((r) => r.url === `/v2/returns/${started.id_return}`),
      (found) => found.length === 1,
    );
    received.length = 0;
    const arrived = sandbox.returnArrives(started.id_return);
    const unitIds = (arrived.return_units ?? []).map((unit) => unit.id_return_unit);
    expect(unitIds).toHaveLength(2);
    const units = await eventually(
      () => events('return_unit_status_changed'),
      (found) => found.length === 2,
    );
    expect(units.map((r) => r.url).sort()).toEqual(unitIds.map((id) => `/v2/return-units/${id}`).sort());
    expect(events('return_status_changed').map((r) => r.url)).toEqual([`/v2/returns/${started.id_return}`]);
    received.length = 0;
    sandbox.setReturnUnitStatus(unitIds[0] ?? 0, 'return_closed');
    const closed = await eventually(
      () => events('return_unit_status_changed'),
      (found) => found.length === 1,
    );
    expect(closed.map((r) => r.url)).toEqual([`/v2/return-units/${unitIds[0]}`]);
  });
});

describe('Kaufland sandbox push: snapshot', () => {
  it('a restarted sandbox keeps its subscriptions, settings and mails, and notifies them', async () => {
    const settings = await fetch(`${sandbox.origin}/_sandbox/push-settings`, {
      method: 'POST',
      body: JSON.stringify({ retry_delays_ms: [10], disable_after: 4 }),
    });
    expect(settings.status).toBe(200);
    const before = (await call('GET', '/subscriptions')).json.data;
    expect(before).toHaveLength(4);
    await sandbox.close();
    const file = JSON.parse(await readFile(snapshotFile, 'utf8'));
    expect(file.push.subscriptions).toHaveLength(4);
    sandbox = await startKauflandSandbox({ port: 0, snapshotFile });
    const after = (await call('GET', '/subscriptions')).json.data;
    expect(after).toEqual(before);
    const state = await (await fetch(`${sandbox.origin}/_sandbox/subscriptions`)).json();
    expect(state.data.settings).toMatchObject({ retry_delays_ms: [10], disable_after: 4 });
    // Ids go on where they left off.
    const another = await call('POST', '/subscriptions?storefront=de', {
      callback_url: callbackUrl,
      fallback_email: 'shop@example.com',
      event_name: 'order_unit_new',
    });
    expect(another.status).toBe(201);
    expect(before.map((s: any) => s.id_subscription)).not.toContain(another.json.data.id_subscription);
    received.length = 0;
    const ids = await sentOrder(1);
    const started = sandbox.startReturn({ order_units: [{ id_order_unit: ids[0] ?? 0, reason: 'dislike' }] });
    const announced = await eventually(
      () => events('return_new'),
      (found) => found.length === 1,
    );
    expect(announced.map((r) => r.url)).toEqual([`/v2/returns/${started.id_return}`]);
    expect(events('order_new')).toHaveLength(1);
  });

  it('refuses to start from a snapshot whose subscriptions are broken, naming the file', async () => {
    await sandbox.close();
    const file = JSON.parse(await readFile(snapshotFile, 'utf8'));
    file.push.subscriptions[0].event_name = 'no_such_event';
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, JSON.stringify(file));
    await expect(startKauflandSandbox({ port: 0, snapshotFile: broken })).rejects.toThrow(/broken\.json/);
    sandbox = await startKauflandSandbox({ port: 0, snapshotFile });
  });
});
