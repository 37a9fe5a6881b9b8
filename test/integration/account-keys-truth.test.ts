import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, startTestApp, type TestApp } from '../helpers/app.ts';
import { startSandbox } from '../helpers/kaufland-sandbox.ts';

type Api = Awaited<ReturnType<typeof signedInClient>>;

describe('after a refused key update the badge shows what Kaufland says now, not an older "Connected"', () => {
  let app: TestApp;
  let api: Api;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let keys: { client_key: string; secret_key: string };
  let id: string;

  beforeAll(async () => {
    [app, sandbox] = await Promise.all([startTestApp(), startSandbox()]);
    api = await signedInClient(app);
    keys = await sandbox.addSeller(['de']);
    const added = await api('POST', '/api/accounts', {
      type: 'kaufland',
      name: 'Keys account',
      clientId: keys.client_key,
      clientSecret: keys.secret_key,
      baseUrl: sandbox.baseUrl,
    });
    id = added.json.account.id;
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  const status = async () => (await api('GET', `/api/accounts/${id}`)).json.account.status as string;

  it('a mistyped new pair while the stored one still works: refused, and still Connected (true)', async () => {
    const typo = await api('PUT', `/api/accounts/${id}/credentials`, {
      clientId: keys.client_key,
      clientSecret: 'f'.repeat(64),
    });
    expect(typo.status).toBe(422);
    expect(await status()).toBe('connected');
  });

  it('keys regenerated, a wrong new pair pasted: refused, and the badge turns "Credentials invalid"', async () => {
    const rotated = await sandbox.rotateKeys(keys.client_key);
    expect(await status()).toBe('connected'); // nothing has checked since the rotation
    const wrong = await api('PUT', `/api/accounts/${id}/credentials`, {
      clientId: rotated.client_key,
      clientSecret: 'e'.repeat(64),
    });
    expect(wrong.status).toBe(422);
    expect(await status()).toBe('credentials_invalid');
  });
});
