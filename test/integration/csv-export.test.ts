import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../helpers/app.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

const EVIL = "+cmd|' /C calc'!A0";

describe('the SKU-check CSV export', () => {
  let world: SyncWorld;
  let api: Awaited<ReturnType<typeof signedInClient>>;
  beforeAll(async () => {
    // SKUs come from the ERP, typed by whoever maintains its products: the export must not trust them.
    world = await startSyncWorld({
      products: [
        { sku: EVIL, ean: '4006381333986', name: 'Calc', price: 10, qty: 1 },
        { sku: '=1+1', name: '=HYPERLINK("http://evil.example")', price: 10, qty: 1 },
        { sku: 'PLAIN-1', name: 'Plain', price: 10, qty: 1 },
      ],
    });
    api = await signedInClient(world.app);
    await world.run('catalog');
  });
  afterAll(() => world?.close());

  it('neutralises formula cells with a leading apostrophe', async () => {
    const csv = await api('GET', `/api/sku-check.csv?account=${world.account.id}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`"'${EVIL}"`);
    expect(csv.text).toContain(`"'=1+1"`);
    expect(csv.text).toContain('"PLAIN-1"');
    // No cell starts with a formula character once its quote is opened.
    expect(csv.text).not.toMatch(/(^|,)"[=+\-@\t\r]/m);
  });
});
