import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKauflandClient,
  kauflandConnector,
  type CallMetric,
  type KauflandClient,
  type OrderUnit,
} from '../../src/connectors/kaufland/index.ts';

/**
 * The real Kaufland client against the Kaufland sandbox over real HTTP: the sandbox checks every signature, the
 * 111/s limit and the spec's shapes, so this is the contract both sides have to keep.
 */
const SANDBOX_ENTRY = path.resolve(import.meta.dirname, '../../src/sandbox/kaufland/index.ts');
const FAST_RETRY = { retries: 5, minDelayMs: 5, maxDelayMs: 50 };

interface SellerKeys {
  client_key: string;
  secret_key: string;
}
interface Sandbox {
  baseUrl: string;
  origin: string;
  close(): Promise<void>;
}

describe.skipIf(!existsSync(SANDBOX_ENTRY))('Kaufland client ⇄ Kaufland sandbox', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    const { startKauflandSandbox } = (await import(SANDBOX_ENTRY)) as {
      startKauflandSandbox: (options: { port?: number }) => Promise<Sandbox>;
    };
    sandbox = await startKauflandSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  /** The sandbox's control API: what a seller does in the Seller Portal and what buyers do on the storefronts. */
  async function control<T>(route: string, body: unknown = {}, method = 'POST'): Promise<T> {
    const response = await fetch(`${sandbox.origin}/_sandbox${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.ok, `${method} /_sandbox${route}: ${response.status} ${text}`).toBe(true);
    const json = (text ? JSON.parse(text) : undefined) as { data?: T } | undefined;
    return (json && typeof json === 'object' && 'data' in json ? json.data : json) as T;
  }

  async function seller(storefronts = ['de', 'cz']) {
    const keys = await control<SellerKeys>('/sellers', { storefronts });
    const metrics: CallMetric[] = [];
    const client = connect(keys, metrics);
    return { keys, client, metrics };
  }

  function connect(keys: SellerKeys, metrics: CallMetric[] = []): KauflandClient {
    return createKauflandClient({
      baseUrl: sandbox.baseUrl,
      clientKey: keys.client_key,
      secretKey: keys.secret_key,
      retry: FAST_RETRY,
      onCall: (metric) => metrics.push(metric),
    });
  }

  async function createUnit(client: KauflandClient, idOffer: string, amount = 500) {
    const created = await client.units.create('de', {
      id_offer: idOffer,
      ean: `40063813${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`,
      listing_price: 1999,
      handling_time: 1,
      amount,
      condition: 'NEW',
    });
    expect(created.id_unit).toBeTypeOf('number');
    return created.id_unit!;
  }

  it('verifies good keys and lists the storefronts', async () => {
    const keys = await control<SellerKeys>('/sellers', { storefronts: ['de', 'cz'] });
    const check = await kauflandConnector.verifyCredentials({
      baseUrl: sandbox.baseUrl,
      clientId: keys.client_key,
      clientSecret: keys.secret_key,
    });
    expect(check.storefronts.sort()).toEqual(['cz', 'de']);
    expect(
      kauflandConnector.validateCredentialShape({ clientId: keys.client_key, clientSecret: keys.secret_key }),
    ).toEqual([]);
  });

  it('answers config auth_failed for a wrong secret and an unknown key', async () => {
    const keys = await control<SellerKeys>('/sellers', {});
    const wrongSecret = { baseUrl: sandbox.baseUrl, clientId: keys.client_key, clientSecret: 'f'.repeat(64) };
    const unknownKey = { baseUrl: sandbox.baseUrl, clientId: '0'.repeat(32), clientSecret: keys.secret_key };
    for (const credentials of [wrongSecret, unknownKey]) {
      await expect(kauflandConnector.verifyCredentials(credentials)).rejects.toMatchObject({
        kind: 'config',
        code: 'kaufland.auth_failed',
      });
    }
  });

  it('creates a unit, finds it by id_offer, reads and patches it', async () => {
    const { client } = await seller();
    const idUnit = await createUnit(client, 'SKU-CONTRACT-1', 7);
    const found = await client.units.listByOffer('de', 'SKU-CONTRACT-1');
    expect(found.map((unit) => unit.id_unit)).toEqual([idUnit]);
    expect(found[0]).toMatchObject({
      id_offer: 'SKU-CONTRACT-1',
      amount: 7,
      listing_price: 1999,
      storefront: 'de',
    });
    const patched = await client.units.patch('de', idUnit, { amount: 3, listing_price: 2499 });
    expect(patched).toMatchObject({ amount: 3, listing_price: 2499 });
    expect((await client.units.get('de', idUnit)).amount).toBe(3);
  });

  it('refuses a duplicate id_offer as rejected with the vendor message', async () => {
    const { client } = await seller();
    await createUnit(client, 'SKU-DUP');
    const error: unknown = await createUnit(client, 'SKU-DUP').catch((reason: unknown) => reason);
    expect(error).toMatchObject({ kind: 'rejected' });
  });

  it('bulk-updates units and reports each result', async () => {
    const { client } = await seller();
    const ids = [await createUnit(client, 'SKU-B1'), await createUnit(client, 'SKU-B2')];
    const results = await client.units.bulkUpdate('de', [
      { id_unit: ids[0]!, unit_data: { amount: 11 } },
      { id_unit: ids[1]!, unit_data: { amount: 12, listing_price: 1899 } },
      { id_unit: 999_999_999, unit_data: { amount: 1 } },
    ]);
    expect(results.map((result) => [result.id_unit, result.ok])).toEqual([
      [ids[0], true],
      [ids[1], true],
      [999_999_999, false],
    ]);
    expect((await client.units.get('de', ids[1]!)).amount).toBe(12);
  });

  it('pages through order units with repeated status and ts_created_from_iso', async () => {
    const { keys, client, metrics } = await seller();
    await createUnit(client, 'SKU-O1', 1000);
    for (const quantity of [100, 100, 30]) {
      await control('/orders', {
        client_key: keys.client_key,
        storefront: 'de',
        items: [{ id_offer: 'SKU-O1', quantity }],
      });
    }
    await control('/orders', {
      client_key: keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'SKU-O1', quantity: 2 }],
      ts_created_iso: '2020-01-01T00:00:00Z',
    });
    const seen: OrderUnit[] = [];
    for await (const unit of client.orderUnits.iterate({
      storefront: 'de',
      status: ['need_to_be_sent', 'open'],
      ts_created_from_iso: '2021-01-01T00:00:00Z',
    })) {
      seen.push(unit);
    }
    expect(seen).toHaveLength(230);
    expect(new Set(seen.map((unit) => unit.id_order_unit)).size).toBe(230);
    expect(seen.every((unit) => unit.shipping_address !== null && unit.price === 1999)).toBe(true);
    expect(metrics.filter((metric) => metric.endpoint === '/order-units')).toHaveLength(3);

    const order = await client.orders.get(seen[0]!.id_order);
    expect(order.order_units.length).toBeGreaterThan(0);
  });

  it('sends with several tracking numbers, cancels, fulfils, and refuses a forbidden move', async () => {
    const { keys, client } = await seller();
    await createUnit(client, 'SKU-S1');
    await control('/orders', {
      client_key: keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'SKU-S1', quantity: 2 }],
    });
    await control('/orders', {
      client_key: keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'SKU-S1' }],
      status: 'open',
    });
    const units = [];
    for await (const unit of client.orderUnits.iterate({ storefront: 'de' })) units.push(unit);
    const waiting = units.filter((unit) => unit.status === 'need_to_be_sent');
    const open = units.find((unit) => unit.status === 'open');
    expect(waiting).toHaveLength(2);
    expect(open).toBeDefined();

    await client.orderUnits.send(waiting[0]!.id_order_unit, {
      carrier_code: 'DHL',
      tracking_numbers: ['0034123456789', '0034987654321'],
    });
    await client.orderUnits.cancel(waiting[1]!.id_order_unit, 'NoInventory');
    await client.orderUnits.fulfil(open!.id_order_unit);

    expect((await client.orderUnits.get(waiting[0]!.id_order_unit)).status).toBe('sent');
    expect(await client.orderUnits.get(waiting[1]!.id_order_unit)).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'NoInventory',
    });
    expect((await client.orderUnits.get(open!.id_order_unit)).status).toBe('need_to_be_sent');

    await expect(
      client.orderUnits.send(waiting[1]!.id_order_unit, { carrier_code: 'DHL', tracking_numbers: ['1'] }),
    ).rejects.toMatchObject({ kind: 'rejected', code: 'kaufland.forbidden' });
  });

  it('fails with auth_failed once the seller regenerates the keys, and works with the new pair', async () => {
    const { keys, client } = await seller();
    expect(await client.status.ping()).toBeTypeOf('string');
    const rotated = await control<SellerKeys>(`/sellers/${keys.client_key}/rotate-keys`);
    await expect(client.info.getStorefronts()).rejects.toMatchObject({
      kind: 'config',
      code: 'kaufland.auth_failed',
      message: expect.stringContaining('regenerated in the Seller Portal'),
    });
    expect((await connect(rotated).info.getStorefronts()).sort()).toEqual(['cz', 'de']);
  });

  it('stays under the sandbox rate limit: 250 parallel calls all succeed, practically without 429', async () => {
    const { client, metrics } = await seller();
    await Promise.all(Array.from({ length: 250 }, () => client.status.ping()));
    // 0 on an idle machine. The sandbox counts arrivals in this same process, and a busy machine can bunch them
    // past the 6 requests/s of headroom. Unpaced, 250 calls inside one second would see 139 refused.
    const refused = metrics.filter((metric) => metric.status === 429).length;
    expect(refused).toBeLessThanOrEqual(3);
    expect(metrics.filter((metric) => metric.status === 200)).toHaveLength(250);
  });

  it('rides out injected 429s and 500s with retries', async () => {
    const { client, metrics } = await seller();
    // 50 calls at 15 %: a call failing all 6 attempts (0.15⁶ × 50 ≈ 0.06 %) or no fault at all (0.85⁵⁰ ≈ 0.03 %)
    // is rare enough; at 40 % and 20 calls the first alone failed ~8 % of runs.
    await control('/faults', { rate: 0.15, kinds: ['429', '500'] });
    try {
      const results = await Promise.all(Array.from({ length: 50 }, () => client.carriers.list()));
      expect(results.every((carriers) => carriers.some((carrier) => carrier.name === 'DHL'))).toBe(true);
      expect(metrics.some((metric) => metric.status === 429 || metric.status === 500)).toBe(true);
    } finally {
      await control('/faults', { rate: 0 });
    }
  });

  it('reports a garbled answer as bad_response and a withheld one as timeout', async () => {
    const { keys } = await seller();
    const client = createKauflandClient({
      baseUrl: sandbox.baseUrl,
      clientKey: keys.client_key,
      secretKey: keys.secret_key,
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: 2 },
      timeoutMs: 100,
    });
    try {
      await control('/faults', { rate: 1, kinds: ['malformed'] });
      await expect(client.status.ping()).rejects.toMatchObject({
        kind: 'transient',
        code: 'kaufland.bad_response',
      });
      await control('/faults', { rate: 1, kinds: ['timeout'], timeout_ms: 1000 });
      await expect(client.status.ping()).rejects.toMatchObject({
        kind: 'transient',
        code: 'kaufland.timeout',
      });
    } finally {
      await control('/faults', { rate: 0 });
    }
  });
});

/**
 * The after-sale half of the port (documents, returns, refunds) through the Kaufland session against its own
 * sandbox, whose clock this test moves a few seconds at a time (well inside the ±300 s signature window) so that
 * "changed since the cursor" can be told apart at Kaufland's one-second resolution.
 */
describe.skipIf(!existsSync(SANDBOX_ENTRY))('Kaufland session after the sale ⇄ Kaufland sandbox', () => {
  let sandbox: Sandbox;
  let skewMs = 0;
  const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

  beforeAll(async () => {
    const { startKauflandSandbox } = (await import(SANDBOX_ENTRY)) as {
      startKauflandSandbox: (options: { port?: number; now?: () => number }) => Promise<Sandbox>;
    };
    sandbox = await startKauflandSandbox({ port: 0, now: () => Date.now() + skewMs });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  async function control<T>(route: string, body: unknown = {}, method = 'POST'): Promise<T> {
    const response = await fetch(`${sandbox.origin}/_sandbox${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.ok, `${method} /_sandbox${route}: ${response.status} ${text}`).toBe(true);
    return (JSON.parse(text) as { data: T }).data;
  }

  /** A seller with a unit, an order of `quantity` pieces, each shipped; answers the session and the order units. */
  async function shippedOrder(quantity = 2, extra: Record<string, unknown> = {}) {
    const keys = await control<SellerKeys>('/sellers', { storefronts: ['de'] });
    const credentials = {
      baseUrl: sandbox.baseUrl,
      clientId: keys.client_key,
      clientSecret: keys.secret_key,
    };
    const session = kauflandConnector.openSession(credentials);
    const client = createKauflandClient({
      baseUrl: sandbox.baseUrl,
      clientKey: keys.client_key,
      secretKey: keys.secret_key,
      retry: FAST_RETRY,
    });
    const sku = `SKU-AS-${Math.random().toString(36).slice(2, 8)}`;
    await client.units.create('de', {
      id_offer: sku,
      ean: `40063813${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`,
      listing_price: 1999,
      handling_time: 1,
      amount: 50,
      condition: 'NEW',
    });
    const order = await control<{ id_order: string; order_units: { id_order_unit: number }[] }>('/orders', {
      client_key: keys.client_key,
      storefront: 'de',
      items: [{ id_offer: sku, quantity }],
      ...extra,
    });
    const unitIds = order.order_units.map((unit) => unit.id_order_unit);
    for (const id of unitIds)
      await client.orderUnits.send(id, { carrier_code: 'DHL', tracking_numbers: ['00340'] });
    return { keys, session, client, sku, orderId: order.id_order, unitIds };
  }

  interface ReturnView {
    id_return: number;
    return_units: { id_return_unit: number; id_order_unit: number }[];
  }

  it('uploads documents and lists them; the same name twice is two documents', async () => {
    const { session, orderId } = await shippedOrder(1);
    expect(await session.listOrderDocuments(orderId)).toEqual([]);
    const first = await session.uploadOrderDocument(orderId, { fileName: 'RE-2025-0001.pdf', pdf: PDF });
    const second = await session.uploadOrderDocument(orderId, { fileName: 'RE-2025-0001.pdf', pdf: PDF });
    expect(first).toMatchObject({ fileName: 'RE-2025-0001.pdf', createdAt: expect.any(String) });
    expect(second.id).not.toBe(first.id);
    const listed = await session.listOrderDocuments(orderId);
    expect(listed.map((doc) => [doc.id, doc.fileName])).toEqual([
      [first.id, 'RE-2025-0001.pdf'],
      [second.id, 'RE-2025-0001.pdf'],
    ]);
  });

  it('refuses a file that is not a PDF, one too large and one for a deemed-supplier order as rejected', async () => {
    const { session, orderId, unitIds } = await shippedOrder(1);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await expect(
      session.uploadOrderDocument(orderId, { fileName: 'scan.pdf', pdf: png }),
    ).rejects.toMatchObject({
      kind: 'rejected',
      code: 'kaufland.document_refused',
      message: expect.stringMatching(/not a PDF document.*application\/pdf/),
    });
    const large = new Uint8Array(3 * 1024 * 1024 + 1);
    large.set(PDF);
    await expect(
      session.uploadOrderDocument(orderId, { fileName: 'big.pdf', pdf: large }),
    ).rejects.toMatchObject({
      kind: 'rejected',
      code: 'kaufland.document_refused',
      message: expect.stringContaining('at most 3145728 bytes'),
    });
    await expect(
      session.uploadOrderDocument(orderId, { fileName: 'invoice.txt', pdf: PDF }),
    ).rejects.toMatchObject({
      kind: 'rejected',
      code: 'kaufland.document_refused',
    });
    expect(await session.listOrderDocuments(orderId)).toEqual([]);

    const deemed = await shippedOrder(1, { is_marketplace_deemed_supplier: true });
    const line = await deemed.session.getOrderLine(String(deemed.unitIds[0]));
    expect(line.deemedSupplier).toBe(true);
    expect((await session.getOrderLine(String(unitIds[0]))).deemedSupplier).toBe(false);
    await expect(
      deemed.session.uploadOrderDocument(deemed.orderId, { fileName: 'RE-1.pdf', pdf: PDF }),
    ).rejects.toMatchObject({ kind: 'rejected', code: 'kaufland.document_refused' });
  });

  it('lists return lines new and changed since a cursor, oldest change first, with reason, note and tracking', async () => {
    const a = await shippedOrder(2);
    const b = await shippedOrder(1);
    // Each seller sees only its own returns; `a` has two lines in one return.
    const returnA = await control<ReturnView>('/returns', {
      order_units: a.unitIds.map((id) => ({ id_order_unit: id, reason: 'defect', note: 'Display cracked' })),
      tracking_provider: 'DHL',
      tracking_code: 'RT-1001',
    });
    const all = [];
    for await (const line of a.session.listReturnLines({})) all.push(line);
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({
      returnId: String(returnA.id_return),
      orderId: a.orderId,
      orderLineId: String(a.unitIds[0]),
      channel: 'de',
      sku: a.sku,
      status: 'announced',
      reason: 'defect',
      buyerNote: 'Display cracked',
      trackingNumbers: ['RT-1001'],
      carrierCode: 'DHL',
    });
    const cursor = all[1]!.updatedAt;

    skewMs += 2000;
    await control(`/returns/${returnA.id_return}/arrive`, {});
    skewMs += 2000;
    await control<ReturnView>('/returns', {
      order_units: [{ id_order_unit: b.unitIds[0], reason: 'wrong_size' }],
    });
    const since = [];
    for await (const line of a.session.listReturnLines({
      updatedSince: new Date(Date.parse(cursor) + 1000).toISOString(),
    }))
      since.push(line);
    expect(since.map((line) => [line.orderLineId, line.status])).toEqual([
      [String(a.unitIds[0]), 'arrived'],
      [String(a.unitIds[1]), 'arrived'],
    ]);
    expect(Date.parse(since[0]!.updatedAt)).toBeGreaterThan(Date.parse(cursor));
    const ofB = [];
    for await (const line of b.session.listReturnLines({ updatedSince: cursor })) ofB.push(line);
    expect(ofB).toMatchObject([
      { orderId: b.orderId, status: 'announced', trackingNumbers: [], carrierCode: null },
    ]);
    // The order units came back: returned at Kaufland, 'returned' for the hub.
    expect((await a.session.getOrderLine(String(a.unitIds[0]))).status).toBe('returned');
  });

  it('answers returns: clarify, repair, accept (twice is fine), reject; an illegal move and a missing message fail', async () => {
    const { session, unitIds } = await shippedOrder(2);
    const created = await control<ReturnView>('/returns', {
      order_units: unitIds.map((id) => ({ id_order_unit: id, reason: 'bad_quality', note: 'Seams open' })),
    });
    const [one, two] = created.return_units.map((unit) => String(unit.id_return_unit));
    await expect(session.setReturnOutcome(one!, 'reject', 'Not as described')).rejects.toMatchObject({
      kind: 'rejected',
      code: 'kaufland.forbidden',
      message: expect.stringContaining('need_to_be_returned'),
    });
    await control(`/returns/${created.id_return}/arrive`, { tracking_code: 'RT-2' });

    expect((await session.setReturnOutcome(one!, 'clarify', 'Please send a photo.')).status).toBe(
      'clarification',
    );
    expect((await session.setReturnOutcome(one!, 'repair')).status).toBe('repair');
    const accepted = await session.setReturnOutcome(one!, 'accept');
    expect(accepted).toMatchObject({ status: 'accepted', trackingNumbers: ['RT-2'] });
    expect((await session.setReturnOutcome(one!, 'accept')).status).toBe('accepted');
    await expect(session.setReturnOutcome(one!, 'reject', 'Too late')).rejects.toMatchObject({
      kind: 'rejected',
      code: 'kaufland.forbidden',
    });
    await expect(session.setReturnOutcome(two!, 'reject', '  ')).rejects.toMatchObject({
      kind: 'input',
      code: 'kaufland.message_required',
    });
    expect((await session.setReturnOutcome(two!, 'reject', 'Used and damaged by the buyer.')).status).toBe(
      'rejected',
    );
    expect((await session.getReturnLine(two!)).status).toBe('rejected');
    const state = await control<{
      return_units: { id_return_unit: number; messages: { message: string }[] }[];
    }>('/state', undefined, 'GET');
    const sent = state.return_units.find((unit) => String(unit.id_return_unit) === two)!;
    expect(sent.messages.map((entry) => entry.message)).toEqual(['Used and damaged by the buyer.']);
    // Accepted: Kaufland paid the buyer (returned_paid); rejected: the sale stands.
    expect((await session.getOrderLine(String(unitIds[0]))).status).toBe('returned');
    expect((await session.getOrderLine(String(unitIds[1]))).status).toBe('received');
  });

  it('opens a seller-initiated return', async () => {
    const { session, orderId, unitIds } = await shippedOrder(1);
    const lines = await session.createReturn([{ orderLineId: String(unitIds[0]), reason: 'Defect' }]);
    expect(lines).toMatchObject([
      {
        orderId,
        orderLineId: String(unitIds[0]),
        status: 'announced',
        reason: 'defect',
        buyerNote: expect.any(String),
      },
    ]);
    await expect(
      session.createReturn([{ orderLineId: String(unitIds[0]), reason: 'defect' }]),
    ).rejects.toMatchObject({
      kind: 'rejected',
      code: 'kaufland.forbidden',
    });
  });

  it('refunds part of a line once; more than the price, more than what is left, or an unknown reason is refused', async () => {
    const { session, unitIds } = await shippedOrder(1);
    const lineId = String(unitIds[0]);
    expect(session.refundReasons).toContain('delivery_damage');
    await session.refundLine(lineId, { amountMinor: 500, reason: 'delivery_damage' });
    await expect(session.refundLine(lineId, { amountMinor: 2000, reason: 'defect' })).rejects.toMatchObject({
      kind: 'rejected',
      code: 'kaufland.refund_too_large',
      message: expect.stringContaining('19.99 EUR'),
    });
    await expect(session.refundLine(lineId, { amountMinor: 1600, reason: 'defect' })).rejects.toMatchObject({
      kind: 'rejected',
      code: 'kaufland.refund_refused',
      message: expect.stringContaining('1499'),
    });
    await expect(session.refundLine(lineId, { amountMinor: 100, reason: 'goodwill' })).rejects.toMatchObject({
      kind: 'rejected',
      code: 'kaufland.unknown_refund_reason',
    });
    const state = await control<{ refunds: { id_order_unit: number; amount: number; reason: string }[] }>(
      '/state',
      undefined,
      'GET',
    );
    expect(state.refunds.filter((refund) => refund.id_order_unit === unitIds[0])).toEqual([
      expect.objectContaining({ amount: 500, reason: 'delivery_damage' }),
    ]);
  });

  it('never repeats a refund whose answer was lost: outcome_unknown, and Kaufland has it once', async () => {
    const { keys, unitIds } = await shippedOrder(1);
    const client = createKauflandClient({
      baseUrl: sandbox.baseUrl,
      clientKey: keys.client_key,
      secretKey: keys.secret_key,
      retry: FAST_RETRY,
      timeoutMs: 200,
    });
    await control('/faults', { rate: 1, kinds: ['timeout'], timeout_ms: 1000 });
    try {
      await expect(
        client.orderUnits.refund(unitIds[0]!, { amount: 300, reason: 'delivery_delay' }),
      ).rejects.toMatchObject({
        kind: 'rejected',
        code: 'kaufland.outcome_unknown',
        message: expect.stringContaining('Seller Portal'),
      });
    } finally {
      await control('/faults', { rate: 0 });
    }
    const state = await control<{ refunds: { id_order_unit: number }[] }>('/state', undefined, 'GET');
    expect(state.refunds.filter((refund) => refund.id_order_unit === unitIds[0])).toHaveLength(1);
  });
});
