import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { createKauflandApi } from './kaufland.api.ts';
import { AUTH_FAILED_MESSAGE } from './kaufland.errors.ts';
import { createKauflandTransport, type CallMetric, type TransportOptions } from './kaufland.transport.ts';
import { signRequest } from './signature.ts';
import { dataOf } from './schemas/common.ts';
import { z } from 'zod';
import {
  freshKey,
  startLocalServer,
  type LocalServer,
  type Reply,
  type Received,
} from './test-support/local-server.ts';

const SECRET = 'a7d0cb1da1ddbc86c96ee5fedd341b7d8ebfbb2f5c83cfe0909f4e57f05dd403';
const FAST_RETRY = { retries: 3, minDelayMs: 1, maxDelayMs: 4 };
const pingSchema = dataOf(z.object({ message: z.string() }));

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(
  reply: (request: Received) => Reply | Promise<Reply>,
  options: Partial<TransportOptions> = {},
) {
  server = await startLocalServer(reply);
  const metrics: CallMetric[] = [];
  const transport = createKauflandTransport({
    baseUrl: server.baseUrl,
    clientKey: freshKey(),
    secretKey: SECRET,
    retry: FAST_RETRY,
    onCall: (metric) => metrics.push(metric),
    ...options,
  });
  return { server, transport, api: createKauflandApi(transport), metrics };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function signatureOk(request: Received): boolean {
  return (
    request.headers['shop-signature'] ===
    signRequest({
      method: request.method,
      uri: request.url,
      body: request.body,
      timestamp: Number(request.headers['shop-timestamp']),
      secret: SECRET,
    })
  );
}

describe('Kaufland transport: the request on the wire', () => {
  it('signs the exact URL and body it sends, with the documented headers', async () => {
    const { transport, server } = await setup((request) =>
      signatureOk(request)
        ? { status: 200, body: { data: 'ok' } }
        : { status: 401, body: { message: 'bad' } },
    );
    await transport.send({
      method: 'PATCH',
      path: '/units/{id_unit}',
      pathParams: { id_unit: 42 },
      query: {
        storefront: 'de',
        status: ['open', 'need_to_be_sent'],
        from: '2024-01-01T00:00:00+01:00',
        q: "it's",
        none: undefined,
      },
      body: { note: 'Größe – 5 €', amount: 5 },
    });
    const [request] = server.received;
    expect(request).toBeDefined();
    expect(request!.path).toBe('/v2/units/42');
    expect(request!.url).toContain(
      '?storefront=de&status=open&status=need_to_be_sent&from=2024-01-01T00%3A00%3A00%2B01%3A00&q=it%27s',
    );
    expect(request!.url).not.toContain('none');
    expect(request!.body).toBe('{"note":"Größe – 5 €","amount":5}');
    const { headers } = request!;
    expect(headers).toMatchObject({ accept: 'application/json', 'content-type': 'application/json' });
    expect(headers['shop-client-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(headers['shop-timestamp']).toMatch(/^\d{10}$/);
    expect(headers['user-agent']).toMatch(/^AdlerDo\/\d+\.\d+\.\d+/);
    expect(signatureOk(request!)).toBe(true);
  });

  it('sends no Content-Type and signs an empty body for a GET', async () => {
    const { api, server } = await setup(() => ({ status: 200, body: { data: { message: 'pong' } } }));
    await api.json({ method: 'GET', path: '/status/ping' }, pingSchema);
    expect(server.received[0]!.headers['content-type']).toBeUndefined();
    expect(server.received[0]!.body).toBe('');
    expect(signatureOk(server.received[0]!)).toBe(true);
  });

  it('signs with the injected clock in whole seconds', async () => {
    const { transport, server } = await setup(() => ({ status: 204 }), { now: () => 1_700_000_000_999 });
    await transport.send({
      method: 'PATCH',
      path: '/order-units/{id_order_unit}/fulfil',
      pathParams: { id_order_unit: 1 },
    });
    expect(server.received[0]!.headers['shop-timestamp']).toBe('1700000000');
  });
});

describe('Kaufland transport: retries', () => {
  it('retries a 429 and then succeeds, re-signing each attempt', async () => {
    let calls = 0;
    const { api, server, metrics } = await setup(() =>
      ++calls === 1
        ? { status: 429, body: { message: 'Too many requests' } }
        : { status: 200, body: { data: { message: 'pong' } } },
    );
    const body = await api.json({ method: 'GET', path: '/status/ping' }, pingSchema);
    expect(body.data.message).toBe('pong');
    expect(server.received).toHaveLength(2);
    expect(server.received.every(signatureOk)).toBe(true);
    expect(metrics.map((metric) => metric.status)).toEqual([429, 200]);
    expect(metrics[0]).toMatchObject({ method: 'GET', endpoint: '/status/ping' });
  });

  it('gives up on 500s after the configured retries with a transient server_error', async () => {
    const { transport, server } = await setup(() => ({ status: 500, body: { message: 'boom' } }));
    const error = await failure(transport.send({ method: 'GET', path: '/carriers' }));
    expect(error).toMatchObject({ kind: 'transient', code: 'kaufland.server_error' });
    expect(error.details).toMatchObject({ status: 500, attempts: 4 });
    expect(server.received).toHaveLength(1 + FAST_RETRY.retries);
  });

  it('reports a transient rate_limited when 429 never stops', async () => {
    const { transport } = await setup(() => ({ status: 429 }), { retry: { ...FAST_RETRY, retries: 1 } });
    const error = await failure(transport.send({ method: 'GET', path: '/carriers' }));
    expect(error).toMatchObject({ kind: 'transient', code: 'kaufland.rate_limited' });
  });

  it('maps 401 to config auth_failed at once, without retrying or leaking secrets', async () => {
    const { transport, server } = await setup(() => ({
      status: 401,
      body: { type: '/problems/invalid-credentials', message: 'Invalid credentials', errors: [] },
    }));
    const error = await failure(transport.send({ method: 'GET', path: '/info/storefront' }));
    expect(error).toMatchObject({
      kind: 'config',
      code: 'kaufland.auth_failed',
      message: AUTH_FAILED_MESSAGE,
    });
    expect(server.received).toHaveLength(1);
    const signature = String(server.received[0]!.headers['shop-signature']);
    const everything = JSON.stringify({ message: error.message, details: error.details, stack: error.stack });
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(signature);
  });

  it('does not retry other 4xx: 400 becomes rejected with the vendor message and fields', async () => {
    const { transport, server } = await setup(() => ({
      status: 400,
      body: {
        type: '/problems/validation-error',
        message: 'Invalid input',
        errors: [{ field: 'listing_price', message: 'must be > 0' }],
      },
    }));
    const error = await failure(
      transport.send({ method: 'POST', path: '/units', query: { storefront: 'de' }, body: {} }),
    );
    expect(error).toMatchObject({
      kind: 'rejected',
      code: 'kaufland.bad_request',
      message: 'Invalid input',
      fields: [{ field: 'listing_price', message: 'must be > 0' }],
    });
    expect(server.received).toHaveLength(1);
  });

  it.each([
    [403, 'kaufland.forbidden'],
    [404, 'kaufland.not_found'],
    [422, 'kaufland.validation_failed'],
    [423, 'kaufland.locked'],
    [409, 'kaufland.rejected'],
  ])('maps %i to rejected %s', async (status, code) => {
    const { transport, server } = await setup(() => ({ status, body: { message: 'Nope' } }));
    const error = await failure(
      transport.send({
        method: 'PATCH',
        path: '/order-units/{id_order_unit}/fulfil',
        pathParams: { id_order_unit: 7 },
      }),
    );
    expect(error).toMatchObject({ kind: 'rejected', code, message: 'Nope' });
    expect(server.received).toHaveLength(1);
  });

  it('keeps a helpful message when a 404 has no JSON body', async () => {
    const { transport } = await setup(() => ({ status: 404, body: 'Not Found' }));
    const error = await failure(
      transport.send({ method: 'GET', path: '/orders/{id_order}', pathParams: { id_order: 'X' } }),
    );
    expect(error).toMatchObject({ kind: 'rejected', code: 'kaufland.not_found' });
    expect(error.message).toContain('GET /orders/{id_order}');
  });
});

describe('Kaufland transport: broken answers and networks', () => {
  it('maps a body that is not JSON to transient bad_response, without retrying', async () => {
    const { api, server } = await setup(() => ({ status: 200, body: '{"data": {"message": "po' }));
    const error = await failure(api.json({ method: 'GET', path: '/status/ping' }, pingSchema));
    expect(error).toMatchObject({ kind: 'transient', code: 'kaufland.bad_response' });
    expect(server.received).toHaveLength(1);
  });

  it('maps a body that fails the schema to bad_response, naming the path', async () => {
    const { api } = await setup(() => ({ status: 200, body: { data: { message: 42 } } }));
    const error = await failure(api.json({ method: 'GET', path: '/status/ping' }, pingSchema));
    expect(error).toMatchObject({ kind: 'transient', code: 'kaufland.bad_response' });
    expect(error.details?.issues).toEqual([expect.stringContaining('data.message')]);
  });

  it('maps an empty body where data is required to bad_response', async () => {
    const { api } = await setup(() => ({ status: 200 }));
    const error = await failure(api.json({ method: 'GET', path: '/status/ping' }, pingSchema));
    expect(error.code).toBe('kaufland.bad_response');
  });

  it('accepts 204 and empty bodies where none is expected', async () => {
    const { api } = await setup(() => ({ status: 204 }));
    await expect(
      api.noContent({
        method: 'PATCH',
        path: '/order-units/{id_order_unit}/fulfil',
        pathParams: { id_order_unit: 1 },
      }),
    ).resolves.toBeUndefined();
    await expect(api.jsonOrEmpty({ method: 'POST', path: '/units', body: {} }, pingSchema)).resolves.toEqual({
      data: undefined,
      location: undefined,
    });
  });

  it('maps a refused connection to transient unreachable naming the origin', async () => {
    const { server: dead } = await setup(() => ({ status: 200 }));
    await dead.close();
    server = undefined;
    const transport = createKauflandTransport({
      baseUrl: dead.baseUrl,
      clientKey: freshKey(),
      secretKey: SECRET,
      retry: FAST_RETRY,
    });
    const error = await failure(transport.send({ method: 'GET', path: '/info/storefront' }));
    expect(error).toMatchObject({
      kind: 'transient',
      code: 'kaufland.unreachable',
      message: `Kaufland could not be reached at ${dead.origin}: check the base URL and your network.`,
    });
    expect(error.details).toMatchObject({ cause: 'ECONNREFUSED', attempts: 4 });
  });

  it('maps a DNS failure to unreachable', async () => {
    const transport = createKauflandTransport({
      baseUrl: 'http://kaufland.invalid/v2',
      clientKey: freshKey(),
      secretKey: SECRET,
      retry: { ...FAST_RETRY, retries: 0 },
    });
    const error = await failure(transport.send({ method: 'GET', path: '/info/storefront' }));
    expect(error).toMatchObject({ kind: 'transient', code: 'kaufland.unreachable' });
  });

  it('times out a silent server, retries, then reports kaufland.timeout', async () => {
    const { transport, server, metrics } = await setup(() => 'hang', {
      timeoutMs: 150,
      retry: { ...FAST_RETRY, retries: 1 },
    });
    const started = performance.now();
    const error = await failure(transport.send({ method: 'GET', path: '/status/ping' }));
    expect(error).toMatchObject({ kind: 'transient', code: 'kaufland.timeout' });
    expect(error.message).toContain('0.15 s');
    expect(server.received).toHaveLength(2);
    expect(metrics.map((metric) => metric.status)).toEqual([0, 0]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('refuses an unusable base URL or keys with whitespace up front, as config errors', () => {
    const base = { clientKey: freshKey(), secretKey: SECRET };
    expect(() => createKauflandTransport({ ...base, baseUrl: 'sellerapi.kaufland.com' })).toThrow(
      expect.objectContaining({ kind: 'config', code: 'kaufland.invalid_base_url' }),
    );
    expect(() =>
      createKauflandTransport({ ...base, baseUrl: 'https://x/v2', secretKey: `${SECRET}\n` }),
    ).toThrow(expect.objectContaining({ kind: 'config', code: 'kaufland.invalid_keys' }));
  });
});

describe('Kaufland transport: calls that name their refusal or must happen once', () => {
  const refusal = { code: 'kaufland.document_refused', advice: 'Upload a PDF.' };

  it('names a 400 or 413 with the call’s own code, quoting Kaufland’s fields before the advice', async () => {
    const { transport } = await setup(() => ({
      status: 400,
      body: { message: 'invalid', errors: [{ field: 'mime_type', message: 'only application/pdf' }] },
    }));
    const error = await failure(
      transport.send({
        method: 'POST',
        path: '/order-invoices/{id_order}',
        pathParams: { id_order: 'MB7UWLD' },
        refusal,
      }),
    );
    expect(error).toMatchObject({ kind: 'rejected', code: 'kaufland.document_refused' });
    expect(error.message).toBe(
      'Kaufland refused POST /order-invoices/{id_order}: mime_type: only application/pdf. Upload a PDF.',
    );
    await server?.close();
    const large = await setup(() => ({ status: 413 }));
    const tooLarge = await failure(
      large.transport.send({
        method: 'POST',
        path: '/order-invoices/{id_order}',
        pathParams: { id_order: 'MB7UWLD' },
        refusal,
      }),
    );
    expect(tooLarge).toMatchObject({
      code: 'kaufland.document_refused',
      message: expect.stringContaining('too large'),
    });
  });

  it('keeps 403 and 404 as they are for such a call', async () => {
    const { transport } = await setup(() => ({ status: 404, body: { message: 'Order not found' } }));
    const error = await failure(
      transport.send({
        method: 'POST',
        path: '/order-invoices/{id_order}',
        pathParams: { id_order: 'MB7UWLD' },
        refusal,
      }),
    );
    expect(error).toMatchObject({ kind: 'rejected', code: 'kaufland.not_found', message: 'Order not found' });
  });

  it('retries a once-call only on 429, and turns a 500 into outcome_unknown after one attempt', async () => {
    let calls = 0;
    const { transport, server: local } = await setup(() => {
      calls += 1;
      return calls === 1 ? { status: 429 } : { status: 500, body: { message: 'boom' } };
    });
    const error = await failure(
      transport.send({
        method: 'PATCH',
        path: '/order-units/{id_order_unit}/refund',
        pathParams: { id_order_unit: 1 },
        once: 'the refund of 5 cents',
      }),
    );
    expect(error).toMatchObject({ kind: 'rejected', code: 'kaufland.outcome_unknown' });
    expect(error.message).toContain('Kaufland did not confirm the refund of 5 cents');
    expect(local.received).toHaveLength(2);
  });

  it('leaves a looked-up call transient after a 500, without a blind second attempt', async () => {
    let calls = 0;
    const { transport, server: local } = await setup(() => {
      calls += 1;
      return calls === 1 ? { status: 429 } : { status: 500, body: { message: 'boom' } };
    });
    const error = await failure(
      transport.send({
        method: 'POST',
        path: '/order-invoices/{id_order}',
        pathParams: { id_order: 'MB7UWLD' },
        lookedUpBeforeRetry: true,
      }),
    );
    // The 429 is retried (nothing stored), the 500 is not: the hub's next run looks the document up first.
    expect(error).toMatchObject({ kind: 'transient' });
    expect(local.received).toHaveLength(2);
  });

  it('lets a once-call that succeeds after a 429 through', async () => {
    let calls = 0;
    const { transport } = await setup(() => {
      calls += 1;
      return calls === 1 ? { status: 429 } : { status: 204 };
    });
    const response = await transport.send({
      method: 'PATCH',
      path: '/order-units/{id_order_unit}/refund',
      pathParams: { id_order_unit: 1 },
      once: 'the refund',
    });
    expect(response.status).toBe(204);
  });
});
