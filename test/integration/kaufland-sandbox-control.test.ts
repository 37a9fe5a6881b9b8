import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startKauflandSandbox,
  type KauflandSandbox,
  type SellerCredentials,
} from '../../src/sandbox/kaufland/index.ts';

// The control API, fault injection, the snapshot file and the CLI command.

async function signedFetch(
  baseUrl: string,
  creds: SellerCredentials,
  method: string,
  url: string,
  body?: unknown,
) {
  const full = `${baseUrl}${url}`;
  const raw = body === undefined ? '' : JSON.stringify(body);
  const ts = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', creds.secret_key)
    .update(`${method}\n${full}\n${raw}\n${ts}`)
    .digest('hex');
  return fetch(full, {
    method,
    body: raw === '' ? undefined : raw,
    headers: {
      'Shop-Client-Key': creds.client_key,
      'Shop-Timestamp': String(ts),
      'Shop-Signature': signature,
    },
  });
}

async function control(sandbox: KauflandSandbox, method: string, pathName: string, body?: unknown) {
  const response = await fetch(`${sandbox.origin}${pathName}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: text === '' ? undefined : JSON.parse(text) };
}

describe('control API', () => {
  let sandbox: KauflandSandbox;
  beforeAll(async () => {
    sandbox = await startKauflandSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });
  beforeEach(() => sandbox.reset());

  it('creates sellers with generated or given keys and refuses a taken client key', async () => {
    const generated = await control(sandbox, 'POST', '/_sandbox/sellers', { storefronts: ['de', 'pl'] });
    expect(generated.status).toBe(201);
    expect(generated.json.data).toEqual({
      client_key: expect.stringMatching(/^[0-9a-f]{32}$/),
      secret_key: expect.stringMatching(/^[0-9a-f]{64}$/),
      storefronts: ['de', 'pl'],
    });
    const given = { client_key: 'c'.repeat(32), secret_key: 's'.repeat(64), storefronts: ['de'] };
    expect((await control(sandbox, 'POST', '/_sandbox/sellers', given)).json.data).toEqual(given);
    const taken = await control(sandbox, 'POST', '/_sandbox/sellers', given);
    expect(taken.status).toBe(409);
    expect(taken.json.errors).toEqual([{ field: 'client_key', message: 'already in use' }]);
    const wrong = await control(sandbox, 'POST', '/_sandbox/sellers', { storefronts: ['uk'] });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors[0].field).toBe('storefronts[0]');
    expect((await control(sandbox, 'POST', '/_sandbox/sellers/nobody123/rotate-keys')).status).toBe(404);
  });

  it('shows the state without secrets, moves order units to any status and resets', async () => {
    const seller = sandbox.addSeller({ storefronts: ['de'] });
    const created = await signedFetch(sandbox.baseUrl, seller, 'POST', '/units?storefront=de', {
      id_offer: 'STATE-1',
      ean: '4006381333931',
      listing_price: 500,
      handling_time: 0,
      amount: 3,
    });
    expect(created.status).toBe(200);
    const order = sandbox.createOrder({
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: 'STATE-1' }],
    });
    const id = order.order_units[0]!.id_order_unit;
    const moved = await control(sandbox, 'PATCH', `/_sandbox/order-units/${id}`, { status: 'received' });
    expect(moved.json.data).toMatchObject({
      status: 'received',
      order_received_timestamp_iso: expect.any(String),
    });

    const state = await control(sandbox, 'GET', '/_sandbox/state');
    expect(state.text).not.toContain(seller.secret_key);
    expect(state.json.data).toMatchObject({
      sellers: [{ client_key: seller.client_key, storefronts: ['de'] }],
      units: [{ client_key: seller.client_key, id_offer: 'STATE-1', amount: 2 }],
      orders: [{ id_order: order.id_order, order_units_count: 1 }],
      order_units: [{ id_order_unit: id, status: 'received' }],
      shipments: [],
      faults: { rate: 0 },
    });
    expect((await control(sandbox, 'POST', '/_sandbox/reset')).status).toBe(204);
    expect(sandbox.state()).toMatchObject({ sellers: [], units: [], orders: [], order_units: [] });
    expect((await signedFetch(sandbox.baseUrl, seller, 'GET', '/status/ping')).status).toBe(401);
  });

  it('validates control bodies strictly and answers unknown routes with 404', async () => {
    const seller = sandbox.addSeller();
    const reply = await control(sandbox, 'POST', '/_sandbox/orders', {
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: 'NONE', qty: 1 }],
    });
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toContainEqual({ field: 'items[0].qty', message: 'unknown field' });
    expect((await control(sandbox, 'GET', '/_sandbox/nothing')).status).toBe(404);
    expect((await control(sandbox, 'GET', '/elsewhere')).status).toBe(404);
  });
});

describe('faults', () => {
  let sandbox: KauflandSandbox;
  let seller: SellerCredentials;
  beforeAll(async () => {
    sandbox = await startKauflandSandbox();
    seller = sandbox.addSeller();
  });
  afterEach(() => {
    sandbox.setFaults({ rate: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('answers 500 and 429 with error bodies, only on /v2', async () => {
    const set = await control(sandbox, 'POST', '/_sandbox/faults', { rate: 1, kinds: ['500'] });
    expect(set.json.data).toEqual({ rate: 1, kinds: ['500'], timeout_ms: 30_000 });
    const failed = await signedFetch(sandbox.baseUrl, seller, 'GET', '/status/ping');
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ type: '/problems/server-error', errors: [] });
    expect((await control(sandbox, 'GET', '/_sandbox/state')).status).toBe(200);
    sandbox.setFaults({ rate: 1, kinds: ['429'] });
    expect((await signedFetch(sandbox.baseUrl, seller, 'GET', '/status/ping')).status).toBe(429);
    sandbox.setFaults({ rate: 0 });
    expect((await signedFetch(sandbox.baseUrl, seller, 'GET', '/status/ping')).status).toBe(200);
  });

  it('sends 200 with broken JSON for malformed, after applying the request', async () => {
    const unit = await (
      await signedFetch(sandbox.baseUrl, seller, 'POST', '/units?storefront=de', {
        id_offer: 'FAULT-1',
        ean: '4006381333931',
        listing_price: 100,
        handling_time: 1,
      })
    ).json();
    sandbox.setFaults({ rate: 1, kinds: ['malformed'] });
    const reply = await signedFetch(
      sandbox.baseUrl,
      seller,
      'PATCH',
      `/units/${unit.data.id_unit}?storefront=de`,
      {
        amount: 42,
      },
    );
    expect(reply.status).toBe(200);
    const text = await reply.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(sandbox.state().units[0]!.amount).toBe(42);
  });

  it('holds the request and drops the connection for timeout', async () => {
    sandbox.setFaults({ rate: 1, kinds: ['timeout'], timeout_ms: 300 });
    const started = Date.now();
    await expect(signedFetch(sandbox.baseUrl, seller, 'GET', '/status/ping')).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect((await control(sandbox, 'POST', '/_sandbox/faults', { rate: 2 })).status).toBe(400);
    expect((await control(sandbox, 'POST', '/_sandbox/faults', { rate: 1, kinds: ['boom'] })).status).toBe(
      400,
    );
  });

  it('close() releases a request held by the timeout fault', async () => {
    const own = await startKauflandSandbox();
    const ownSeller = own.addSeller();
    own.setFaults({ rate: 1, kinds: ['timeout'] });
    const pending = signedFetch(own.baseUrl, ownSeller, 'GET', '/status/ping').catch(
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await own.close();
    expect(await pending).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('snapshot file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kaufland-sandbox-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('persists the state on change and reloads it on start', async () => {
    const file = path.join(dir, 'nested', 'state.json');
    const first = await startKauflandSandbox({ snapshotFile: file });
    const seller = first.addSeller({ storefronts: ['de', 'at'] });
    const created = await signedFetch(first.baseUrl, seller, 'POST', '/units?storefront=de', {
      id_offer: 'SNAP-1',
      ean: '4006381333931',
      listing_price: 999,
      handling_time: 1,
      amount: 5,
    });
    expect(created.status).toBe(200);
    const order = first.createOrder({
      client_key: seller.client_key,
      storefront: 'de',
      items: [{ id_offer: 'SNAP-1' }],
    });
    // The debounced write happens by itself, without close().
    await new Promise((resolve) => setTimeout(resolve, 600));
    const written = JSON.parse(await readFile(file, 'utf8'));
    expect(written).toMatchObject({
      version: 1,
      units: [{ id_offer: 'SNAP-1' }],
      orders: [{ id_order: order.id_order }],
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const before = first.state();
    await first.close();

    const second = await startKauflandSandbox({ snapshotFile: file });
    try {
      expect(second.state()).toEqual(before);
      const units = await signedFetch(second.baseUrl, seller, 'GET', '/units?storefront=de&id_offer=SNAP-1');
      expect(units.status).toBe(200);
      expect((await units.json()).data[0].amount).toBe(4);
      const next = second.createOrder({
        client_key: seller.client_key,
        storefront: 'de',
        items: [{ id_offer: 'SNAP-1' }],
      });
      expect(next.id_order).not.toBe(order.id_order);
      expect(next.order_units[0]!.id_order_unit).toBeGreaterThan(order.order_units[0]!.id_order_unit);
    } finally {
      await second.close();
    }
  });

  it('refuses to start on a corrupt snapshot rather than overwrite it', async () => {
    const file = path.join(dir, 'corrupt.json');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, '{"version":1,"sellers":');
    await expect(startKauflandSandbox({ snapshotFile: file })).rejects.toMatchObject({
      kind: 'config',
      code: 'kaufland_sandbox.snapshot_corrupt',
    });
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"sellers":');
  });
});

describe('CLI: adlerdo sandbox kaufland', () => {
  it('starts on the given port, prints the base URL and demo keys, and stops on SIGTERM', async () => {
    const script = [
      "import { sandboxKauflandCommand } from './src/cli/commands/sandbox-kaufland.ts';",
      "await sandboxKauflandCommand().parseAsync(['--port', '0', '--seed-demo'], { from: 'user' });",
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start-up line; stdout: ${stdout}`)), 30_000);
        child.stdout.on('data', () => {
          if (stdout.includes('Press Ctrl+C')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const baseUrl = /Kaufland sandbox API:\s+(\S+)/.exec(stdout)?.[1];
      const clientKey = /client key: (\S+)/.exec(stdout)?.[1];
      const secretKey = /secret key: (\S+)/.exec(stdout)?.[1];
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
      const demo = { client_key: clientKey!, secret_key: secretKey!, storefronts: [] };
      const units = await signedFetch(baseUrl!, demo, 'GET', '/units?storefront=de');
      expect(units.status).toBe(200);
      expect((await units.json()).data.map((u: { id_offer: string }) => u.id_offer)).toEqual([
        'DEMO-001',
        'DEMO-002',
      ]);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
