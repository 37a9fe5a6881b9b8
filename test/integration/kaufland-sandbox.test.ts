import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startKauflandSandbox,
  type KauflandSandbox,
  type SellerCredentials,
} from '../../src/sandbox/kaufland/index.ts';
import { computeSignature } from '../../src/sandbox/kaufland/signature-check.ts';

// The sandbox's behaviour over real HTTP, signed by an independent helper (not the sandbox's own code).

interface Vector {
  id: string;
  secret: string;
  method: string;
  uri: string;
  body: string;
  timestamp: number;
  signature: string;
}
const vectors = (
  JSON.parse(
    readFileSync(
      path.resolve(import.meta.dirname, '../../reference/kaufland/signature-vectors.json'),
      'utf8',
    ),
  ) as { vectors: Vector[] }
).vectors;

function sign(secret: string, method: string, uri: string, body: string, timestamp: number | string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${method}\n${uri}\n${body}\n${timestamp}`, 'utf8')
    .digest('hex');
}

interface CallOptions {
  body?: unknown;
  /** Exact bytes to send (and sign unless signBody is given). */
  rawBody?: string;
  signBody?: string;
  signUri?: string;
  timestamp?: string;
  headers?: Record<string, string>;
  omit?: string[];
  as?: SellerCredentials;
}

interface Reply {
  status: number;
  text: string;
  json: any;
}

let clock = Date.parse('2025-03-03T09:00:00Z');
let sandbox: KauflandSandbox;
let seller: SellerCredentials;

async function call(method: string, pathAndQuery: string, options: CallOptions = {}): Promise<Reply> {
  const creds = options.as ?? seller;
  const url = `${sandbox.baseUrl}${pathAndQuery}`;
  const raw = options.rawBody ?? (options.body === undefined ? '' : JSON.stringify(options.body));
  const timestamp = options.timestamp ?? String(Math.floor(clock / 1000));
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Shop-Client-Key': creds.client_key,
    'Shop-Timestamp': timestamp,
    'Shop-Signature': sign(
      creds.secret_key,
      method,
      options.signUri ?? url,
      options.signBody ?? raw,
      timestamp,
    ),
    'User-Agent': 'adlerdo-tests',
    ...(raw === '' ? {} : { 'Content-Type': 'application/json' }),
    ...options.headers,
  };
  for (const name of options.omit ?? []) delete headers[name];
  const response = await fetch(url, { method, headers, body: raw === '' ? undefined : raw });
  const text = await response.text();
  return { status: response.status, text, json: text === '' ? undefined : JSON.parse(text) };
}

async function control(method: string, pathName: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${sandbox.origin}${pathName}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: text === '' ? undefined : JSON.parse(text) };
}

async function createUnit(
  idOffer: string,
  extra: Record<string, unknown> = {},
  storefront = 'de',
): Promise<any> {
  const reply = await call('POST', `/units?storefront=${storefront}`, {
    body: {
      id_offer: idOffer,
      ean: '4006381333931',
      listing_price: 1999,
      handling_time: 1,
      amount: 50,
      ...extra,
    },
  });
  expect(reply.status).toBe(200);
  return reply.json.data;
}

beforeAll(async () => {
  sandbox = await startKauflandSandbox({ now: () => clock });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  sandbox.reset();
  seller = sandbox.addSeller({ storefronts: ['de', 'at'] });
  // Each test starts in a fresh rate-limit second.
  clock += 5_000;
});

describe('signature helper', () => {
  it('reproduces every published vector, and so does the sandbox', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(8);
    for (const v of vectors) {
      expect(sign(v.secret, v.method, v.uri, v.body, v.timestamp), v.id).toBe(v.signature);
      const sandboxSignature = computeSignature(
        v.secret,
        v.method,
        v.uri,
        Buffer.from(v.body),
        String(v.timestamp),
      );
      expect(sandboxSignature, v.id).toBe(v.signature);
    }
  });
});

describe('authentication', () => {
  it('accepts a correctly signed request', async () => {
    const reply = await call('GET', '/status/ping');
    expect(reply).toMatchObject({ status: 200, json: { data: { message: expect.any(String) } } });
  });

  it.each(['Shop-Client-Key', 'Shop-Timestamp', 'Shop-Signature'])(
    'refuses a request without %s',
    async (name) => {
      const reply = await call('GET', '/status/ping', { omit: [name] });
      expect(reply.status).toBe(401);
      expect(reply.json).toEqual({
        type: '/problems/missing-or-invalid-request-header',
        message: expect.any(String),
        errors: [{ field: name, message: 'header is required' }],
      });
    },
  );

  it('refuses an unknown client key as invalid credentials', async () => {
    const stranger = { client_key: 'f'.repeat(32), secret_key: 'a'.repeat(64), storefronts: [] };
    const reply = await call('GET', '/status/ping', { as: stranger });
    expect(reply.status).toBe(401);
    expect(reply.json).toMatchObject({ type: '/problems/invalid-credentials', errors: [] });
  });

  it('refuses a wrong secret as a corrupted signature', async () => {
    const reply = await call('GET', '/status/ping', { as: { ...seller, secret_key: 'b'.repeat(64) } });
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({
      type: '/problems/corrupted-signature',
      message: expect.any(String),
      errors: [],
    });
  });

  it('signs the full URL as received: another host or query order fails', async () => {
    const otherHost = sandbox.baseUrl.replace('127.0.0.1', 'localhost');
    const hostReply = await call('GET', '/units?storefront=de&limit=5', {
      signUri: `${otherHost}/units?storefront=de&limit=5`,
    });
    expect(hostReply.json.type).toBe('/problems/corrupted-signature');
    const queryReply = await call('GET', '/units?storefront=de&limit=5', {
      signUri: `${sandbox.baseUrl}/units?limit=5&storefront=de`,
    });
    expect(queryReply.json.type).toBe('/problems/corrupted-signature');
    expect((await call('GET', '/units?storefront=de&limit=5')).status).toBe(200);
  });

  it('signs the raw body bytes, not a re-serialisation of them', async () => {
    const unit = await createUnit('RAW-1');
    const spaced = '{ "amount" : 7 }';
    const exact = await call('PATCH', `/units/${unit.id_unit}?storefront=de`, { rawBody: spaced });
    expect(exact.status).toBe(200);
    expect(exact.json.data.amount).toBe(7);
    const reserialised = await call('PATCH', `/units/${unit.id_unit}?storefront=de`, {
      rawBody: spaced,
      signBody: JSON.stringify(JSON.parse(spaced)),
    });
    expect(reserialised.json.type).toBe('/problems/corrupted-signature');
  });

  it('signs UTF-8 bodies byte for byte', async () => {
    const unit = await createUnit('UTF-1');
    const reply = await call('PATCH', `/units/${unit.id_unit}?storefront=de`, {
      body: { note: 'Größe – 5 €' },
    });
    expect(reply.status).toBe(200);
    expect(reply.json.data.note).toBe('Größe – 5 €');
  });

  it('allows 300 s of clock skew and refuses 301 s either way', async () => {
    const now = Math.floor(clock / 1000);
    expect((await call('GET', '/status/ping', { timestamp: String(now - 300) })).status).toBe(200);
    expect((await call('GET', '/status/ping', { timestamp: String(now + 300) })).status).toBe(200);
    for (const stale of [now - 301, now + 301]) {
      const reply = await call('GET', '/status/ping', { timestamp: String(stale) });
      expect(reply.status).toBe(401);
      expect(reply.json).toMatchObject({
        type: '/problems/invalid-credentials',
        errors: [{ field: 'Shop-Timestamp' }],
      });
    }
  });

  it('refuses a fractional timestamp as invalid credentials and garbage as an invalid header', async () => {
    const fractional = await call('GET', '/status/ping', { timestamp: `${Math.floor(clock / 1000)}.5` });
    expect(fractional.status).toBe(401);
    expect(fractional.json.type).toBe('/problems/invalid-credentials');
    const garbage = await call('GET', '/status/ping', { timestamp: 'yesterday' });
    expect(garbage.status).toBe(401);
    expect(garbage.json.type).toBe('/problems/missing-or-invalid-request-header');
  });

  it('rotate-keys invalidates the old pair at once and the new pair sees the same data', async () => {
    await createUnit('KEEP-1');
    const rotated = await control('POST', `/_sandbox/sellers/${seller.client_key}/rotate-keys`);
    expect(rotated.status).toBe(200);
    const fresh = rotated.json.data as SellerCredentials;
    expect(fresh.client_key).toMatch(/^[0-9a-f]{32}$/);
    expect(fresh.secret_key).toMatch(/^[0-9a-f]{64}$/);
    expect(fresh.client_key).not.toBe(seller.client_key);
    const old = await call('GET', '/status/ping');
    expect(old.status).toBe(401);
    expect(old.json.type).toBe('/problems/invalid-credentials');
    const units = await call('GET', '/units?storefront=de', { as: fresh });
    expect(units.status).toBe(200);
    expect(units.json.data.map((u: any) => u.id_offer)).toEqual(['KEEP-1']);
  });
});

describe('rate limit', () => {
  it('answers 429 to the 112th request within one second and recovers a second later', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 111; i += 1) statuses.push((await call('GET', '/status/ping')).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const refused = await call('GET', '/status/ping');
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ message: expect.any(String), errors: [] });
    clock += 1_000;
    expect((await call('GET', '/status/ping')).status).toBe(200);
  });

  it('counts per seller', async () => {
    const other = sandbox.addSeller({ storefronts: ['de'] });
    for (let i = 0; i < 111; i += 1) await call('GET', '/status/ping');
    expect((await call('GET', '/status/ping')).status).toBe(429);
    expect((await call('GET', '/status/ping', { as: other })).status).toBe(200);
  });
});

describe('query parameters', () => {
  it('refuses limit above 100 on units, orders and order-units', async () => {
    for (const target of ['/units?storefront=de&limit=101', '/orders?limit=101', '/order-units?limit=101']) {
      const reply = await call('GET', target);
      expect(reply.status, target).toBe(400);
      expect(reply.json.errors, target).toEqual([
        { field: 'limit', message: expect.stringContaining('100') },
      ]);
    }
    expect((await call('GET', '/order-units?limit=100')).status).toBe(200);
  });

  it('requires storefront on units and refuses one the seller does not have', async () => {
    const missing = await call('GET', '/units');
    expect(missing.status).toBe(400);
    expect(missing.json.errors).toEqual([{ field: 'storefront', message: 'is required' }]);
    const foreign = await call('GET', '/units?storefront=pl');
    expect(foreign.status).toBe(400);
    expect(foreign.json.type).toBe('/problems/storefront-not-configured');
    expect((await call('GET', '/units?storefront=xx')).status).toBe(400);
  });

  it('accepts paths with and without a trailing slash', async () => {
    expect((await call('GET', '/info/storefront/')).json.data).toEqual(['de', 'at']);
    expect((await call('GET', '/units/?storefront=de')).status).toBe(200);
  });
});

describe('units', () => {
  it('refuses unknown body fields with errors[].field', async () => {
    const reply = await call('POST', '/units?storefront=de', {
      body: { id_offer: 'X', ean: '4006381333931', listing_price: 100, handling_time: 1, colour: 'red' },
    });
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toContainEqual({ field: 'colour', message: 'unknown field' });
  });

  it('checks prices are whole cents of at least 1', async () => {
    for (const listing_price of [0, 19.99, '1999']) {
      const reply = await call('POST', '/units?storefront=de', {
        body: { id_offer: 'P', ean: '4006381333931', listing_price, handling_time: 1 },
      });
      expect(reply.status, String(listing_price)).toBe(400);
      expect(reply.json.errors[0].field).toBe('listing_price');
    }
  });

  it('creates, finds by id_offer, patches and deletes a unit', async () => {
    const created = await createUnit('SKU-9', { note: 'boxed', condition: 'USED___AS_NEW' });
    expect(created).toMatchObject({
      id_offer: 'SKU-9',
      listing_price: 1999,
      amount: 50,
      condition: 'USED___AS_NEW',
    });
    const found = await call('GET', '/units?storefront=de&id_offer=SKU-9');
    expect(found.json).toMatchObject({
      data: [{ id_unit: created.id_unit }],
      pagination: { total: 1, limit: 30 },
    });
    const patched = await call('PATCH', `/units/${created.id_unit}?storefront=de`, {
      body: { listing_price: 2499, status: 'ONHOLD' },
    });
    expect(patched.json.data).toMatchObject({ listing_price: 2499, status: 'ONHOLD', amount: 50 });
    expect((await call('DELETE', `/units/${created.id_unit}?storefront=de`)).status).toBe(204);
    expect((await call('GET', `/units/${created.id_unit}?storefront=de`)).status).toBe(404);
  });

  it('shares the amount between storefronts for one id_offer', async () => {
    const de = await createUnit('SHARED-1', { amount: 10 });
    const at = await createUnit('SHARED-1', { amount: undefined }, 'at');
    expect(at.amount).toBe(10);
    await call('PATCH', `/units/${de.id_unit}?storefront=de`, { body: { amount: 4 } });
    expect((await call('GET', `/units/${at.id_unit}?storefront=at`)).json.data.amount).toBe(4);
  });

  it('refuses a second unit with the same id_offer on one storefront', async () => {
    await createUnit('DUP-1');
    const reply = await call('POST', '/units?storefront=de', {
      body: { id_offer: 'DUP-1', ean: '4006381333931', listing_price: 100, handling_time: 1 },
    });
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toEqual([{ field: 'id_offer', message: expect.any(String) }]);
  });
});

describe('units/bulk', () => {
  it('answers 207 with a result per unit', async () => {
    const a = await createUnit('BULK-A');
    const b = await createUnit('BULK-B');
    const reply = await call('POST', '/units/bulk?storefront=de', {
      body: [
        { id_unit: a.id_unit, unit_data: { amount: 3, listing_price: 1500 } },
        { id_unit: b.id_unit, unit_data: { listing_price: 0 } },
        { id_unit: 999, unit_data: { amount: 1 } },
      ],
    });
    expect(reply.status).toBe(207);
    expect(reply.json.data).toEqual([
      {
        id_unit: a.id_unit,
        status_code: 200,
        unit: expect.objectContaining({ amount: 3, listing_price: 1500 }),
      },
      {
        id_unit: b.id_unit,
        status_code: 400,
        message: expect.any(String),
        errors: [{ field: 'listing_price', message: expect.any(String) }],
      },
      { id_unit: 999, status_code: 404, message: 'Unit not found', errors: [] },
    ]);
  });

  it('fails the whole request above 150 units or on a duplicate id_unit', async () => {
    const unit = await createUnit('BULK-C', { amount: 8 });
    const tooMany = Array.from({ length: 151 }, (_, i) => ({
      id_unit: i === 0 ? unit.id_unit : 10_000 + i,
      unit_data: { amount: 1 },
    }));
    const big = await call('POST', '/units/bulk?storefront=de', { body: tooMany });
    expect(big.status).toBe(400);
    expect(big.json.type).toBe('/problems/units/bulk-too-many-units');
    const duplicate = await call('POST', '/units/bulk?storefront=de', {
      body: [
        { id_unit: unit.id_unit, unit_data: { amount: 1 } },
        { id_unit: unit.id_unit, unit_data: { amount: 2 } },
      ],
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.json.type).toBe('/problems/units/bulk-duplicate-units');
    expect((await call('GET', `/units/${unit.id_unit}?storefront=de`)).json.data.amount).toBe(8);
    const exactly150 = await call('POST', '/units/bulk?storefront=de', { body: tooMany.slice(0, 150) });
    expect(exactly150.status).toBe(207);
    expect(exactly150.json.data).toHaveLength(150);
  });
});

describe('orders and order units', () => {
  it('creates an order over the control API and lists its units by status, with paging', async () => {
    await createUnit('ORD-1', { amount: 10, listing_price: 1250 });
    const created = await control('POST', '/_sandbox/orders', {
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: 'ORD-1', quantity: 3 }],
    });
    expect(created.status).toBe(201);
    const order = created.json.data;
    expect(order.id_order).toMatch(/^[0-9A-Z]{7}$/);
    expect(order.order_units).toHaveLength(3);
    expect(order.order_units.every((u: any) => u.status === 'need_to_be_sent' && u.price === 1250)).toBe(
      true,
    );
    expect(order.shipping_address).toMatchObject({ country: 'DE', first_name: expect.any(String) });
    expect((await call('GET', '/units?storefront=de&id_offer=ORD-1')).json.data[0].amount).toBe(7);

    const [first] = order.order_units;
    expect(
      (
        await call('PATCH', `/order-units/${first.id_order_unit}/send`, {
          body: { carrier_code: 'DHL', tracking_numbers: '0034123456789' },
        })
      ).status,
    ).toBe(204);

    const waiting = await call('GET', '/order-units?storefront=de&status=need_to_be_sent&limit=1&offset=1');
    expect(waiting.json.pagination).toEqual({ offset: 1, limit: 1, total: 2 });
    expect(waiting.json.data).toHaveLength(1);
    expect(waiting.json.data[0].status).toBe('need_to_be_sent');
    const repeated = await call('GET', '/order-units?status=need_to_be_sent&status=sent');
    const comma = await call('GET', '/order-units?status=need_to_be_sent,sent');
    expect(repeated.json.pagination.total).toBe(3);
    expect(comma.json.pagination.total).toBe(3);
    const sent = await call('GET', '/order-units?status=sent');
    expect(sent.json.data.map((u: any) => u.id_order_unit)).toEqual([first.id_order_unit]);
    expect((await call('GET', '/order-units?status=lost')).status).toBe(400);

    const detail = await call('GET', `/orders/${order.id_order}`);
    expect(detail.json.data.order_units.map((u: any) => u.status).sort()).toEqual([
      'need_to_be_sent',
      'need_to_be_sent',
      'sent',
    ]);
  });

  it('refuses an order for more than the stock', async () => {
    await createUnit('LOW-1', { amount: 1 });
    const reply = await control('POST', '/_sandbox/orders', {
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: 'LOW-1', quantity: 2 }],
    });
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toEqual([{ field: 'items[0].quantity', message: 'only 1 in stock' }]);
  });

  it('filters orders by creation time and pages newest first', async () => {
    await createUnit('TIME-1');
    const early = sandbox.createOrder({
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: 'TIME-1' }],
      ts_created_iso: '2025-01-01T08:00:00Z',
    });
    const late = sandbox.createOrder({
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: 'TIME-1' }],
    });
    const all = await call('GET', '/orders?limit=1');
    expect(all.json).toMatchObject({
      data: [{ id_order: late.id_order }],
      pagination: { total: 2, limit: 1 },
    });
    const recent = await call('GET', '/orders?ts_created_from_iso=2025-02-01T00:00:00Z');
    expect(recent.json.data.map((o: any) => o.id_order)).toEqual([late.id_order]);
    expect(recent.json.data.map((o: any) => o.id_order)).not.toContain(early.id_order);
    expect((await call('GET', '/orders?ts_created_from_iso=last-week')).status).toBe(400);
  });

  it('allows send only from need_to_be_sent (403 otherwise)', async () => {
    await createUnit('FLOW-1');
    const order = sandbox.createOrder({
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: 'FLOW-1' }],
      status: 'open',
    });
    const id = order.order_units[0]!.id_order_unit;
    const early = await call('PATCH', `/order-units/${id}/send`, {
      body: { carrier_code: 'DHL', tracking_numbers: '123' },
    });
    expect(early.status).toBe(403);
    expect(early.json).toEqual({
      type: '/problems/action-not-allowed',
      message: expect.stringContaining('open'),
      errors: [],
    });
    expect((await call('PATCH', `/order-units/${id}/fulfil`)).status).toBe(204);
    expect((await call('PATCH', `/order-units/${id}/fulfil`)).status).toBe(403);
    expect(
      (
        await call('PATCH', `/order-units/${id}/send`, {
          body: { carrier_code: 'DHL', tracking_numbers: '123,456' },
        })
      ).status,
    ).toBe(204);
    const cancel = await call('PATCH', `/order-units/${id}/cancel`, { body: { reason: 'NoInventory' } });
    expect(cancel.status).toBe(403);
    expect(cancel.json.type).toBe('/problems/order-units/cancel-not-allowed');
    expect(sandbox.state().shipments).toEqual([
      {
        id_order_unit: id,
        carrier_code: 'DHL',
        tracking_numbers: ['123', '456'],
        ts_created_iso: expect.any(String),
      },
    ]);
  });

  it('checks carriers against GET /carriers and requires tracking for real carriers', async () => {
    await createUnit('SHIP-1');
    const order = sandbox.createOrder({
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: 'SHIP-1', quantity: 2 }],
    });
    const [a, b] = order.order_units.map((u) => u.id_order_unit);
    const carriers = (await call('GET', '/carriers')).json.data.carriers.map((c: any) => c.name);
    expect(carriers).toEqual(expect.arrayContaining(['DHL', 'DPD', 'GLS', 'Hermes', 'Other']));
    const unknown = await call('PATCH', `/order-units/${a}/send`, {
      body: { carrier_code: 'dhl', tracking_numbers: '1' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toEqual([{ field: 'carrier_code', message: expect.any(String) }]);
    const untracked = await call('PATCH', `/order-units/${a}/send`, {
      body: { carrier_code: 'GLS', tracking_numbers: '' },
    });
    expect(untracked.json.errors).toEqual([{ field: 'tracking_numbers', message: expect.any(String) }]);
    expect(
      (
        await call('PATCH', `/order-units/${b}/send`, {
          body: { carrier_code: 'Other', tracking_numbers: '' },
        })
      ).status,
    ).toBe(204);
  });

  it('cancels an open or waiting unit with a reason from the list', async () => {
    await createUnit('CANCEL-1');
    const order = sandbox.createOrder({
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: 'CANCEL-1' }],
    });
    const id = order.order_units[0]!.id_order_unit;
    const wrongReason = await call('PATCH', `/order-units/${id}/cancel`, { body: { reason: 'Bored' } });
    expect(wrongReason.json.errors[0].field).toBe('reason');
    expect(
      (await call('PATCH', `/order-units/${id}/cancel`, { body: { reason: 'NoInventory' } })).status,
    ).toBe(204);
    const unit = (await call('GET', `/order-units/${id}`)).json.data;
    expect(unit).toMatchObject({ status: 'cancelled', cancel_reason: 'NoInventory' });
  });

  it('withholds addresses of an open unit for 15 minutes', async () => {
    await createUnit('HOLD-1');
    const order = sandbox.createOrder({
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: 'HOLD-1' }],
      status: 'open',
    });
    const id = order.order_units[0]!.id_order_unit;
    const fresh = (await call('GET', `/order-units/${id}`)).json.data;
    expect(fresh.shipping_address).toBeNull();
    expect(fresh.billing_address).toBeNull();
    clock += 15 * 60_000;
    const later = (await call('GET', `/order-units/${id}`)).json.data;
    expect(later.shipping_address).toMatchObject({ city: expect.any(String), country: 'DE' });
  });

  it("hides other sellers' orders", async () => {
    await createUnit('MINE-1');
    const order = sandbox.createOrder({
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: 'MINE-1' }],
    });
    const other = sandbox.addSeller({ storefronts: ['de'] });
    expect((await call('GET', `/orders/${order.id_order}`, { as: other })).status).toBe(404);
    expect(
      (await call('GET', `/order-units/${order.order_units[0]!.id_order_unit}`, { as: other })).status,
    ).toBe(404);
    expect((await call('GET', '/order-units', { as: other })).json.pagination.total).toBe(0);
  });
});
