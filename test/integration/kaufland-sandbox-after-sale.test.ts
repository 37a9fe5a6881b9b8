import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startKauflandSandbox,
  type KauflandSandbox,
  type SellerCredentials,
} from '../../src/sandbox/kaufland/index.ts';

// The sandbox's after-sale rules over real HTTP: invoice checks, the return-unit life cycle and the order-unit
// statuses that follow, refunds, the control API for buyer returns, and ids that do not repeat across sandboxes.

let clock = Date.parse('2025-06-02T08:00:00Z');
let sandbox: KauflandSandbox;
let seller: SellerCredentials;

interface Reply {
  status: number;
  json: any;
}

async function call(method: string, url: string, body?: unknown, as = seller): Promise<Reply> {
  clock += 10; // far below 111 requests per second
  const full = `${sandbox.baseUrl}${url}`;
  const raw = body === undefined ? '' : JSON.stringify(body);
  const ts = Math.floor(clock / 1000);
  const signature = createHmac('sha256', as.secret_key)
    .update(`${method}\n${full}\n${raw}\n${ts}`)
    .digest('hex');
  const response = await fetch(full, {
    method,
    body: raw === '' ? undefined : raw,
    headers: { 'Shop-Client-Key': as.client_key, 'Shop-Timestamp': String(ts), 'Shop-Signature': signature },
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
}

async function control(method: string, pathName: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${sandbox.origin}${pathName}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
}

/** An order of `quantity` pieces at 19.99 EUR, every unit sent. */
async function shippedOrder(quantity = 1, extra: Record<string, unknown> = {}) {
  const sku = `AS-${Math.random().toString(36).slice(2, 8)}`;
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
    ...extra,
  });
  const ids = order.order_units.map((unit) => unit.id_order_unit);
  for (const id of ids) {
    const sent = await call('PATCH', `/order-units/${id}/send`, {
      carrier_code: 'DHL',
      tracking_numbers: '1',
    });
    expect(sent.status).toBe(204);
  }
  return { idOrder: order.id_order, ids, sku };
}

const pdf = (text = 'invoice') => Buffer.from(`%PDF-1.7\n${text}\n%%EOF`).toString('base64');

beforeAll(async () => {
  sandbox = await startKauflandSandbox({ now: () => clock });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.reset();
  seller = sandbox.addSeller({ storefronts: ['de'] });
});

describe('order invoices', () => {
  it('checks name, MIME type, encoding, content and size, each as a 400 naming the field', async () => {
    const { idOrder } = await shippedOrder();
    const good = { original_name: 'RE-1.pdf', mime_type: 'application/pdf', data: pdf() };
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ original_name: '' }, 'original_name', /1 to 255/],
      [{ original_name: '../etc/RE-1.pdf' }, 'original_name', /without path/],
      [{ original_name: 'RE-1.docx' }, 'original_name', /\.pdf/],
      [{ mime_type: 'application/octet-stream' }, 'mime_type', /only application\/pdf/],
      [{ data: 'not base64!' }, 'data', /base64/],
      [{ data: '' }, 'data', /empty/],
      [{ data: Buffer.from('GIF89a').toString('base64') }, 'data', /not a PDF/],
      [{ data: Buffer.alloc(3 * 1024 * 1024 + 1, 0x25).toString('base64') }, 'data', /at most 3145728 bytes/],
      [{ size: 1 }, 'size', /unknown field/],
    ];
    for (const [change, field, message] of refusals) {
      const reply = await call('POST', `/order-invoices/${idOrder}`, { ...good, ...change });
      expect(reply.status, JSON.stringify(change).slice(0, 80)).toBe(400);
      expect(reply.json.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
    }
    expect(sandbox.state().order_invoices).toEqual([]);
    expect((await call('POST', `/order-invoices/${idOrder}`, good)).status).toBe(201);
    expect((await call('POST', '/order-invoices/NOPE123', good)).status).toBe(404);
    // Exactly the limit is fine.
    const atLimit = Buffer.alloc(3 * 1024 * 1024, 0x20);
    atLimit.write('%PDF-');
    const big = await call('POST', `/order-invoices/${idOrder}`, {
      ...good,
      data: atLimit.toString('base64'),
    });
    expect(big.status).toBe(201);
    expect(sandbox.state().order_invoices.map((invoice) => invoice.size_bytes)).toEqual([
      Buffer.from(pdf(), 'base64').length,
      3 * 1024 * 1024,
    ]);
  });

  it('keeps every upload, lists per order and per seller, deletes one; another seller sees none', async () => {
    const { idOrder } = await shippedOrder();
    const other = await shippedOrder();
    const body = { original_name: 'RE-1.pdf', mime_type: 'application/pdf', data: pdf() };
    const first = (await call('POST', `/order-invoices/${idOrder}`, body)).json.data;
    const second = (await call('POST', `/order-invoices/${idOrder}`, body)).json.data;
    await call('POST', `/order-invoices/${other.idOrder}`, { ...body, original_name: 'RE-2.pdf' });
    expect(second.id_invoice).toBeGreaterThan(first.id_invoice);
    expect(first).toMatchObject({
      id_order: idOrder,
      storefront: 'de',
      is_marketplace_deemed_supplier: false,
    });
    const embedded = await call('GET', `/orders/${idOrder}?embedded=order_invoices`);
    expect(embedded.json.data.order_invoices.map((i: any) => i.id_invoice)).toEqual([
      first.id_invoice,
      second.id_invoice,
    ]);
    expect((await call('GET', '/order-invoices')).json.pagination.total).toBe(3);
    expect((await call('GET', `/order-invoices/${other.idOrder}/${first.id_invoice}`)).status).toBe(404);
    expect((await call('DELETE', `/order-invoices/${idOrder}/${first.id_invoice}`)).status).toBe(204);
    expect((await call('DELETE', `/order-invoices/${idOrder}/${first.id_invoice}`)).status).toBe(404);
    expect((await call('GET', '/order-invoices')).json.pagination.total).toBe(2);

    const stranger = sandbox.addSeller({ storefronts: ['de'] });
    expect((await call('GET', '/order-invoices', undefined, stranger)).json.data).toEqual([]);
    expect((await call('POST', `/order-invoices/${idOrder}`, body, stranger)).status).toBe(404);
  });

  it('refuses uploads to an order Kaufland invoices itself (deemed supplier)', async () => {
    const { idOrder, ids } = await shippedOrder(1, { is_marketplace_deemed_supplier: true });
    const unit = await call('GET', `/order-units/${ids[0]}`);
    expect(unit.json.data.is_marketplace_deemed_supplier).toBe(true);
    const reply = await call('POST', `/order-invoices/${idOrder}`, {
      original_name: 'RE-1.pdf',
      mime_type: 'application/pdf',
      data: pdf(),
    });
    expect(reply.status).toBe(400);
    expect(reply.json.errors[0].field).toBe('id_order');
  });
});

describe('returns', () => {
  it('walks a return from the buyer to arrival and answers; order units follow', async () => {
    const { ids } = await shippedOrder(3);
    const started = await control('POST', '/_sandbox/returns', {
      order_units: [
        { id_order_unit: ids[0], reason: 'defect', note: 'Broken hinge' },
        { id_order_unit: ids[1], reason: 'wrong_size' },
      ],
    });
    expect(started.status).toBe(201);
    const idReturn = started.json.data.id_return as number;
    expect(started.json.data).toMatchObject({ status: 'return_requested', tracking_code: null });
    const [a, b] = started.json.data.return_units.map((unit: any) => unit.id_return_unit as number);
    expect((await call('GET', `/return-units/${a}`)).json.data).toMatchObject({
      status: 'need_to_be_returned',
      reason: 'defect',
      note: 'Broken hinge',
      return: { id_return: idReturn },
    });
    expect((await call('PATCH', `/return-units/${a}/repair`)).status).toBe(403);

    clock += 5000;
    const arrived = await control('POST', `/_sandbox/returns/${idReturn}/arrive`, {
      tracking_provider: 'DHL',
      tracking_code: 'RT-77',
    });
    expect(arrived.json.data).toMatchObject({ status: 'package_received', tracking_code: 'RT-77' });
    expect((await control('POST', `/_sandbox/returns/${idReturn}/arrive`)).status).toBe(403);
    const statusOf = async (id: number) => (await call('GET', `/order-units/${id}`)).json.data.status;
    expect([await statusOf(ids[0]!), await statusOf(ids[1]!), await statusOf(ids[2]!)]).toEqual([
      'returned',
      'returned',
      'sent',
    ]);

    const moves: [number, string, unknown, number, string][] = [
      [a, 'clarify', { message: 'Photo please' }, 204, 'return_in_clarification'],
      [a, 'clarify', { message: 'Again?' }, 403, 'return_in_clarification'],
      [a, 'repair', undefined, 204, 'return_in_repair'],
      [a, 'accept', undefined, 204, 'return_accepted'],
      [a, 'reject', { message: 'Changed my mind' }, 403, 'return_accepted'],
      [b, 'reject', { message: '' }, 400, 'return_arrived'],
      [b, 'reject', { message: 'Worn' }, 204, 'return_rejected'],
      [b, 'accept', undefined, 403, 'return_rejected'],
    ];
    for (const [id, action, body, status, after] of moves) {
      const reply = await call('PATCH', `/return-units/${id}/${action}`, body);
      expect(reply.status, `${action} on ${id}`).toBe(status);
      if (status === 403) expect(reply.json.type).toBe('/problems/returns/unit-wrong-status');
      expect((await call('GET', `/return-units/${id}`)).json.data.status).toBe(after);
    }
    expect(await statusOf(ids[0]!)).toBe('returned_paid');
    expect(await statusOf(ids[1]!)).toBe('received');
    const state = sandbox.state();
    expect(state.return_units.find((unit) => unit.id_return_unit === b)?.messages).toEqual([
      expect.objectContaining({ action: 'reject', message: 'Worn' }),
    ]);

    // Rejected: the same order unit can be returned again; accepted: it cannot.
    const again = await call('POST', '/returns', [
      { id_order_unit: ids[1], reason: 'defect', note: 'Second try' },
    ]);
    expect(again.status).toBe(201);
    const paid = await call('POST', '/returns', [
      { id_order_unit: ids[0], reason: 'defect', note: 'Second try' },
    ]);
    expect(paid.status).toBe(403);
  });

  it('moves the return on every unit change: ts_updated filters and sorts by it', async () => {
    const first = await shippedOrder();
    const second = await shippedOrder();
    const one = sandbox.startReturn({ order_units: [{ id_order_unit: first.ids[0]!, reason: 'dislike' }] });
    clock += 10_000;
    const two = sandbox.startReturn({ order_units: [{ id_order_unit: second.ids[0]!, reason: 'too_late' }] });
    clock += 10_000;
    const cursor = new Date(clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
    sandbox.returnArrives(one.id_return);
    const changed = await call('GET', `/returns?ts_updated_from_iso=${cursor}&sort=ts_updated:desc`);
    expect(changed.json.data.map((r: any) => r.id_return)).toEqual([one.id_return]);
    const byCreation = await call('GET', '/returns');
    expect(byCreation.json.data.map((r: any) => r.id_return)).toEqual([two.id_return, one.id_return]);
    const units = await call('GET', '/return-units?sort=ts_updated:desc');
    expect(units.json.data.map((u: any) => u.id_return)).toEqual([one.id_return, two.id_return]);
    const arrivedOnly = await call('GET', '/return-units?status=return_arrived');
    expect(arrivedOnly.json.data).toHaveLength(1);
    expect((await call('GET', '/returns?sort=ts_created:asc')).status).toBe(400);
    expect((await call('GET', '/returns?status=lost')).status).toBe(400);
  });

  it('adds units of the same order to a return until its parcel arrives (PUT /returns/{id_return})', async () => {
    const { ids } = await shippedOrder(3);
    const other = await shippedOrder();
    const started = await call('POST', '/returns', [
      { id_order_unit: ids[0], reason: 'defect', note: 'First unit' },
    ]);
    const idReturn = started.json.data.id_return as number;
    clock += 3000;
    const added = await call('PUT', `/returns/${idReturn}`, [
      { id_order_unit: ids[1], reason: 'defect', note: 'Second unit' },
    ]);
    expect(added.status).toBe(201);
    expect(added.json.data.return_units.map((u: any) => u.id_order_unit)).toEqual([ids[0], ids[1]]);
    expect(Date.parse(added.json.data.ts_updated_iso)).toBeGreaterThan(
      Date.parse(started.json.data.ts_updated_iso),
    );
    const foreign = await call('PUT', `/returns/${idReturn}`, [
      { id_order_unit: other.ids[0], reason: 'defect', note: 'Other order' },
    ]);
    expect(foreign.status).toBe(400);
    expect(
      (await call('PUT', '/returns/42', [{ id_order_unit: ids[2], reason: 'defect', note: 'Nowhere' }]))
        .status,
    ).toBe(404);
    sandbox.returnArrives(idReturn);
    const late = await call('PUT', `/returns/${idReturn}`, [
      { id_order_unit: ids[2], reason: 'defect', note: 'Too late' },
    ]);
    expect(late.status).toBe(403);
    expect(late.json.type).toBe('/problems/action-not-allowed');
  });

  it('lets Kaufland close a return unit through the control API; a closed unit takes no answer', async () => {
    const { ids } = await shippedOrder();
    const started = sandbox.startReturn({ order_units: [{ id_order_unit: ids[0]!, reason: 'no_reason' }] });
    const id = started.return_units![0]!.id_return_unit;
    clock += 2000;
    const closed = await control('PATCH', `/_sandbox/return-units/${id}`, { status: 'return_closed' });
    expect(closed.status).toBe(200);
    expect(closed.json.data).toMatchObject({ id_return_unit: id, status: 'return_closed' });
    const parcel = (await call('GET', `/returns/${started.id_return}`)).json.data;
    expect(Date.parse(parcel.ts_updated_iso)).toBeGreaterThan(Date.parse(started.ts_updated_iso));
    expect((await call('PATCH', `/return-units/${id}/accept`)).status).toBe(403);
    expect((await control('PATCH', `/_sandbox/return-units/${id}`, { status: 'gone' })).status).toBe(400);
    expect((await control('PATCH', '/_sandbox/return-units/42', { status: 'return_closed' })).status).toBe(
      404,
    );
  });

  it('refuses returns of units not yet sent, of two orders at once, twice, or of unknown units', async () => {
    const order = await shippedOrder(2);
    const other = await shippedOrder();
    const waiting = sandbox.createOrder({
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: order.sku }],
    });
    const cases: [unknown, number][] = [
      [[{ id_order_unit: waiting.order_units[0]!.id_order_unit, reason: 'defect', note: 'Too early' }], 403],
      [
        [
          { id_order_unit: order.ids[0], reason: 'defect', note: 'Mixed up' },
          { id_order_unit: other.ids[0], reason: 'defect', note: 'Mixed up' },
        ],
        400,
      ],
      [
        [
          { id_order_unit: order.ids[0], reason: 'defect', note: 'Twice over' },
          { id_order_unit: order.ids[0], reason: 'defect', note: 'Twice over' },
        ],
        400,
      ],
      [[{ id_order_unit: 42, reason: 'defect', note: 'Who is this' }], 404],
      [[{ id_order_unit: order.ids[0], reason: 'defect', note: 'Hi' }], 400],
      [[], 400],
    ];
    for (const [body, status] of cases) expect((await call('POST', '/returns', body)).status).toBe(status);
    expect(sandbox.state().returns).toEqual([]);
    const bad = await control('POST', '/_sandbox/returns', {
      order_units: [{ id_order_unit: 42, reason: 'x' }],
    });
    expect(bad.status).toBe(400);
    expect((await control('POST', '/_sandbox/returns/42/arrive')).status).toBe(404);
  });
});

describe('refunds', () => {
  it('adds refunds up to the unit price and refuses more, unsent units and paid returns', async () => {
    const { ids, sku } = await shippedOrder(2);
    const refund = (id: number, amount: number, reason = 'delivery_damage') =>
      call('PATCH', `/order-units/${id}/refund`, { amount, reason });
    expect((await refund(ids[0]!, 1000)).status).toBe(204);
    expect((await refund(ids[0]!, 999)).status).toBe(204);
    const over = await refund(ids[0]!, 1);
    expect(over.status).toBe(400);
    expect(over.json.errors[0]).toMatchObject({
      field: 'amount',
      message: expect.stringContaining('0 of its price 1999'),
    });
    expect((await refund(ids[1]!, 0)).status).toBe(400);
    expect((await refund(ids[1]!, 100, 'goodwill')).status).toBe(400);
    expect(sandbox.state().refunds.map((r) => [r.id_order_unit, r.amount])).toEqual([
      [ids[0], 1000],
      [ids[0], 999],
    ]);

    const waiting = sandbox.createOrder({
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: sku }],
    });
    expect((await refund(waiting.order_units[0]!.id_order_unit, 100)).status).toBe(400);
    const started = sandbox.startReturn({ order_units: [{ id_order_unit: ids[1]!, reason: 'defect' }] });
    expect(
      (await call('PATCH', `/return-units/${started.return_units![0]!.id_return_unit}/accept`)).status,
    ).toBe(204);
    expect((await refund(ids[1]!, 100)).status).toBe(400);
  });
});

describe('ids', () => {
  it('starts order and order-unit ids at a random point: two sandboxes, or a reset, do not repeat them', async () => {
    const orderIds = new Set<string>();
    const unitIds = new Set<number>();
    const record = async () => {
      for (let i = 0; i < 3; i += 1) {
        const { idOrder, ids } = await shippedOrder();
        orderIds.add(idOrder);
        for (const id of ids) unitIds.add(id);
      }
    };
    await record();
    // A reset is a fresh sandbox: new starting points.
    sandbox.reset();
    seller = sandbox.addSeller({ storefronts: ['de'] });
    await record();
    const second = await startKauflandSandbox({ now: () => clock });
    try {
      const demo = second.seedDemo();
      const order = second.createOrder({
        client_key: demo.client_key,
        storefront: 'de',
        items: [{ id_offer: 'DEMO-001' }],
      });
      orderIds.add(order.id_order);
      for (const unit of order.order_units) unitIds.add(unit.id_order_unit);
    } finally {
      await second.close();
    }
    expect(orderIds.size).toBe(7);
    expect(unitIds.size).toBe(7);
    expect([...orderIds].every((id) => /^[0-9A-Z]{7}$/.test(id))).toBe(true);
    expect([...unitIds].every((id) => Number.isSafeInteger(id) && String(id).length === 15)).toBe(true);
  });

  it('keeps invoices, returns and refunds (and the id counters) in the snapshot file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kaufland-after-sale-'));
    const file = path.join(dir, 'snapshot.json');
    try {
      const first = await startKauflandSandbox({ now: () => clock, snapshotFile: file });
      const demoKey = first.seedDemo().client_key;
      const order = first.createOrder({
        client_key: demoKey,
        storefront: 'de',
        items: [{ id_offer: 'DEMO-001' }],
      });
      const id = order.order_units[0]!.id_order_unit;
      first.setOrderUnitStatus(id, 'received');
      const started = first.startReturn({ order_units: [{ id_order_unit: id, reason: 'defect' }] });
      await first.close();
      const second = await startKauflandSandbox({ now: () => clock, snapshotFile: file });
      try {
        expect(second.state().returns.map((r) => r.id_return)).toEqual([started.id_return]);
        expect(second.state().return_units).toHaveLength(1);
        const next = second.createOrder({
          client_key: demoKey,
          storefront: 'de',
          items: [{ id_offer: 'DEMO-001' }],
        });
        expect(next.order_units[0]!.id_order_unit).toBe(id + 1);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
