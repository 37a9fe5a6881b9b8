import { afterEach, describe, expect, it } from 'vitest';
import type { CallRecord, MarketplaceSession } from '../../core/ports/marketplace.port.ts';
import { openKauflandSession } from './kaufland.session.ts';
import { unitFixture } from './test-support/fixtures.ts';
import {
  freshKey,
  startLocalServer,
  type LocalServer,
  type Received,
  type Reply,
} from './test-support/local-server.ts';

/** What the sandbox cannot show: Kaufland answering a create with only a Location, and calls that never return. */
let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function open(
  reply: (request: Received) => Reply,
  options: { timeoutMs?: number } = {},
): Promise<{ session: MarketplaceSession; server: LocalServer; calls: CallRecord[] }> {
  server = await startLocalServer(reply);
  const calls: CallRecord[] = [];
  const session = openKauflandSession(
    { baseUrl: server.baseUrl, clientId: freshKey(), clientSecret: freshKey(64) },
    { retry: { retries: 0, minDelayMs: 1, maxDelayMs: 1 }, onCall: (call) => calls.push(call), ...options },
  );
  return { session, server, calls };
}

const offer = {
  sku: 'SKU-1',
  ean: '4006381333931',
  amount: 5,
  priceMinor: 1999,
  handlingTimeDays: 1,
  shippingGroupId: null,
};

describe('createOffer when Kaufland answers with only a Location header', () => {
  it('reads the new unit by the id in the Location (lists lag by minutes)', async () => {
    const { session, server, calls } = await open(({ method }) =>
      method === 'POST'
        ? { status: 201, headers: { location: '/v2/units/987/' } }
        : { status: 200, body: { data: unitFixture({ id_unit: 987 }) } },
    );
    expect(await session.createOffer('de', offer)).toMatchObject({ offerId: '987', sku: 'SKU-1' });
    expect(server.received.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v2/units',
      'GET /v2/units/987',
    ]);
    expect(calls.map(({ system, method, endpoint, status }) => [system, method, endpoint, status])).toEqual([
      ['kaufland', 'POST', '/units', 201],
      ['kaufland', 'GET', '/units/{id_unit}', 200],
    ]);
  });

  it('searches by SKU when the Location has no id, and answers undefined when nothing is listed yet', async () => {
    const { session, server } = await open(({ method }) =>
      method === 'POST'
        ? { status: 201, headers: { location: '/v2/units/pending' } }
        : { status: 200, body: { data: [], pagination: { offset: 0, limit: 100, total: 0 } } },
    );
    expect(await session.createOffer('de', offer)).toBeUndefined();
    expect(server.received[1]!.query.get('id_offer')).toBe('SKU-1');
  });

  it('does not fail a create that happened when the read-back fails', async () => {
    const { session } = await open(({ method }) =>
      method === 'POST'
        ? { status: 201, headers: { location: '/v2/units/987' } }
        : { status: 503, body: { message: 'down' } },
    );
    expect(await session.createOffer('de', offer)).toBeUndefined();
  });
});

describe('call records', () => {
  it('reports an exchange without an answer as timeout, with the endpoint template', async () => {
    const { session, calls } = await open(() => 'hang', { timeoutMs: 50 });
    await expect(session.getOrderLine('123')).rejects.toMatchObject({ code: 'kaufland.timeout' });
    expect(calls).toEqual([
      {
        system: 'kaufland',
        method: 'GET',
        endpoint: '/order-units/{id_order_unit}',
        status: 'timeout',
        ms: expect.any(Number),
      },
    ]);
  });

  it('reports a refused connection as network_error', async () => {
    const { session, server, calls } = await open(() => ({ status: 204 }));
    await server.close();
    await expect(session.listCarriers()).rejects.toMatchObject({ code: 'kaufland.unreachable' });
    expect(calls.map((call) => call.status)).toEqual(['network_error']);
  });
});
