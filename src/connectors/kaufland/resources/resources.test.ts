import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { createKauflandClient, type KauflandClient } from '../kaufland.client.ts';
import { orderUnitFixture, unitFixture } from '../test-support/fixtures.ts';
import {
  freshKey,
  startLocalServer,
  type LocalServer,
  type Reply,
  type Received,
} from '../test-support/local-server.ts';
import { idFromLocation } from './units.ts';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function connect(
  reply: (request: Received) => Reply,
): Promise<{ client: KauflandClient; server: LocalServer }> {
  server = await startLocalServer(reply);
  const options = { baseUrl: server.baseUrl, clientKey: freshKey(), secretKey: freshKey(64) };
  return {
    client: createKauflandClient({ ...options, retry: { retries: 0, minDelayMs: 1, maxDelayMs: 1 } }),
    server,
  };
}

function page(items: unknown[], offset: number, limit: number, total: number): Reply {
  return { status: 200, body: { data: items, pagination: { offset, limit, total } } };
}

describe('order-units', () => {
  it('iterates every page with repeated status and the created-from filter', async () => {
    const total = 230;
    const { client, server } = await connect(({ query }) => {
      const offset = Number(query.get('offset'));
      const limit = Number(query.get('limit'));
      const ids = Array.from({ length: Math.min(limit, total - offset) }, (_, i) => offset + i + 1);
      return page(
        ids.map((id) => orderUnitFixture({ id_order_unit: id })),
        offset,
        limit,
        total,
      );
    });
    const ids: number[] = [];
    for await (const unit of client.orderUnits.iterate({
      storefront: 'de',
      status: ['need_to_be_sent', 'sent'],
      ts_created_from_iso: '2024-03-01T00:00:00Z',
    })) {
      ids.push(unit.id_order_unit);
    }
    expect(ids).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(server.received.map((request) => request.query.get('offset'))).toEqual(['0', '100', '200']);
    expect(server.received[0]!.url).toContain(
      'storefront=de&status=need_to_be_sent&status=sent&ts_created_from_iso=2024-03-01T00%3A00%3A00Z&offset=0&limit=100',
    );
  });

  it('gets one order unit with its buyer and shipping address', async () => {
    const { client, server } = await connect(() => ({ status: 200, body: { data: orderUnitFixture() } }));
    const unit = await client.orderUnits.get(314567898654242, ['delivery']);
    expect(unit.shipping_address?.city).toBe('Köln');
    expect(server.received[0]!.path).toBe('/v2/order-units/314567898654242');
    expect(server.received[0]!.query.getAll('embedded')).toEqual(['delivery']);
  });

  it('sends several tracking numbers as ONE comma-separated string', async () => {
    const { client, server } = await connect(() => ({ status: 204 }));
    await client.orderUnits.send(11, {
      carrier_code: 'DHL',
      tracking_numbers: ['0034123456789', ' 0034987654321 ', ''],
    });
    expect(server.received[0]).toMatchObject({ method: 'PATCH', path: '/v2/order-units/11/send' });
    expect(JSON.parse(server.received[0]!.body)).toEqual({
      carrier_code: 'DHL',
      tracking_numbers: '0034123456789,0034987654321',
    });
  });

  it('refuses a tracking number containing a comma before calling', async () => {
    const { client, server } = await connect(() => ({ status: 204 }));
    await expect(
      client.orderUnits.send(11, { carrier_code: 'DHL', tracking_numbers: ['1,2'] }),
    ).rejects.toMatchObject({
      kind: 'rejected',
      code: 'kaufland.invalid_tracking_number',
    });
    expect(server.received).toHaveLength(0);
  });

  it('cancels with a reason and fulfils without a body', async () => {
    const { client, server } = await connect(() => ({ status: 204 }));
    await client.orderUnits.cancel(12, 'NoInventory');
    await client.orderUnits.fulfil(13);
    expect(server.received.map((request) => [request.method, request.path, request.body])).toEqual([
      ['PATCH', '/v2/order-units/12/cancel', '{"reason":"NoInventory"}'],
      ['PATCH', '/v2/order-units/13/fulfil', ''],
    ]);
  });
});

describe('orders', () => {
  it('lists headers and gets an order with its units', async () => {
    const header = {
      id_order: 'MRKABC1',
      ts_created_iso: '2024-03-01T09:00:00Z',
      is_marketplace_deemed_supplier: false,
      order_units_count: 1,
      ts_units_updated_iso: '2024-03-01T09:00:00Z',
      storefront: 'de',
      fulfillment_type: 'fulfilled_by_merchant',
    };
    const { buyer, billing_address, shipping_address, fulfillment_type: _, ...unit } = orderUnitFixture();
    const { client, server } = await connect(({ path }) =>
      path === '/v2/orders'
        ? page([header], 0, 100, 1)
        : {
            status: 200,
            body: { data: { ...header, order_units: [unit], buyer, billing_address, shipping_address } },
          },
    );
    const orders = [];
    for await (const order of client.orders.iterate({
      storefront: 'de',
      ts_units_updated_from_iso: '2024-03-01T00:00:00Z',
    })) {
      orders.push(order);
    }
    expect(orders.map((order) => order.id_order)).toEqual(['MRKABC1']);
    const details = await client.orders.get('MRKABC1');
    expect(details.order_units.map((item) => item.id_order_unit)).toEqual([314567898654242]);
    expect(server.received.map((request) => request.path)).toEqual(['/v2/orders', '/v2/orders/MRKABC1']);
  });
});

describe('units', () => {
  it('creates a unit from a 200 with the unit', async () => {
    const { client, server } = await connect(() => ({
      status: 200,
      body: { data: unitFixture({ id_unit: 77 }) },
    }));
    const created = await client.units.create('de', {
      id_offer: 'SKU-1',
      ean: '4006381333931',
      listing_price: 1999,
      handling_time: 1,
      amount: 5,
      condition: 'NEW',
    });
    expect(created).toMatchObject({
      id_unit: 77,
      unit: { id_offer: 'SKU-1', extra_field: 'from a newer API version' },
    });
    expect(server.received[0]!.url).toMatch(/\/v2\/units\?storefront=de$/);
  });

  it('creates a unit from an empty answer with a Location header', async () => {
    const { client } = await connect(() => ({ status: 201, headers: { location: '/v2/units/987654/' } }));
    const created = await client.units.create('de', {
      id_offer: 'SKU-2',
      ean: '1',
      listing_price: 1,
      handling_time: 0,
      amount: 0,
      condition: 'NEW',
    });
    expect(created).toEqual({ unit: undefined, id_unit: 987654, location: '/v2/units/987654/' });
  });

  it('treats an empty create answer without Location as a bad response', async () => {
    const { client } = await connect(() => ({ status: 200 }));
    const error: unknown = await client.units
      .create('de', {
        id_offer: 'SKU-3',
        ean: '1',
        listing_price: 1,
        handling_time: 0,
        amount: 0,
        condition: 'NEW',
      })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'kaufland.bad_response' });
  });

  it('finds units by id_offer, gets and patches one', async () => {
    const { client, server } = await connect(({ method, path }) =>
      path === '/v2/units'
        ? page([unitFixture()], 0, 100, 1)
        : { status: 200, body: { data: unitFixture({ amount: method === 'PATCH' ? 3 : 5 }) } },
    );
    expect((await client.units.listByOffer('de', 'SKU 1/ü')).map((unit) => unit.id_unit)).toEqual([
      123456789,
    ]);
    expect((await client.units.get('de', 123456789)).amount).toBe(5);
    expect((await client.units.patch('de', 123456789, { amount: 3, listing_price: 1999 })).amount).toBe(3);
    expect(server.received[0]!.query.get('id_offer')).toBe('SKU 1/ü');
    expect(server.received[2]).toMatchObject({ method: 'PATCH', body: '{"amount":3,"listing_price":1999}' });
  });

  it('sends bulk updates 150 per call and parses each 207 result', async () => {
    const { client, server } = await connect(({ body }) => {
      const items = JSON.parse(body) as { id_unit: number }[];
      const data = items.map(({ id_unit }) =>
        id_unit % 100 === 0
          ? {
              id_unit,
              status_code: 400,
              message: 'Invalid',
              errors: [{ field: 'amount', message: 'too high' }],
            }
          : id_unit === 5
            ? { id_unit, status_code: 500, key: 'internal', message: 'Try again' }
            : { id_unit, status_code: 200, unit: unitFixture({ id_unit }) },
      );
      return { status: 207, body: { data } };
    });
    const updates = Array.from({ length: 320 }, (_, i) => ({ id_unit: i + 1, unit_data: { amount: 1 } }));
    const results = await client.units.bulkUpdate('de', updates);
    expect(server.received.map((request) => (JSON.parse(request.body) as unknown[]).length)).toEqual([
      150, 150, 20,
    ]);
    expect(results).toHaveLength(320);
    expect(results.filter((result) => !result.ok).map((result) => result.id_unit)).toEqual([
      5, 100, 200, 300,
    ]);
    expect(results[99]).toEqual({
      id_unit: 100,
      ok: false,
      status_code: 400,
      message: 'Invalid',
      fields: [{ field: 'amount', message: 'too high' }],
    });
    expect(results[4]).toMatchObject({ ok: false, status_code: 500, fields: [] });
    expect(results[0]).toMatchObject({ ok: true, unit: { id_unit: 1 } });
  });

  it('refuses duplicate units in a bulk update and sends nothing for an empty one', async () => {
    const { client, server } = await connect(() => ({ status: 207, body: { data: [] } }));
    await expect(
      client.units.bulkUpdate('de', [
        { id_unit: 1, unit_data: { amount: 1 } },
        { id_unit: 1, unit_data: { amount: 2 } },
      ]),
    ).rejects.toMatchObject({ kind: 'bug', code: 'kaufland.bulk_duplicate_unit' });
    expect(await client.units.bulkUpdate('de', [])).toEqual([]);
    expect(server.received).toHaveLength(0);
  });

  it('reads the unit id from Location headers of any form', () => {
    expect(idFromLocation('https://sellerapi.kaufland.com/v2/units/123')).toBe(123);
    expect(idFromLocation('/v2/units/123/?storefront=de')).toBe(123);
    expect(idFromLocation('/v2/units/')).toBeUndefined();
  });
});

describe('status, info, carriers', () => {
  it('pings, lists storefronts and carriers', async () => {
    const { client } = await connect(({ path }) => {
      if (path === '/v2/status/ping') return { status: 200, body: { data: { message: 'pong' } } };
      if (path === '/v2/info/storefront') return { status: 200, body: { data: ['de', 'cz', 'es'] } };
      return { status: 200, body: { data: { carriers: [{ name: 'DHL', isHauler: false }] } } };
    });
    expect(await client.status.ping()).toBe('pong');
    expect(await client.info.getStorefronts()).toEqual(['de', 'cz', 'es']);
    expect(await client.carriers.list()).toEqual([{ name: 'DHL', isHauler: false }]);
  });
});
