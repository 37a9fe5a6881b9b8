import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../helpers/app.ts';
import { startRun } from '../../src/sync/runs.repository.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

describe('GET /api/runs/:id: one run with its counts and API calls', () => {
  let world: SyncWorld;
  let api: Awaited<ReturnType<typeof signedInClient>>;
  beforeAll(async () => {
    world = await startSyncWorld({
      products: [{ sku: 'MUG-1', ean: '4006381333986', name: 'Blue mug', price: 10, qty: 3 }],
    });
    api = await signedInClient(world.app);
    await world.run('catalog');
  });
  afterAll(() => world?.close());

  it('answers a run from the run log with its calls per endpoint', async () => {
    const list = await api('GET', `/api/runs?account=${world.account.id}&step=catalog`);
    const listed = list.json.runs[0];
    const one = await api('GET', `/api/runs/${listed.id}`);
    expect(one.status).toBe(200);
    expect(one.json.run).toEqual(listed);
    expect(one.json.run).toMatchObject({ accountId: world.account.id, step: 'catalog', status: 'succeeded' });
    expect(Object.keys(one.json.run.apiCalls).some((k) => k.startsWith('odoo '))).toBe(true);
  });

  it('answers a run that is still running with zero counts, not missing ones (API and CLI read them)', async () => {
    const id = await startRun(world.app.ctx.db, world.account.id, 'stock', 'manual');
    const one = await api('GET', `/api/runs/${id}`);
    expect(one.status).toBe(200);
    expect(one.json.run).toMatchObject({ status: 'running', finishedAt: null, durationMs: null });
    expect(one.json.run.counts).toEqual({ read: 0, created: 0, updated: 0, skipped: 0, failed: 0 });
    const listed = await api('GET', `/api/runs?account=${world.account.id}&step=stock`);
    expect(listed.json.runs[0].counts.read).toBe(0);
    await world.app.ctx.db.deleteFrom('sync_runs').where('id', '=', id).execute();
  });

  it('answers 404 for an unknown run and 400 for an id that is not one', async () => {
    expect((await api('GET', '/api/runs/987654321')).status).toBe(404);
    for (const bad of ['abc', '0', '-1', '99999999999999999999', '1.5'])
      expect((await api('GET', `/api/runs/${bad}`)).status, bad).toBe(400);
  });

  it('still answers /api/runs/last as the last runs, not as a run id', async () => {
    const last = await api('GET', '/api/runs/last');
    expect(last.status).toBe(200);
    expect(Array.isArray(last.json.runs)).toBe(true);
  });
});

describe('the SKU-check CSV names each product and its EAN', () => {
  let world: SyncWorld;
  let api: Awaited<ReturnType<typeof signedInClient>>;
  beforeAll(async () => {
    world = await startSyncWorld({
      products: [{ sku: 'NO-EAN', name: 'Mug without EAN', price: 10, qty: 1 }],
    });
    api = await signedInClient(world.app);
    await world.run('catalog');
    // Odoo refuses a second product with one barcode, so the hub's catalog gets the twins directly.
    await world.app.ctx.db
      .insertInto('catalog_products')
      .values(
        ['A', 'B'].map((x) => ({
          sku: `TWIN-${x}`,
          erp_id: `twin-${x}`,
          ean: '4006381333931',
          name: `Twin ${x}`,
          price_minor: 1000,
          free_qty: '1',
          on_hand: '1',
        })),
      )
      .execute();
  });
  afterAll(() => world?.close());

  it('has kind, sku, name, ean and a detail in words', async () => {
    const csv = await api('GET', `/api/sku-check.csv?account=${world.account.id}`);
    expect(csv.status).toBe(200);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('"kind","sku","name","ean","detail"');
    expect(csv.text).toContain(
      '"in ERP, not on marketplace","NO-EAN","Mug without EAN","","No EAN in the ERP"',
    );
    expect(csv.text).toContain(
      '"duplicate EAN","TWIN-A","Twin A","4006381333931","Shares its EAN with TWIN-B: the marketplace knows a product by its EAN, so only one of them can be offered"',
    );
    expect(csv.text).not.toMatch(/channel [a-z]{2}/);
  });
});
