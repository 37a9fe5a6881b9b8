import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdooSandbox, type OdooSandbox } from './index.ts';

/** The sandbox's own surface: control endpoints, wire details, version differences. */
let v17: OdooSandbox;
let v18: OdooSandbox;
let v19: OdooSandbox;
beforeAll(async () => {
  [v17, v18, v19] = await Promise.all([
    startOdooSandbox({ version: 17 }),
    startOdooSandbox({ version: 18 }),
    startOdooSandbox({ version: 19 }),
  ]);
});
afterAll(async () => {
  await Promise.all([v17, v18, v19].map((s) => s.close()));
});

const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text.startsWith('<') ? { html: text } : JSON.parse(text)) as Record<string, unknown>,
  };
};
const execute = (
  s: OdooSandbox,
  model: string,
  method: string,
  args: unknown[],
  kwargs: Record<string, unknown> = {},
) =>
  post(`${s.url}/jsonrpc`, {
    jsonrpc: '2.0',
    method: 'call',
    params: {
      service: 'object',
      method: 'execute_kw',
      args: [s.database, 2, s.password, model, method, args, kwargs],
    },
    id: 1,
  });

describe('control endpoints', () => {
  it('seeds products with stock, ships part of an order with a backorder, and shows the state', async () => {
    const seeded = await post(`${v17.url}/_sandbox/seed`, {
      products: [{ sku: 'SB-1', ean: '4006381333931', price: 12.5, qty: 7 }],
      carriers: ['DHL'],
    });
    expect(seeded.status).toBe(200);
    const productId = (seeded.body.products as { id: number }[])[0]!.id;
    const order = await execute(v17, 'sale.order', 'create', [
      {
        partner_id: 3,
        client_order_ref: 'SB-ORDER',
        order_line: [[0, 0, { product_id: productId, product_uom_qty: 5 }]],
      },
    ]);
    await execute(v17, 'sale.order', 'action_confirm', [[order.body.result]]);
    const shipped = await post(`${v17.url}/_sandbox/ship`, {
      client_order_ref: 'SB-ORDER',
      carrier: 'DHL',
      tracking_ref: 'TRK1',
      lines: [{ sku: 'SB-1', qty: 2 }],
    });
    expect(shipped.body).toMatchObject({ picking: 'WH/OUT/00001', backorder: 'WH/OUT/00002' });
    const state = (await (await fetch(`${v17.url}/_sandbox/state`)).json()) as ReturnType<
      OdooSandbox['state']
    >;
    expect(state.products.find((p) => p.sku === 'SB-1')).toMatchObject({
      onHand: 5,
      free: 2,
      price: 12.5,
      ean: '4006381333931',
    });
    expect(state.pickings.map((p) => [p.name, p.state, p.carrier, p.trackingRef])).toEqual([
      ['WH/OUT/00001', 'done', 'DHL', 'TRK1'],
      ['WH/OUT/00002', 'assigned', 'DHL', null],
    ]);
    const status = await execute(v17, 'sale.order', 'read', [[order.body.result], ['delivery_status']]);
    expect(status.body.result).toEqual([{ id: order.body.result, delivery_status: 'partial' }]);
  });

  it('answers control errors with 4xx and a message', async () => {
    expect((await post(`${v17.url}/_sandbox/ship`, { client_order_ref: 'NOPE' })).status).toBe(404);
    expect((await post(`${v17.url}/_sandbox/faults`, { rate: 2 })).status).toBe(400);
  });

  it('injects faults until the count is used up', async () => {
    await post(`${v17.url}/_sandbox/faults`, { rate: 1, kinds: ['http502'], count: 1 });
    expect((await post(`${v17.url}/jsonrpc`, {})).status).toBe(502);
    expect(
      (await post(`${v17.url}/jsonrpc`, { params: { service: 'common', method: 'version', args: [] } }))
        .status,
    ).toBe(200);
  });
});

describe('wire details', () => {
  it('refuses GET and non-JSON bodies on /jsonrpc with HTTP 400', async () => {
    expect((await fetch(`${v17.url}/jsonrpc`)).status).toBe(400);
    const bad = await fetch(`${v17.url}/jsonrpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(bad.status).toBe(400);
  });

  it('keeps write_date to the second, UTC', async () => {
    const read = await execute(v17, 'product.product', 'search_read', [[['id', '=', 1]]], {
      fields: ['write_date'],
    });
    expect((read.body.result as { write_date: string }[])[0]!.write_date).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
    );
  });

  it('runs each call as one transaction: a batch with one bad row creates nothing', async () => {
    const before = await execute(v17, 'product.product', 'search_count', [[]]);
    const batch = await execute(v17, 'product.product', 'create', [
      [
        { name: 'ok', barcode: 'TX-1' },
        { name: 'dup', barcode: 'TX-1' },
      ],
    ]);
    expect((batch.body.error as { data: { name: string } }).data.name).toBe(
      'odoo.exceptions.ValidationError',
    );
    expect((await execute(v17, 'product.product', 'search_count', [[]])).body.result).toBe(
      before.body.result,
    );
  });

  it('applies order, limit and offset, and many2one values as [id, name]', async () => {
    const read = await execute(
      v17,
      'stock.location',
      'search_read',
      [[['usage', 'in', ['internal', 'customer']]]],
      { fields: ['complete_name', 'location_id'], order: 'id desc', limit: 1, offset: 1 },
    );
    expect(read.body.result).toEqual([
      { id: 5, complete_name: 'Partners/Customers', location_id: [2, 'Partners'] },
    ]);
  });
});

describe('versions', () => {
  it('Odoo 18+ has is_storable and no detailed_type', async () => {
    const ok = await execute(v18, 'product.product', 'create', [
      { name: 'Storable', type: 'consu', is_storable: true },
    ]);
    expect(typeof ok.body.result).toBe('number');
    const old = await execute(v18, 'product.product', 'create', [{ name: 'Old', detailed_type: 'product' }]);
    expect((old.body.error as { data: { message: string } }).data.message).toBe(
      "Invalid field 'detailed_type' on model 'product.product'",
    );
  });

  it('serves JSON-2 only from 19, with HTTP statuses per error and GET /web/version', async () => {
    const url = (s: OdooSandbox) => `${s.url}/json/2/res.partner/search_count`;
    expect((await post(url(v17), { domain: [] }, { authorization: `bearer ${v17.apiKey}` })).status).toBe(
      404,
    );
    expect(await post(url(v19), { domain: [] }, { authorization: `bearer ${v19.apiKey}` })).toMatchObject({
      status: 200,
    });
    expect(await post(url(v19), {}, { authorization: 'bearer nope' })).toMatchObject({
      status: 401,
      body: { name: 'werkzeug.exceptions.Unauthorized', message: 'Invalid apikey' },
    });
    const invalid = await post(
      `${v19.url}/json/2/sale.order/create`,
      { vals_list: [{}] },
      { authorization: `bearer ${v19.apiKey}` },
    );
    expect(invalid).toMatchObject({ status: 422, body: { name: 'odoo.exceptions.ValidationError' } });
    const version = (await (await fetch(`${v19.url}/web/version`)).json()) as { version_info: unknown[] };
    expect(version.version_info.slice(0, 2)).toEqual([19, 0]);
  });

  // Each as the real 19.0 answered it (start-odoo.sh --version 19).
  it('Odoo 19: JSON-2 create answers a list, an unknown database an HTML 404, cancel needs no wizard', async () => {
    const auth = { authorization: `bearer ${v19.apiKey}` };
    const created = await post(`${v19.url}/json/2/res.partner/create`, { vals_list: { name: 'One' } }, auth);
    expect(created).toMatchObject({ status: 200, body: [expect.any(Number)] });
    const noDb = await post(
      `${v19.url}/json/2/res.partner/search_count`,
      { domain: [] },
      {
        ...auth,
        'x-odoo-database': 'nosuchdb',
      },
    );
    expect(noDb.status).toBe(404);
    expect(noDb.body.html).toContain('No database is selected');
    const badField = await execute(v19, 'res.partner', 'search', [[['nope', '=', 1]]]);
    expect((badField.body.error as { data: { message: string } }).data.message).toBe(
      "Invalid field res.partner.nope in condition ('nope', '=', 1)",
    );
    for (const [sandbox, answer, state] of [
      [v17, 'sale.order.cancel', 'sale'],
      [v19, true, 'cancel'],
    ] as const) {
      sandbox.seed({ products: [{ sku: 'CANCEL-1', price: 5, qty: 3 }] });
      const partner = (await execute(sandbox, 'res.partner', 'create', [{ name: 'Buyer' }])).body.result;
      const [product] = (
        await execute(sandbox, 'product.product', 'search', [[['default_code', '=', 'CANCEL-1']]])
      ).body.result as number[];
      const order = (
        await execute(sandbox, 'sale.order', 'create', [
          { partner_id: partner, order_line: [[0, 0, { product_id: product, product_uom_qty: 1 }]] },
        ])
      ).body.result as number;
      await execute(sandbox, 'sale.order', 'action_confirm', [[order]]);
      const cancelled = await execute(sandbox, 'sale.order', 'action_cancel', [[order]]);
      const result = cancelled.body.result;
      // 17: the wizard's action (the order stays confirmed); 19: true, and the order is cancelled.
      expect(result === true ? true : (result as { res_model?: string }).res_model).toBe(answer);
      const [read] = (await execute(sandbox, 'sale.order', 'read', [[order], ['state']])).body.result as {
        state: string;
      }[];
      expect(read?.state).toBe(state);
    }
  });
});
