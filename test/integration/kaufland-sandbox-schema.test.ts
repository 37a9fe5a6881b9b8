import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startKauflandSandbox,
  type KauflandSandbox,
  type SellerCredentials,
} from '../../src/sandbox/kaufland/index.ts';
import { eventually } from '../helpers/eventually.ts';

// Every operation the sandbox serves, answered over HTTP and validated against Kaufland's OpenAPI 2.27.0 document.

type Json = Record<string, unknown>;
const spec = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../reference/kaufland/openapi-2.27.0.json'), 'utf8'),
) as { paths: Record<string, Record<string, { responses: Record<string, Json> }>>; components: Json };

/** OpenAPI 3.0 → JSON Schema: `nullable: true` becomes a union with null; `example` annotations are dropped. */
function toJsonSchema(node: unknown, isPropertyMap = false): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item));
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (!isPropertyMap && (key === 'nullable' || key === 'example' || key === 'examples')) continue;
    out[key] = toJsonSchema(value, !isPropertyMap && key === 'properties');
  }
  if (isPropertyMap || (node as Json).nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (
  ajv: Ajv,
) => Ajv;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('int32', {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31,
});
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
ajv.addFormat('float', { type: 'number', validate: () => true });
ajv.addFormat('double', { type: 'number', validate: () => true });
ajv.addSchema({ $id: 'kaufland', components: toJsonSchema(spec.components) });

const validators = new Map<string, ValidateFunction>();
function validatorFor(ref: string): ValidateFunction {
  const known = validators.get(ref);
  if (known) return known;
  const validate = ajv.getSchema(`kaufland${ref}`);
  if (!validate) throw new Error(`no schema ${ref}`);
  validators.set(ref, validate);
  return validate;
}

/** Statuses the sandbox answers although the operation does not declare them; their bodies are still ErrorResponse. */
const UNDECLARED_OK: Record<string, number[]> = { 'post /units/bulk': [400] };

function responseRef(specPath: string, method: string, status: number): string | undefined {
  const operation = spec.paths[specPath]?.[method];
  expect(operation, `${method} ${specPath} exists in the spec`).toBeDefined();
  const response = operation!.responses[String(status)] as
    { content?: { 'application/json'?: { schema?: { $ref?: string } } } } | undefined;
  if (!response) {
    expect(
      UNDECLARED_OK[`${method} ${specPath}`] ?? [429],
      `${status} declared for ${method} ${specPath}`,
    ).toContain(status);
    return '#/components/schemas/ErrorResponse';
  }
  return response.content?.['application/json']?.schema?.$ref;
}

let clock = Date.parse('2025-04-01T12:00:00Z');
let sandbox: KauflandSandbox;
let seller: SellerCredentials;
const checked: string[] = [];

/** Calls the sandbox and checks the answer's status and body against the spec entry for (specPath, method, status). */
async function check(
  method: string,
  specPath: string,
  url: string,
  expected: number,
  body?: unknown,
  as: SellerCredentials = seller,
): Promise<any> {
  clock += 20; // keeps the walk far below 111 requests per second
  const full = `${sandbox.baseUrl}${url}`;
  const raw = body === undefined ? '' : JSON.stringify(body);
  const ts = Math.floor(clock / 1000);
  const signature = createHmac('sha256', as.secret_key)
    .update(`${method.toUpperCase()}\n${full}\n${raw}\n${ts}`)
    .digest('hex');
  const response = await fetch(full, {
    method: method.toUpperCase(),
    body: raw === '' ? undefined : raw,
    headers: { 'Shop-Client-Key': as.client_key, 'Shop-Timestamp': String(ts), 'Shop-Signature': signature },
  });
  const text = await response.text();
  expect(response.status, `${method} ${url}: ${text}`).toBe(expected);
  const ref = responseRef(specPath, method, expected);
  if (ref === undefined) {
    expect(text, `${method} ${url} has no body in the spec`).toBe('');
    checked.push(`${method} ${specPath} ${expected}`);
    return undefined;
  }
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const json = JSON.parse(text) as unknown;
  const validate = validatorFor(ref);
  const valid = validate(json);
  expect(valid ? [] : validate.errors, `${method} ${url} → ${ref}`).toEqual([]);
  checked.push(`${method} ${specPath} ${expected}`);
  return json;
}

beforeAll(async () => {
  sandbox = await startKauflandSandbox({ now: () => clock });
  seller = sandbox.addSeller({ storefronts: ['de', 'cz'] });
});

afterAll(async () => {
  await sandbox.close();
});

describe('responses match the OpenAPI 2.27.0 schemas', () => {
  it('the converter turns nullable into a union and the validator rejects a wrong body', () => {
    expect(toJsonSchema({ type: 'string', nullable: true })).toEqual({ type: ['string', 'null'] });
    const validate = validatorFor('#/components/schemas/ApiResponse_Unit_');
    expect(validate({ data: { id_unit: 'nope' } })).toBe(false);
    expect(validatorFor('#/components/schemas/ErrorResponse')({ message: 'x' })).toBe(false);
  });

  it('walks every implemented operation', async () => {
    await check('get', '/status/ping', '/status/ping', 200);
    await check('get', '/info/storefront', '/info/storefront', 200);
    await check('get', '/carriers', '/carriers/', 200);

    const unitBody = {
      id_offer: 'SPEC-1',
      ean: '4006381333931',
      listing_price: 1999,
      handling_time: 2,
      amount: 9,
    };
    const created = await check('post', '/units', '/units?storefront=de&embedded=eco_participation', 200, {
      ...unitBody,
      note: 'schema walk',
      minimum_price: 1500,
      vat_indicator: 'reduced_rate_1',
      eco_participation: 20,
    });
    const idUnit = created.data.id_unit as number;
    await check('post', '/units', '/units?storefront=cz', 200, { ...unitBody, listing_price: 49_900 });
    await check('post', '/units', '/units?storefront=de', 200, {
      ...unitBody,
      id_offer: 'SPEC-2',
      condition: 'USED___GOOD',
    });
    await check('get', '/units', '/units?storefront=de', 200);
    const embeddedAll = 'embedded=products&embedded=eco_participation,battery_participation';
    const listed = await check('get', '/units', `/units?storefront=de&limit=1&offset=1&${embeddedAll}`, 200);
    expect(listed.data[0].product.eans).toEqual(['4006381333931']);
    await check('get', '/units/{id_unit}', `/units/${idUnit}?storefront=de&${embeddedAll}`, 200);
    await check('patch', '/units/{id_unit}', `/units/${idUnit}?storefront=de`, 200, {
      amount: 20,
      note: 'Größe',
    });
    await check('post', '/units/bulk', '/units/bulk?storefront=de', 207, [
      { id_unit: idUnit, unit_data: { amount: 15, listing_price: 1899 } },
      { id_unit: idUnit + 1000, unit_data: { amount: 1 } },
      { id_unit: idUnit + 2, unit_data: { handling_time: 101 } },
    ]);

    const order = sandbox.createOrder({
      client_key: seller.client_key,
      storefront: 'de',
      items: [
        { id_offer: 'SPEC-1', quantity: 3 },
        { id_offer: 'SPEC-2', price: 777 },
      ],
    });
    expect(validatorFor('#/components/schemas/OrderDetails')(order)).toBe(true);
    const openOrder = sandbox.createOrder({
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: 'SPEC-1' }],
      status: 'open',
    });
    sandbox.createOrder({ client_key: seller.client_key, storefront: 'cz', items: [{ id_offer: 'SPEC-1' }] });

    await check('get', '/orders', '/orders', 200);
    await check(
      'get',
      '/orders',
      '/orders?storefront=de&fulfillment_type=fulfilled_by_merchant&limit=2&offset=1',
      200,
    );
    await check('get', '/orders/{id_order}', `/orders/${order.id_order}`, 200);
    await check(
      'get',
      '/orders/{id_order}',
      `/orders/${order.id_order}?embedded=order_invoices,delivery,kss_delivery`,
      200,
    );
    const openDetails = await check('get', '/orders/{id_order}', `/orders/${openOrder.id_order}`, 200);
    expect(openDetails.data.shipping_address).toBeNull();
    const units = await check('get', '/order-units', '/order-units?sort=ts_updated:desc', 200);
    expect(units.data).toHaveLength(6);
    await check(
      'get',
      '/order-units',
      '/order-units?storefront=de&status=open&status=need_to_be_sent&limit=2',
      200,
    );

    const [first, second, third] = order.order_units.map((u) => u.id_order_unit);
    const openId = openOrder.order_units[0]!.id_order_unit;
    const allEmbeds = 'embedded=delivery_attempt_timestamp_iso,return_unit,tickets,delivery,kss_delivery';
    await check('get', '/order-units/{id_order_unit}', `/order-units/${first}?${allEmbeds}`, 200);
    await check('get', '/order-units/{id_order_unit}', `/order-units/${openId}`, 200);
    await check('patch', '/order-units/{id_order_unit}/send', `/order-units/${first}/send`, 204, {
      carrier_code: 'DHL',
      tracking_numbers: '0034123456789,0034987654321',
    });
    await check('patch', '/order-units/{id_order_unit}/cancel', `/order-units/${second}/cancel`, 204, {
      reason: 'BuyerCancelled',
    });
    await check('patch', '/order-units/{id_order_unit}/fulfil', `/order-units/${openId}/fulfil`, 204);
    await check('get', '/order-units/{id_order_unit}', `/order-units/${first}`, 200);
    await check('delete', '/units/{id_unit}', `/units/${idUnit + 2}?storefront=de`, 204);

    // Refusals carry the spec's ErrorResponse.
    await check('get', '/units', '/units', 400);
    await check('get', '/units/{id_unit}', `/units/${idUnit}?storefront=pl`, 400);
    await check('get', '/units/{id_unit}', '/units/1?storefront=de', 404);
    await check('patch', '/units/{id_unit}', `/units/${idUnit}?storefront=de`, 400, {
      amount: -1,
      shoe_size: 42,
    });
    await check('post', '/units', '/units?storefront=de', 400, {
      id_offer: 'X',
      listing_price: 1,
      handling_time: 1,
    });
    await check('post', '/units/bulk', '/units/bulk?storefront=de', 400, [
      { id_unit: idUnit, unit_data: {} },
      { id_unit: idUnit, unit_data: {} },
    ]);
    await check('get', '/orders', '/orders?limit=0', 400);
    await check('get', '/orders/{id_order}', '/orders/NOPE123', 404);
    await check('get', '/order-units', '/order-units?sort=price', 400);
    await check('get', '/order-units/{id_order_unit}', '/order-units/42', 404);
    await check('patch', '/order-units/{id_order_unit}/send', `/order-units/${first}/send`, 403, {
      carrier_code: 'DHL',
      tracking_numbers: '1',
    });
    await check('patch', '/order-units/{id_order_unit}/send', `/order-units/${third}/send`, 400, {
      carrier_code: 'Carrier Pigeon',
      tracking_numbers: '1',
    });
    await check('patch', '/order-units/{id_order_unit}/cancel', `/order-units/${first}/cancel`, 403, {
      reason: 'NoInventory',
    });
    await check('patch', '/order-units/{id_order_unit}/fulfil', `/order-units/${first}/fulfil`, 403);
    const stranger = { client_key: '0'.repeat(32), secret_key: '1'.repeat(64), storefronts: [] };
    await check('get', '/orders', '/orders', 401, undefined, stranger);
    await check('get', '/status/ping', '/status/ping', 401, undefined, { ...seller, secret_key: 'x' });

    // After the sale: invoices, returns, return units, refunds.
    const pdf = Buffer.from('%PDF-1.4\n% schema walk\n%%EOF\n').toString('base64');
    const invoiceBody = { original_name: 'invoice-1.pdf', mime_type: 'application/pdf', data: pdf };
    const uploaded = await check(
      'post',
      '/order-invoices/{id_order}',
      `/order-invoices/${order.id_order}`,
      201,
      invoiceBody,
    );
    const idInvoice = uploaded.data.id_invoice as number;
    await check('post', '/order-invoices/{id_order}', `/order-invoices/${order.id_order}`, 400, {
      ...invoiceBody,
      mime_type: 'image/png',
    });
    await check('post', '/order-invoices/{id_order}', '/order-invoices/NOPE123', 404, invoiceBody);
    await check('get', '/order-invoices', '/order-invoices?storefront=de&limit=5', 200);
    await check(
      'get',
      '/order-invoices/{id_order}/{id_invoice}',
      `/order-invoices/${order.id_order}/${idInvoice}`,
      200,
    );
    const withInvoices = await check(
      'get',
      '/orders/{id_order}',
      `/orders/${order.id_order}?embedded=order_invoices`,
      200,
    );
    expect(withInvoices.data.order_invoices).toHaveLength(1);
    await check(
      'delete',
      '/order-invoices/{id_order}/{id_invoice}',
      `/order-invoices/${order.id_order}/${idInvoice}`,
      204,
    );
    await check(
      'get',
      '/order-invoices/{id_order}/{id_invoice}',
      `/order-invoices/${order.id_order}/${idInvoice}`,
      404,
    );

    const fourth = order.order_units[3]!.id_order_unit;
    await check('patch', '/order-units/{id_order_unit}/refund', `/order-units/${first}/refund`, 204, {
      amount: 100,
      reason: 'delivery_damage',
    });
    await check('patch', '/order-units/{id_order_unit}/refund', `/order-units/${first}/refund`, 400, {
      amount: 10_000_000,
      reason: 'defect',
    });
    sandbox.setOrderUnitStatus(third!, 'received');
    const buyerReturn = sandbox.startReturn({
      order_units: [{ id_order_unit: third!, reason: 'defect', note: 'Kratzer' }],
      tracking_provider: 'DHL',
      tracking_code: 'RET-1',
    });
    expect(validatorFor('#/components/schemas/ReturnDetails')(buyerReturn)).toBe(true);
    const sellerReturn = await check('post', '/returns', '/returns', 201, [
      { id_order_unit: first, reason: 'wrong_size', note: 'Buyer sent it back unannounced' },
    ]);
    await check('post', '/returns', '/returns', 403, [
      { id_order_unit: fourth, reason: 'defect', note: 'not sent yet' },
    ]);
    await check('post', '/returns', '/returns', 400, [{ id_order_unit: first, reason: 'meh', note: 'x' }]);
    sandbox.setOrderUnitStatus(fourth, 'sent');
    const extended = await check('put', '/returns/{id_return}', `/returns/${buyerReturn.id_return}`, 201, [
      { id_order_unit: fourth, reason: 'wrong_size', note: 'Same parcel' },
    ]);
    expect(extended.data.return_units).toHaveLength(2);
    sandbox.returnArrives(buyerReturn.id_return);
    await check('put', '/returns/{id_return}', `/returns/${buyerReturn.id_return}`, 403, [
      { id_order_unit: fourth, reason: 'defect', note: 'Too late for this parcel' },
    ]);
    await check(
      'get',
      '/returns',
      '/returns?sort=ts_updated:desc&ts_updated_from_iso=2020-01-01T00:00:00Z',
      200,
    );
    await check('get', '/returns', '/returns?storefront=de&status=package_received&limit=1', 200);
    await check(
      'get',
      '/returns/{id_return}',
      `/returns/${buyerReturn.id_return}?embedded=buyer,return_units`,
      200,
    );
    await check('get', '/returns/{id_return}', '/returns/42', 404);
    await check('get', '/return-units', '/return-units?status=return_arrived&sort=ts_updated:desc', 200);
    const arrivedUnit = buyerReturn.return_units![0]!.id_return_unit;
    const waitingUnit = sellerReturn.data.return_units[0].id_return_unit as number;
    const unitPath = '/return-units/{id_return_unit}';
    await check('get', unitPath, `/return-units/${arrivedUnit}?embedded=return,order_unit,tickets`, 200);
    await check('get', unitPath, `/return-units/${arrivedUnit}`, 200);
    await check('get', unitPath, '/return-units/42', 404);
    await check('patch', `${unitPath}/clarify`, `/return-units/${arrivedUnit}/clarify`, 204, {
      message: 'Please send a photo of the scratch.',
    });
    await check('patch', `${unitPath}/repair`, `/return-units/${arrivedUnit}/repair`, 204);
    await check('patch', `${unitPath}/reject`, `/return-units/${waitingUnit}/reject`, 403, {
      message: 'No.',
    });
    await check('patch', `${unitPath}/reject`, `/return-units/${arrivedUnit}/reject`, 400, {});
    await check('patch', `${unitPath}/accept`, `/return-units/${arrivedUnit}/accept`, 204);
    await check('patch', `${unitPath}/accept`, `/return-units/${arrivedUnit}/accept`, 403);
    await check('patch', `${unitPath}/reject`, `/return-units/${waitingUnit}/reject`, 403, {
      message: 'No.',
    });
    const paid = await check(
      'get',
      '/order-units/{id_order_unit}',
      `/order-units/${third}?embedded=return_unit`,
      200,
    );
    expect(paid.data).toMatchObject({ status: 'returned_paid', return_unit: { status: 'return_accepted' } });

    const operations = new Set(checked.map((entry) => entry.split(' ').slice(0, 2).join(' ')));
    expect([...operations].sort()).toEqual(
      [
        'delete /units/{id_unit}',
        'get /carriers',
        'get /info/storefront',
        'get /order-units',
        'get /order-units/{id_order_unit}',
        'get /orders',
        'get /orders/{id_order}',
        'get /status/ping',
        'get /units',
        'get /units/{id_unit}',
        'patch /order-units/{id_order_unit}/cancel',
        'patch /order-units/{id_order_unit}/fulfil',
        'patch /order-units/{id_order_unit}/send',
        'patch /order-units/{id_order_unit}/refund',
        'patch /units/{id_unit}',
        'get /order-invoices',
        'get /order-invoices/{id_order}/{id_invoice}',
        'post /order-invoices/{id_order}',
        'delete /order-invoices/{id_order}/{id_invoice}',
        'get /returns',
        'post /returns',
        'get /returns/{id_return}',
        'put /returns/{id_return}',
        'get /return-units',
        'get /return-units/{id_return_unit}',
        'patch /return-units/{id_return_unit}/accept',
        'patch /return-units/{id_return_unit}/clarify',
        'patch /return-units/{id_return_unit}/reject',
        'patch /return-units/{id_return_unit}/repair',
        'post /units',
        'post /units/bulk',
      ].sort(),
    );
  });

  it('walks the subscriptions operations (push, issue 13)', async () => {
    const body = {
      callback_url: 'http://127.0.0.1:9/cb',
      fallback_email: 'shop@example.com',
      event_name: 'order_new',
    };
    const created = await check('post', '/subscriptions', '/subscriptions?storefront=de', 201, body);
    const id = created.data.id_subscription as number;
    await check('post', '/subscriptions', '/subscriptions?storefront=de', 400, {
      ...body,
      event_name: 'nope',
    });
    await check('post', '/subscriptions', '/subscriptions', 400, body);
    const list = await check('get', '/subscriptions', '/subscriptions?storefront=de&limit=30', 200);
    expect(list.data.map((s: { id_subscription: number }) => s.id_subscription)).toEqual([id]);
    await check('get', '/subscriptions', '/subscriptions?limit=31', 400);
    await check('get', '/subscriptions/{id_subscription}', `/subscriptions/${id}`, 200);
    const patched = await check('patch', '/subscriptions/{id_subscription}', `/subscriptions/${id}`, 200, {
      is_active: false,
    });
    expect(patched.data.is_active).toBe(false);
    await check('delete', '/subscriptions/{id_subscription}', `/subscriptions/${id}`, 204);
    await check('get', '/subscriptions/{id_subscription}', `/subscriptions/${id}`, 404);
  });

  it('walks the inventory feed import files (issue 13): the file is downloaded, imported, listed and read', async () => {
    const csv =
      'id_offer;ean;condition;price;currency;count;handling_time\nFEED-1;4006381333931;100;1299;EUR;5;1\n';
    const files = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/csv' }).end(csv));
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(files.address() as AddressInfo).port}/feed.csv`;
    try {
      await fetch(`${sandbox.origin}/_sandbox/import-settings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ import_ms: 0 }),
      });
      const added = await check(
        'post',
        '/import-files/inventory-feed',
        '/import-files/inventory-feed?storefront=de',
        201,
        { url },
      );
      const id = added.data.id_import_file as number;
      await check('post', '/import-files/inventory-feed', '/import-files/inventory-feed?storefront=de', 400, {
        url: 'ftp://x',
      });
      await check('post', '/import-files/inventory-feed', '/import-files/inventory-feed', 400, { url });
      const path = `/import-files/inventory-feed/${id}?storefront=de`;
      const done = await eventually(
        () => check('get', '/import-files/inventory-feed/{id_import_file}', path, 200),
        (body) => body.data.status === 'IMPORTED',
        10_000,
      );
      expect(done.data).toMatchObject({ status: 'IMPORTED', total_lines: 1, error_count: 0 });
      const list = await check(
        'get',
        '/import-files/inventory-feed',
        '/import-files/inventory-feed?storefront=de&sort=id:desc&limit=30',
        200,
      );
      expect(list.data[0].id_import_file).toBe(id);
      await check(
        'get',
        '/import-files/inventory-feed',
        '/import-files/inventory-feed?storefront=de&limit=31',
        400,
      );
      await check(
        'get',
        '/import-files/inventory-feed/{id_import_file}',
        `/import-files/inventory-feed/${id}?storefront=cz`,
        404,
      );
    } finally {
      files.close();
    }
  });

  it('walks the product data operations (issue 13)', async () => {
    const item = { title: 'Blue mug', description: 'A mug (Tasse) for coffee', manufacturer: 'Own' };
    const decided = await check('post', '/categories/decide', '/categories/decide?storefront=de', 200, {
      item,
      price: 14.9,
    });
    expect(decided.data[0].id_category).toBe(22001);
    await check('post', '/categories/decide', '/categories/decide', 400, { item, price: 1 });
    await check('post', '/categories/decide', '/categories/decide?storefront=de', 400, { item });

    const known = await check('get', '/products/ean/{ean}', '/products/ean/4006381333931?storefront=de', 200);
    expect(known.data.eans).toEqual(['4006381333931']);
    await check('get', '/products/ean/{ean}', '/products/ean/2000000000015?storefront=de', 404);

    const body = {
      ean: ['2000000000015'],
      // Nothing listens on port 9: the picture cannot be downloaded, so the data is refused.
      attributes: { title: ['Blue mug'], picture: ['http://127.0.0.1:9/mug.jpg'] },
    };
    await check('put', '/product-data', '/product-data?locale=de-DE', 200, body);
    await check('put', '/product-data', '/product-data', 400, body);
    await check('put', '/product-data', '/product-data?locale=de-DE', 400, { ...body, ean: ['x'] });
    const refused = await eventually(
      () =>
        check('get', '/product-data/status/{ean}', '/product-data/status/2000000000015?locale=de-DE', 200),
      (answer) => answer.data.update_status === 'FAIL',
      10_000,
    );
    expect(refused.data).toMatchObject({
      product_ready: false,
      product_not_ready_reason: 'MISSING_ATTRIBUTES',
      missing_attributes: ['description', 'manufacturer', 'category'],
      attribute_values: [{ attribute: 'picture', state: 'DECLINED' }],
    });
    await check('get', '/product-data/status/{ean}', '/product-data/status/2000000000022?locale=de-DE', 404);
    await check('get', '/product-data/status/{ean}', '/product-data/status/2000000000015', 400);
    const stored = await check('get', '/product-data/{ean}', '/product-data/2000000000015?locale=de-DE', 200);
    expect(stored.data.attributes.title).toEqual(['Blue mug']);
  });
});
