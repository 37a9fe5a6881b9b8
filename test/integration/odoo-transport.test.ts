import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import { connectOdoo, verifyConnection } from '../../src/connectors/odoo/index.ts';
import { startOdooSandbox, type OdooSandbox } from '../../src/sandbox/odoo/index.ts';

/** Version detection, both transports, and every unhappy path the ERP connection screen must tell apart. */
let v17: OdooSandbox;
let v19: OdooSandbox;
const fast = { retries: 3, minRetryDelayMs: 5 };
const creds = (s: OdooSandbox, secret = s.password) => ({
  url: s.url,
  database: s.database,
  login: s.login,
  secret,
  ...fast,
});

beforeAll(async () => {
  [v17, v19] = await Promise.all([startOdooSandbox({ version: 17 }), startOdooSandbox({ version: 19 })]);
});
afterAll(async () => {
  await Promise.all([v17.close(), v19.close()]);
});

const failure = (promise: Promise<unknown>): Promise<AppError> =>
  promise.then(
    () => {
      throw new AppError('bug', 'test.expected_failure', 'expected a failure');
    },
    (error: unknown) => error as AppError,
  );

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('version detection and transport choice', () => {
  it('uses JSON-RPC for Odoo 17', async () => {
    const client = await connectOdoo(creds(v17));
    expect([client.version.major, client.transport.kind, client.uid]).toEqual([17, 'jsonrpc', 2]);
  });

  it('uses JSON-2 with the API key for Odoo 19', async () => {
    const client = await connectOdoo(creds(v19, v19.apiKey));
    expect([client.version.major, client.transport.kind, client.uid]).toEqual([19, 'json2', 2]);
    expect(await client.searchCount('stock.warehouse', [])).toBe(1);
  });

  it('lets the user force JSON-RPC on Odoo 19, where /jsonrpc is still served', async () => {
    const client = await connectOdoo({ ...creds(v19), transport: 'jsonrpc' });
    expect(client.transport.kind).toBe('jsonrpc');
    expect(await client.searchCount('stock.warehouse', [])).toBe(1);
  });

  it('reads a method answering None (no `result` key) as null', async () => {
    const client = await connectOdoo(creds(v17));
    const [quant] = await client.createMany(
      'stock.quant',
      [{ product_id: 1, location_id: 8, inventory_quantity: 1 }],
      { inventory_mode: true },
    );
    expect(
      await client.call('stock.quant', 'action_apply_inventory', [quant!], {
        context: { inventory_mode: true },
      }),
    ).toBeNull();
  });
});

describe('unhappy paths', () => {
  it('wrong key → config odoo.auth_failed (JSON-RPC and JSON-2)', async () => {
    for (const input of [creds(v17, 'wrong'), creds(v19, 'wrong')]) {
      expect(await failure(verifyConnection(input))).toMatchObject({
        kind: 'config',
        code: 'odoo.auth_failed',
      });
    }
  });

  it('a key revoked after sign-in → odoo.auth_failed on the next call', async () => {
    const client = await connectOdoo(creds(v17));
    const admin = v17.instance.store.get('res.users', 2)!;
    const saved = admin.password;
    admin.password = 'rotated';
    try {
      expect(await failure(client.searchCount('res.partner', []))).toMatchObject({
        kind: 'config',
        code: 'odoo.auth_failed',
      });
    } finally {
      admin.password = saved;
    }
  });

  it('unknown database → config odoo.unknown_database (JSON-RPC and JSON-2)', async () => {
    for (const input of [
      { ...creds(v17), database: 'nosuchdb' },
      { ...creds(v19, v19.apiKey), database: 'nosuchdb' },
    ]) {
      expect(await failure(verifyConnection(input))).toMatchObject({
        kind: 'config',
        code: 'odoo.unknown_database',
      });
    }
  });

  it('unreachable URL → transient odoo.unreachable', async () => {
    const input = { ...creds(v17), url: `http://127.0.0.1:${await closedPort()}` };
    expect(await failure(verifyConnection(input))).toMatchObject({
      kind: 'transient',
      code: 'odoo.unreachable',
    });
  });

  it('a URL that is not Odoo → config odoo.not_odoo', async () => {
    const input = { ...creds(v17), url: `${v17.url}/somewhere` };
    expect(await failure(verifyConnection(input))).toMatchObject({ kind: 'config', code: 'odoo.not_odoo' });
  });

  it('missing rights → config odoo.access_denied naming the model', async () => {
    const admin = await connectOdoo(creds(v17));
    await admin.create('res.users', {
      name: 'Limited',
      login: 'limited',
      password: 'limited-pass',
      groups_id: [[6, 0, [1]]],
    });
    const error = await failure(
      verifyConnection({ ...creds(v17), login: 'limited', secret: 'limited-pass' }),
    );
    expect(error).toMatchObject({
      kind: 'config',
      code: 'odoo.access_denied',
      details: { model: 'stock.warehouse' },
    });
    expect(error.message).toContain('stock.warehouse');
  });

  it('ValidationError, UserError, MissingError, ValueError → rejected', async () => {
    const client = await connectOdoo(creds(v17));
    expect(await failure(client.create('sale.order', {}))).toMatchObject({
      kind: 'rejected',
      code: 'odoo.rejected',
    });
    expect(await failure(client.write('product.product', [99999], { name: 'x' }))).toMatchObject({
      kind: 'rejected',
      code: 'odoo.missing_record',
    });
    expect(await failure(client.create('product.product', { name: 'x', bogus: 1 }))).toMatchObject({
      kind: 'rejected',
      code: 'odoo.invalid_value',
    });
    const json2 = await connectOdoo(creds(v19, v19.apiKey));
    expect(await failure(json2.create('sale.order', {}))).toMatchObject({
      kind: 'rejected',
      code: 'odoo.rejected',
    });
  });

  it('5xx is retried: a read goes through after two 503s and a 500', async () => {
    const client = await connectOdoo(creds(v17));
    v17.setFaults({ rate: 1, kinds: ['http503', 'http500'], count: 3 });
    expect(await client.searchCount('stock.warehouse', [])).toBe(1);
  });

  it('a create is not repeated after a 500 (it may have run), but is after a 503 (it did not)', async () => {
    const client = await connectOdoo(creds(v17));
    v17.setFaults({ rate: 1, kinds: ['http500'], count: 1 });
    expect(await failure(client.create('res.partner', { name: 'Once' }))).toMatchObject({
      kind: 'transient',
      code: 'odoo.server_error',
    });
    v17.setFaults({ rate: 1, kinds: ['http503'], count: 1 });
    expect(await client.create('res.partner', { name: 'Twice' })).toBeGreaterThan(0);
  });

  it('gives up after the retry budget with a transient error; timeouts and resets are transient too', async () => {
    const client = await connectOdoo({ ...creds(v19, v19.apiKey), timeoutMs: 200 });
    v19.setFaults({ rate: 1, kinds: ['http502'], count: 10 });
    expect(await failure(client.searchCount('res.partner', []))).toMatchObject({
      kind: 'transient',
      code: 'odoo.server_error',
    });
    v19.setFaults({ rate: 1, kinds: ['timeout'], count: 1 });
    expect(await client.searchCount('stock.warehouse', [])).toBe(1);
    v19.setFaults({ rate: 1, kinds: ['reset'], count: 4 });
    expect(await failure(client.searchCount('stock.warehouse', []))).toMatchObject({
      kind: 'transient',
      code: 'odoo.unreachable',
    });
    v19.setFaults({ rate: 0 });
  });
});
