import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, startTestApp, type TestApp } from '../helpers/app.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * What an operator's Prometheus sees: /metrics behind the admin session or a bearer token, and the counters
 * moving as the sync steps run against both sandboxes. The registry belongs to the process (one scrape of
 * `adlerdo start` sees server, worker and scheduler), so differences are compared, never absolute values.
 */

const PRODUCTS = [
  { sku: 'MET-1', ean: '4006381333986', name: 'Enamel mug', price: 12.5, qty: 30 },
  { sku: 'MET-2', ean: '4006381333993', name: 'Tea towel', price: 6.9, qty: 40 },
];
const TOKEN = `scrape-${randomBytes(16).toString('hex')}`;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format, as much of it as these assertions need: `name{a="b",…} value`. */
function parseMetrics(text: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) return [];
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[key!] = value!;
    return [{ name: match[1]!, labels, value: Number(match[3]) }];
  });
}

/** Sum of a metric's samples whose labels include `where`. */
function total(samples: Sample[], name: string, where: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

describe('GET /metrics', () => {
  let world: SyncWorld;
  let tokenApp: TestApp;
  let api: Awaited<ReturnType<typeof signedInClient>>;

  beforeAll(async () => {
    [world, tokenApp] = await Promise.all([
      startSyncWorld({
        products: PRODUCTS,
        settings: { productStockSync: true, carrierMapping: { 'Standard delivery': 'DHL' } },
      }),
      startTestApp({ ADLERDO_METRICS_TOKEN: TOKEN }),
    ]);
    api = await signedInClient(world.app);
  });
  afterAll(async () => {
    await world?.close();
    await tokenApp?.close();
  });

  const scrape = async () => {
    const response = await api('GET', '/metrics');
    expect(response.status).toBe(200);
    return parseMetrics(response.text);
  };

  it('answers 401 without a session or the token, and 200 to the configured bearer token', async () => {
    expect((await fetch(`${world.app.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${tokenApp.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${tokenApp.url}/metrics`, {
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(wrong.status).toBe(401);
    // Without a token configured, a bearer header is not a way in.
    const noTokenConfigured = await fetch(`${world.app.url}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(noTokenConfigured.status).toBe(401);

    const scraped = await fetch(`${tokenApp.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toContain('text/plain');
    const text = await scraped.text();
    for (const name of [
      'adlerdo_api_calls_total',
      'adlerdo_sync_runs_total',
      'adlerdo_order_latency_seconds',
    ])
      expect(text).toContain(`# TYPE ${name}`);
    expect(text).not.toContain(TOKEN);
  });

  it('counts API calls, sync runs and order latency as the steps run', async () => {
    const before = await scrape();

    expect((await world.run('catalog')).status).toBe('succeeded');
    expect((await world.run('stock')).status).toBe('succeeded'); // creates both offers on Kaufland
    const placed = world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'MET-1', quantity: 2 }],
    });
    const orders = await world.run('orders');
    expect(orders.status).toBe('succeeded');
    expect(orders.counts.created).toBe(1);
    world.odoo.ship({
      client_order_ref: placed.id_order,
      carrier: 'Standard delivery',
      tracking_ref: '00340434161234567890',
    });
    expect((await world.run('shipments')).counts.created).toBe(2);

    const after = await scrape();
    const moved = (name: string, where?: Record<string, string>) =>
      total(after, name, where) - total(before, name, where);

    expect(moved('adlerdo_api_calls_total', { system: 'kaufland' })).toBeGreaterThanOrEqual(2 + 1 + 2);
    expect(moved('adlerdo_api_calls_total', { system: 'odoo' })).toBeGreaterThan(0);
    expect(moved('adlerdo_api_calls_total', { system: 'kaufland', endpoint: 'POST /units' })).toBe(2);
    for (const step of ['catalog', 'stock', 'orders', 'shipments'])
      expect(moved('adlerdo_sync_runs_total', { step, status: 'succeeded' }), step).toBe(1);
    expect(moved('adlerdo_sync_run_duration_seconds_count', { step: 'orders' })).toBe(1);
    expect(moved('adlerdo_order_latency_seconds_count')).toBe(1);
    expect(moved('adlerdo_order_latency_seconds_sum')).toBeGreaterThanOrEqual(0);
  });

  // Known gap: src/sync/run-step.ts increments adlerdo_sync_runs_total only on success, so failed and paused
  // runs never show in the counter. Once its catch block does `syncRuns.inc({ step, status })`, this test
  // starts passing and `.fails` must go.
  it('counts a failed run as failed', async () => {
    const before = await scrape();
    world.odoo.setFaults({ rate: 1, kinds: ['http503'] });
    await expect(world.run('catalog')).rejects.toMatchObject({ kind: 'transient' });
    world.odoo.setFaults({ rate: 0 });
    const after = await scrape();
    const moved =
      total(after, 'adlerdo_sync_runs_total', { step: 'catalog', status: 'failed' }) -
      total(before, 'adlerdo_sync_runs_total', { step: 'catalog', status: 'failed' });
    expect(moved).toBe(1);
  });
});
