import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, startTestApp, type TestApp } from '../helpers/app.ts';

type Api = Awaited<ReturnType<typeof signedInClient>>;

/** A client signed in as `username` through the login form's endpoint. */
async function signIn(
  app: TestApp,
  username: string,
  password: string,
): Promise<{ api: Api; cookie: string }> {
  const response = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const api: Api = async (method, route, body) => {
    const r = await fetch(`${app.url}${route}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return {
      status: r.status,
      text,
      json: text && r.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {},
    };
  };
  return { api, cookie };
}

describe('administrators API', () => {
  let app: TestApp;
  let owner: Api;
  let ownerId: string;
  let helperId: string;
  beforeAll(async () => {
    app = await startTestApp();
    owner = await signedInClient(app, 'owner', 'owner long password');
  });
  afterAll(() => app.close());

  it('lists administrators and adds one, validating the input', async () => {
    const created = await owner('POST', '/api/admins', {
      username: 'helper',
      password: 'helper long password',
    });
    expect(created.status).toBe(201);
    helperId = created.json.admin.id;
    expect(
      (await owner('POST', '/api/admins', { username: 'HELPER', password: 'another long one' })).status,
    ).toBe(409);
    const bad = await owner('POST', '/api/admins', { username: 'with space', password: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'password',
      'username',
    ]);

    const list = await owner('GET', '/api/admins');
    expect(list.status).toBe(200);
    ownerId = list.json.you;
    expect(list.json.admins.map((a: { username: string }) => a.username)).toEqual(['helper', 'owner']);
    expect(list.json.admins.find((a: { id: string }) => a.id === ownerId).activeSessions).toBe(1);
    expect(list.text).not.toMatch(/password|scrypt/);
  });

  it('changes one’s own password only with the current one, and keeps the own session', async () => {
    const wrong = await owner('PUT', `/api/admins/${ownerId}/password`, {
      password: 'owner new password',
      currentPassword: 'nope',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.fields).toEqual([
      { field: 'currentPassword', message: 'Enter your current password.' },
    ]);
    const changed = await owner('PUT', `/api/admins/${ownerId}/password`, {
      password: 'owner new password',
      currentPassword: 'owner long password',
    });
    expect(changed.status).toBe(204);
    expect((await owner('GET', '/api/admins')).status).toBe(200);
  });

  it("sets another administrator's password, which signs them out", async () => {
    const helper = await signIn(app, 'helper', 'helper long password');
    expect((await helper.api('GET', '/api/admins')).status).toBe(200);
    const reset = await owner('PUT', `/api/admins/${helperId}/password`, {
      password: 'helper reset password',
    });
    expect(reset.status).toBe(204);
    expect((await helper.api('GET', '/api/admins')).status).toBe(401);
    expect((await owner('PUT', `/api/admins/${helperId}/password`, { password: 'short' })).status).toBe(400);
  });

  it('revokes sessions: all of another administrator’s, all but the current one of one’s own', async () => {
    const helper = await signIn(app, 'helper', 'helper reset password');
    const revoked = await owner('DELETE', `/api/admins/${helperId}/sessions`);
    expect(revoked.json).toEqual({ revoked: 1 });
    expect((await helper.api('GET', '/api/admins')).status).toBe(401);

    const elsewhere = await signIn(app, 'owner', 'owner new password');
    const own = await owner('DELETE', `/api/admins/${ownerId}/sessions`);
    expect(own.json.revoked).toBeGreaterThanOrEqual(1);
    expect((await elsewhere.api('GET', '/api/admins')).status).toBe(401);
    expect((await owner('GET', '/api/admins')).status).toBe(200);
  });

  it('removes another administrator, never oneself, and answers 400/404 for bad or unknown ids', async () => {
    const self = await owner('DELETE', `/api/admins/${ownerId}`);
    expect(self.status).toBe(409);
    expect(self.json.error.code).toBe('admin.self');
    expect((await owner('DELETE', '/api/admins/not-a-uuid')).status).toBe(400);
    expect((await owner('DELETE', `/api/admins/${helperId}`)).status).toBe(204);
    expect((await owner('DELETE', `/api/admins/${helperId}`)).status).toBe(404);
    expect(
      (await owner('PUT', `/api/admins/${helperId}/password`, { password: 'whatever long' })).status,
    ).toBe(404);
    expect((await owner('GET', '/api/admins')).json.admins).toHaveLength(1);
  });

  it('never removes the last administrator, even when two remove each other at once', async () => {
    await owner('POST', '/api/admins', { username: 'second', password: 'second long password' });
    const second = await signIn(app, 'second', 'second long password');
    const secondId = (await owner('GET', '/api/admins')).json.admins.find(
      (a: { username: string }) => a.username === 'second',
    ).id;
    const [a, b] = await Promise.all([
      owner('DELETE', `/api/admins/${secondId}`),
      second.api('DELETE', `/api/admins/${ownerId}`),
    ]);
    expect([a.status, b.status].filter((s) => s === 204)).toHaveLength(1);
    expect((await app.ctx.db.selectFrom('admins').select('id').execute()).length).toBe(1);
  });

  it('logs no password', () => {
    for (const secret of [
      'owner long password',
      'owner new password',
      'helper long password',
      'helper reset password',
    ])
      expect(app.logs()).not.toContain(secret);
  });
});
