import { dumpAllTables } from '../helpers/db-dump.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, startTestApp, type TestApp } from '../helpers/app.ts';
import { startSandbox, type SellerKeys } from '../helpers/kaufland-sandbox.ts';

type Api = Awaited<ReturnType<typeof signedInClient>>;

describe('connecting a Kaufland account through the JSON API', () => {
  let app: TestApp;
  let api: Api;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let keys: SellerKeys;
  const responses: string[] = [];
  const call: Api = async (method, route, body) => {
    const result = await api(method, route, body);
    responses.push(result.text);
    return result;
  };

  beforeAll(async () => {
    [app, sandbox] = await Promise.all([startTestApp(), startSandbox()]);
    api = await signedInClient(app);
    keys = await sandbox.addSeller(['de', 'cz']);
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  const add = (overrides: Record<string, unknown> = {}) =>
    call('POST', '/api/accounts', {
      type: 'kaufland',
      name: 'Kaufland DE Account',
      clientId: keys.client_key,
      clientSecret: keys.secret_key,
      baseUrl: sandbox.baseUrl,
      ...overrides,
    });

  const accountCount = async () => (await call('GET', '/api/accounts')).json.accounts.length as number;

  it('refuses a wrong pair with a clear message and stores nothing', async () => {
    const wrong = await add({ clientSecret: 'f'.repeat(64) });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.code).toBe('kaufland.auth_failed');
    expect(wrong.json.error.message).toMatch(/Kaufland rejected these keys/);
    expect(wrong.text).not.toContain('f'.repeat(64));
    expect(await accountCount()).toBe(0);
  });

  it('tells an unreachable URL apart from wrong keys', async () => {
    const unreachable = await add({ baseUrl: 'http://127.0.0.1:9/v2' });
    expect(unreachable.status).toBe(502);
    expect(unreachable.json.error.code).toBe('kaufland.unreachable');
    expect(unreachable.json.error.message).toMatch(/could not be reached/);
    expect(await accountCount()).toBe(0);
  });

  it('gives field-level messages for an empty name and malformed keys', async () => {
    const empty = await add({ name: '  ', clientId: 'has space', clientSecret: '' });
    expect(empty.status).toBe(400);
    const fields = (empty.json.error.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['clientSecret', 'name']);
    const malformed = await add({ clientId: 'has space' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.fields.map((f: { field: string }) => f.field)).toContain('clientId');
  });

  let accountId = '';
  it('stores a proven pair encrypted, discovers storefronts and shows the Client ID masked', async () => {
    const created = await add();
    expect(created.status).toBe(201);
    const account = created.json.account;
    accountId = account.id;
    expect(account).toMatchObject({
      name: 'Kaufland DE Account',
      type: 'kaufland',
      clientId: `••••${keys.client_key.slice(-4)}`,
      status: 'connected',
      baseUrl: sandbox.baseUrl,
    });
    expect([...account.storefronts].sort()).toEqual(['cz', 'de']);
    expect(account.lastVerifiedAt).not.toBeNull();
    expect(account.settings).toMatchObject({
      productStockSync: false,
      orderImport: true,
      shipmentConfirmation: true,
    });
  });

  it('refuses a duplicate name, whatever its case', async () => {
    const duplicate = await add({ name: 'kaufland de account' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error.fields).toEqual([
      { field: 'name', message: 'This name is already used by another account.' },
    ]);
  });

  let rotated: SellerKeys;
  it('turns "Credentials invalid" after the keys are regenerated, and Connected again with the new pair', async () => {
    rotated = await sandbox.rotateKeys(keys.client_key);
    const verify = await call('POST', `/api/accounts/${accountId}/verify`);
    expect(verify.status).toBe(422);
    expect(verify.json.error.code).toBe('kaufland.auth_failed');
    const invalid = (await call('GET', `/api/accounts/${accountId}`)).json.account;
    expect(invalid.status).toBe('credentials_invalid');
    expect(invalid.statusMessage).toMatch(/API keys may have been regenerated in the Seller Portal/);

    // Kaufland replaces both keys together: a new secret without the new Client ID is refused before any call.
    const secretOnly = await call('PUT', `/api/accounts/${accountId}/credentials`, {
      clientSecret: rotated.secret_key,
    });
    expect(secretOnly.status).toBe(400);
    expect(secretOnly.json.error.fields).toEqual([{ field: 'clientId', message: expect.any(String) }]);
    const stillOld = await call('PUT', `/api/accounts/${accountId}/credentials`, {
      clientId: keys.client_key,
      clientSecret: keys.secret_key,
    });
    expect(stillOld.status).toBe(422);

    const updated = await call('PUT', `/api/accounts/${accountId}/credentials`, {
      clientId: rotated.client_key,
      clientSecret: rotated.secret_key,
    });
    expect(updated.status).toBe(200);
    expect(updated.json.account).toMatchObject({
      status: 'connected',
      statusMessage: null,
      clientId: `••••${rotated.client_key.slice(-4)}`,
    });
    expect((await call('POST', `/api/accounts/${accountId}/verify`)).json.account.status).toBe('connected');
  });

  it('changes toggles and settings, and refuses bad values with field messages', async () => {
    const patched = await call('PATCH', `/api/accounts/${accountId}`, {
      settings: {
        productStockSync: true,
        storefronts: ['de'],
        handlingTimeDays: 2,
        priceRule: { factor: 1.1 },
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.account.settings).toMatchObject({
      productStockSync: true,
      orderImport: true,
      storefronts: ['de'],
      handlingTimeDays: 2,
      priceRule: { factor: 1.1, surchargeMinor: 0, rounding: 'none' },
    });
    const badTime = await call('PATCH', `/api/accounts/${accountId}`, {
      settings: { handlingTimeDays: 101 },
    });
    expect(badTime.status).toBe(400);
    expect(badTime.json.error.fields[0].field).toBe('settings.handlingTimeDays');
    const badStorefront = await call('PATCH', `/api/accounts/${accountId}`, {
      settings: { storefronts: ['pl'] },
    });
    expect(badStorefront.status).toBe(400);
    const unknownField = await call('PATCH', `/api/accounts/${accountId}`, { clientSecret: 'x' });
    expect(unknownField.status).toBe(400);
  });

  it('never lets a secret out: not in responses, logs, or the database in plain text', async () => {
    const secrets = [keys.secret_key, rotated.secret_key];
    const dump = await dumpAllTables(app.ctx.db);
    for (const secret of secrets) {
      expect(responses.join('\n')).not.toContain(secret);
      expect(app.logs()).not.toContain(secret);
      expect(dump).not.toContain(secret);
    }
    expect(dump).not.toContain(rotated.client_key);
  });

  it('removes the account and its secret', async () => {
    expect((await call('DELETE', `/api/accounts/${accountId}`)).status).toBe(204);
    expect((await call('GET', `/api/accounts/${accountId}`)).status).toBe(404);
    expect(await app.ctx.db.selectFrom('marketplace_accounts').selectAll().execute()).toEqual([]);
  });
});
