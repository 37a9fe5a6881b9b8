import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../../src/secrets/secret-box.ts';
import { accountSecretContext } from '../../src/secrets/stored-secrets.ts';
import type { OdooSandbox } from '../../src/sandbox/odoo/index.ts';
import { runStep } from '../../src/sync/run-step.ts';
import { signedInClient, startTestApp, type TestApp } from '../helpers/app.ts';
import { startSandbox, type SellerKeys } from '../helpers/kaufland-sandbox.ts';
import { startOdoo } from '../helpers/odoo-sandbox.ts';

/** A stranger's server: answers every request with `answer` and counts what reached it. */
async function fakeServer(answer: (res: import('node:http').ServerResponse) => void) {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits++;
    req.resume();
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('outbound URLs: KAUFLAND_BASE_URL, proven base URL changes, no redirects, short remote excerpts', () => {
  let app: TestApp;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let other: Awaited<ReturnType<typeof startSandbox>>;
  let odoo: OdooSandbox;
  let keys: SellerKeys;
  let api: Awaited<ReturnType<typeof signedInClient>>;
  let accountId: string;
  const servers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    [sandbox, other, odoo] = await Promise.all([startSandbox(), startSandbox(), startOdoo(17)]);
    app = await startTestApp({ KAUFLAND_BASE_URL: `${sandbox.baseUrl}/` });
    api = await signedInClient(app);
    keys = await sandbox.addSeller(['de']);
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([sandbox?.close(), other?.close(), odoo?.close(), ...servers.map((s) => s.close())]);
  });

  it('KAUFLAND_BASE_URL is the default API root for new accounts (shown and used)', async () => {
    const types = await api('GET', '/api/account-types');
    expect(types.json.types).toEqual([
      expect.objectContaining({ type: 'kaufland', defaultBaseUrl: sandbox.baseUrl }),
    ]);
    const added = await api('POST', '/api/accounts', {
      type: 'kaufland',
      name: 'Default root',
      clientId: keys.client_key,
      clientSecret: keys.secret_key,
    });
    expect(added.status).toBe(201);
    expect(added.json.account.baseUrl).toBe(sandbox.baseUrl);
    accountId = added.json.account.id as string;
  });

  const baseUrlNow = async () =>
    (await api('GET', `/api/accounts/${accountId}`)).json.account.baseUrl as string;

  it('refuses a base URL that is not http(s)', async () => {
    const changed = await api('PATCH', `/api/accounts/${accountId}`, { baseUrl: 'file:///etc/passwd' });
    expect(changed.status).toBe(400);
    expect(changed.text).toMatch(/http\(s\)/);
    expect(await baseUrlNow()).toBe(sandbox.baseUrl);
  });

  it('a new base URL is proven with the stored keys before it is saved', async () => {
    const refused = await api('PATCH', `/api/accounts/${accountId}`, { baseUrl: other.baseUrl });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('account.base_url_refused');
    expect(refused.json.error.message).toMatch(
      /did not accept this account's keys, so the address was not changed/,
    );

    const unreachable = await api('PATCH', `/api/accounts/${accountId}`, {
      baseUrl: 'http://127.0.0.1:1/v2',
    });
    expect(unreachable.status).toBe(502);
    expect(unreachable.json.error.code).toBe('kaufland.unreachable');

    const account = (await api('GET', `/api/accounts/${accountId}`)).json.account;
    expect(account).toMatchObject({ baseUrl: sandbox.baseUrl, status: 'connected' });

    // The same sandbox under another name: proven, so saved.
    const moved = sandbox.baseUrl.replace('127.0.0.1', 'localhost');
    const saved = await api('PATCH', `/api/accounts/${accountId}`, { baseUrl: moved });
    expect(saved.status).toBe(200);
    expect(await baseUrlNow()).toBe(moved);
  });

  it('signed calls never follow a redirect, even to the right API', async () => {
    const redirector = await fakeServer((res) =>
      res.writeHead(307, { location: `${sandbox.baseUrl}/info/storefront` }).end(),
    );
    servers.push(redirector);
    const changed = await api('PATCH', `/api/accounts/${accountId}`, { baseUrl: `${redirector.origin}/v2` });
    expect(changed.status).toBe(422);
    expect(changed.json.error.code).toBe('kaufland.redirected');
    expect(changed.json.error.message).toMatch(
      /answered with a redirect \(HTTP 307\) to http:\/\/127\.0\.0\.1:\d+\/v2/,
    );
    expect(changed.json.error.message).toMatch(/does not follow redirects with signed calls/);
    expect(redirector.hits()).toBe(1);
    expect((await api('GET', `/api/accounts/${accountId}`)).json.account.status).toBe('connected');
  });

  it('quotes at most a short, cleaned excerpt of a remote answer', async () => {
    const hostile = await fakeServer((res) =>
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: `Bad\r\n\u001b[31m${'<b>x</b>'.repeat(2000)}` })),
    );
    servers.push(hostile);
    const added = await api('POST', '/api/accounts', {
      type: 'kaufland',
      name: 'Hostile',
      clientId: keys.client_key,
      clientSecret: keys.secret_key,
      baseUrl: `${hostile.origin}/v2`,
    });
    expect(added.status).toBe(422);
    const message = added.json.error.message as string;
    expect(message.length).toBeLessThanOrEqual(200);
    expect(message.startsWith('Bad [31m<b>x</b>')).toBe(true);
    expect([...message].filter((c) => c.charCodeAt(0) < 0x20)).toEqual([]);
  });

  it('Odoo: http(s) only, and a redirect is a configuration error that names the target', async () => {
    const body = { type: 'odoo', database: odoo.database, login: 'admin', apiKey: odoo.apiKey };
    const notHttp = await api('POST', '/api/erp', { ...body, url: 'gopher://127.0.0.1:70' });
    expect(notHttp.status).toBe(400);
    expect(notHttp.text).toMatch(/http\(s\) URL/);

    const redirector = await fakeServer((res) => res.writeHead(301, { location: odoo.url }).end());
    servers.push(redirector);
    const redirected = await api('POST', '/api/erp', { ...body, url: redirector.origin });
    expect(redirected.status).toBe(422);
    expect(redirected.json.error.code).toBe('odoo.redirected');
    expect(redirected.json.error.message).toContain(`(HTTP 301) to ${odoo.url}`);
    expect(redirector.hits()).toBe(1);
    expect((await api('GET', '/api/erp')).json.erp).toBeNull();
    expect((await api('POST', '/api/erp', { ...body, url: odoo.url })).status).toBe(201);
  });

  it('keys AdlerDo cannot decrypt are their own error, never "Credentials invalid"', async () => {
    // The database changed under the running process (e.g. restored from another instance).
    const foreign = new SecretBox(randomBytes(32)).encrypt(
      'x',
      accountSecretContext(accountId, 'client_secret'),
    );
    await app.ctx.db
      .updateTable('marketplace_accounts')
      .set({ client_secret_encrypted: foreign })
      .where('id', '=', accountId)
      .execute();
    const verify = await api('POST', `/api/accounts/${accountId}/verify`);
    expect(verify.status).toBe(422);
    expect(verify.json.error.code).toBe('secrets.unreadable');
    expect(verify.json.error.message).toMatch(/^AdlerDo cannot read the stored keys/);

    const outcome = await runStep(app.ctx, accountId, 'orders', 'manual');
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'secrets.unreadable' } });
    const account = (await api('GET', `/api/accounts/${accountId}`)).json.account;
    expect(account.status).toBe('connected');
    expect(account.statusMessage).toBeNull();
  });

  it('never logs a secret', () => {
    expect(app.logs()).not.toContain(keys.secret_key);
    expect(app.logs()).not.toContain(odoo.apiKey);
  });
});
