import { dumpAllTables } from '../helpers/db-dump.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OdooSandbox } from '../../src/sandbox/odoo/index.ts';
import { signedInClient, startTestApp, type TestApp } from '../helpers/app.ts';
import { addUserWithoutStockRights, newOdooKey, replaceOdooKey, startOdoo } from '../helpers/odoo-sandbox.ts';

type Api = Awaited<ReturnType<typeof signedInClient>>;

describe('connecting Odoo through the JSON API', () => {
  let app: TestApp;
  let api: Api;
  let odoo: OdooSandbox;
  const responses: string[] = [];
  /** Every key the test sent: none may come back in a response, a log line or a database row. */
  const keys: string[] = [];
  const call: Api = async (method, route, body) => {
    const result = await api(method, route, body);
    responses.push(result.text);
    return result;
  };

  beforeAll(async () => {
    [app, odoo] = await Promise.all([startTestApp(), startOdoo(17)]);
    api = await signedInClient(app);
    keys.push(odoo.apiKey);
  });
  afterAll(async () => {
    await app?.close();
    await odoo?.close();
  });

  const connect = (overrides: Record<string, unknown> = {}) => {
    const body = {
      type: 'odoo',
      url: odoo.url,
      database: odoo.database,
      login: odoo.login,
      apiKey: odoo.apiKey,
      ...overrides,
    };
    if (typeof body.apiKey === 'string' && body.apiKey.length >= 16) keys.push(body.apiKey);
    return call('POST', '/api/erp', body);
  };
  const stored = async () => (await call('GET', '/api/erp')).json.erp as Record<string, any> | null;

  it('lists Odoo as the one ERP type, and nothing is connected at first', async () => {
    expect((await call('GET', '/api/erp-types')).json).toEqual({ types: [{ type: 'odoo', name: 'Odoo' }] });
    expect(await stored()).toBeNull();
  });

  it('gives a message per empty field', async () => {
    const empty = await connect({ url: '', database: ' ', login: '', apiKey: '' });
    expect(empty.status).toBe(400);
    const fields = (empty.json.error.fields as { field: string; message: string }[]).map((f) => f.field);
    expect(fields.sort()).toEqual(['apiKey', 'database', 'login', 'url']);
    expect(empty.json.error.fields).toContainEqual({
      field: 'apiKey',
      message: 'Enter the API key (or password) of the ERP user.',
    });
    const ftp = await connect({ url: 'ftp://odoo.example.com' });
    expect(ftp.status).toBe(400);
    expect(ftp.json.error.fields.map((f: { field: string }) => f.field)).toEqual(['url']);
  });

  it('refuses a wrong key with odoo.auth_failed and stores nothing', async () => {
    const wrong = await connect({ apiKey: newOdooKey() });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.code).toBe('odoo.auth_failed');
    expect(wrong.json.error.message).toMatch(/Odoo refused the login or API key/);
    const wrongLogin = await connect({ login: 'nobody@example.com' });
    expect(wrongLogin.status).toBe(422);
    expect(wrongLogin.json.error.code).toBe('odoo.auth_failed');
    expect(await stored()).toBeNull();
  });

  it('tells an unknown database, a non-Odoo URL and an unreachable server apart', async () => {
    const database = await connect({ database: 'odoo17-typo' });
    expect(database.status).toBe(422);
    expect(database.json.error.code).toBe('odoo.unknown_database');
    expect(database.json.error.message).toMatch(/database does not exist/);

    const notOdoo = await connect({ url: `${odoo.url}/not-odoo` });
    expect(notOdoo.status).toBe(422);
    expect(notOdoo.json.error.code).toBe('odoo.not_odoo');

    const unreachable = await connect({ url: 'http://127.0.0.1:9' });
    expect(unreachable.status).toBe(502);
    expect(unreachable.json.error.code).toBe('odoo.unreachable');
    expect(unreachable.json.error.message).toMatch(/cannot be reached at http:\/\/127\.0\.0\.1:9/);
    expect(await stored()).toBeNull();
  });

  it('names the model when the Odoo user lacks rights', async () => {
    const limitedKey = addUserWithoutStockRights(odoo, 'shop-api');
    keys.push(limitedKey);
    const denied = await connect({ login: 'shop-api', apiKey: limitedKey });
    expect(denied.status).toBe(422);
    expect(denied.json.error.code).toBe('odoo.access_denied');
    expect(denied.json.error.message).toMatch(/lacks rights on stock\.warehouse/);
    expect(await stored()).toBeNull();
  });

  it('connects with a good key: version, warehouses, carriers, masked key, default settings', async () => {
    const created = await connect({ url: `${odoo.url}/` });
    expect(created.status).toBe(201);
    const erp = created.json.erp;
    expect(erp).toMatchObject({
      type: 'odoo',
      url: odoo.url,
      database: 'odoo17',
      login: 'admin',
      apiKey: `••••${odoo.apiKey.slice(-4)}`,
      transport: 'auto',
      serverVersion: '17.0',
      detectedTransport: 'jsonrpc',
      status: 'connected',
      statusMessage: null,
      settings: { warehouseId: '1', stockLocationIds: null, safetyBuffer: 0, productTypes: ['storable'] },
    });
    expect(erp.warehouses).toContainEqual({ id: '1', code: 'WH', name: 'My Company' });
    expect(erp.carriers.map((c: { name: string }) => c.name)).toContain('Standard delivery');
    expect(Date.now() - Date.parse(erp.lastVerifiedAt)).toBeLessThan(60_000);
    expect(await stored()).toEqual(erp);
  });

  it('refuses a second ERP with 409', async () => {
    const second = await connect();
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe('erp.already_connected');
  });

  it('verifies the stored key', async () => {
    const verified = await call('POST', '/api/erp/verify');
    expect(verified.status).toBe(200);
    expect(verified.json.erp).toMatchObject({ status: 'connected', serverVersion: '17.0' });
  });

  it('keeps the stored key when a new one is refused', async () => {
    const wrongKey = newOdooKey();
    keys.push(wrongKey);
    const refused = await call('PUT', '/api/erp/credentials', { apiKey: wrongKey });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('odoo.auth_failed');
    expect((await stored())?.apiKey).toBe(`••••${odoo.apiKey.slice(-4)}`);
    const verified = await call('POST', '/api/erp/verify');
    expect(verified.status).toBe(200);
    expect(verified.json.erp.status).toBe('connected');
    expect((await call('PUT', '/api/erp/credentials', { apiKey: ' ' })).status).toBe(400);
  });

  it('shows "Credentials invalid" once the key is deleted in Odoo, and Connected again with a new one', async () => {
    const newKey = replaceOdooKey(odoo);
    keys.push(newKey);
    const verify = await call('POST', '/api/erp/verify');
    expect(verify.status).toBe(422);
    expect(verify.json.error.code).toBe('odoo.auth_failed');
    expect(await stored()).toMatchObject({
      status: 'credentials_invalid',
      statusMessage: expect.stringMatching(/refused the API key/),
    });

    const updated = await call('PUT', '/api/erp/credentials', { apiKey: newKey, login: 'admin' });
    expect(updated.status).toBe(200);
    expect(updated.json.erp).toMatchObject({
      status: 'connected',
      statusMessage: null,
      apiKey: `••••${newKey.slice(-4)}`,
    });
  });

  it('takes the user’s password instead of a key, without showing any of it', async () => {
    const updated = await call('PUT', '/api/erp/credentials', { apiKey: odoo.password });
    expect(updated.status).toBe(200);
    expect(updated.json.erp.status).toBe('connected');
    // A short password's last four characters would be most of it.
    expect(updated.json.erp.apiKey).toBe('••••');
  });

  it('changes the settings, refusing an unknown warehouse and bad values with field messages', async () => {
    const patched = await call('PATCH', '/api/erp', {
      settings: { warehouseId: '1', safetyBuffer: 2, productTypes: ['storable', 'consumable'] },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.erp.settings).toEqual({
      warehouseId: '1',
      stockLocationIds: null,
      safetyBuffer: 2,
      productTypes: ['storable', 'consumable'],
    });

    const onlyBuffer = await call('PATCH', '/api/erp', { settings: { safetyBuffer: 3 } });
    expect(onlyBuffer.status).toBe(200);
    expect(onlyBuffer.json.erp.settings).toEqual({ ...patched.json.erp.settings, safetyBuffer: 3 });

    const unknownWarehouse = await call('PATCH', '/api/erp', { settings: { warehouseId: '99' } });
    expect(unknownWarehouse.status).toBe(400);
    expect(unknownWarehouse.json.error.code).toBe('erp.unknown_warehouse');
    expect(unknownWarehouse.json.error.fields).toEqual([
      { field: 'settings.warehouseId', message: 'Choose one of: 1.' },
    ]);
    const negative = await call('PATCH', '/api/erp', { settings: { safetyBuffer: -1 } });
    expect(negative.status).toBe(400);
    expect(negative.json.error.fields[0].field).toBe('settings.safetyBuffer');
    const noTypes = await call('PATCH', '/api/erp', { settings: { productTypes: [] } });
    expect(noTypes.status).toBe(400);
    expect(noTypes.json.error.fields[0]).toEqual({
      field: 'settings.productTypes',
      message: 'Choose at least one product type.',
    });
    expect((await call('PATCH', '/api/erp', { settings: { colour: 'red' } })).status).toBe(400);
    expect((await call('PATCH', '/api/erp', { apiKey: 'x' })).status).toBe(400);
    expect((await stored())?.settings.safetyBuffer).toBe(3);
  });

  it('never lets a key out: not in responses, logs, or any database table', async () => {
    const dump = await dumpAllTables(app.ctx.db);
    for (const key of keys) {
      expect(responses.join('\n')).not.toContain(key);
      expect(app.logs()).not.toContain(key);
      expect(dump).not.toContain(key);
    }
    expect(dump).toContain('secret_encrypted');
  });

  it('disconnects: 204, the row and its key are gone, a second disconnect is 404', async () => {
    expect((await call('DELETE', '/api/erp')).status).toBe(204);
    expect(await stored()).toBeNull();
    expect(await app.ctx.db.selectFrom('erp_connections').selectAll().execute()).toEqual([]);
    const again = await call('DELETE', '/api/erp');
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe('erp.not_connected');
    expect((await call('POST', '/api/erp/verify')).status).toBe(404);
  });

  it('talks JSON-2 to Odoo 19, or JSON-RPC when told to', async () => {
    const odoo19 = await startOdoo(19);
    try {
      const auto = await connect({ url: odoo19.url, apiKey: odoo19.apiKey });
      expect(auto.status).toBe(201);
      expect(auto.json.erp).toMatchObject({
        serverVersion: '19.0',
        transport: 'auto',
        detectedTransport: 'json2',
        transportNote: { text: expect.stringContaining('JSON-2: chosen automatically'), warning: null },
      });
      expect((await call('DELETE', '/api/erp')).status).toBe(204);

      const forced = await connect({ url: odoo19.url, apiKey: odoo19.apiKey, transport: 'jsonrpc' });
      expect(forced.status).toBe(201);
      expect(forced.json.erp).toMatchObject({ transport: 'jsonrpc', detectedTransport: 'jsonrpc' });
      // A 19 driven over JSON-RPC: the page says it was forced and warns that 20 removes it.
      expect(forced.json.erp.transportNote.text).toContain('forced');
      expect(forced.json.erp.transportNote.warning).toMatch(
        /Odoo 19 deprecates JSON-RPC and Odoo 20 removes it/,
      );
      expect((await call('DELETE', '/api/erp')).status).toBe(204);
      expect(app.logs()).not.toContain(odoo19.apiKey);
    } finally {
      await odoo19.close();
    }
  });

  it('refuses requests without a session', async () => {
    const response = await fetch(`${app.url}/api/erp`);
    expect(response.status).toBe(401);
  });
});
