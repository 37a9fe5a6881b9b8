import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, startTestApp, type TestApp } from '../helpers/app.ts';

describe('admin login and the session guard', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('answers /health without a session and every API route with 401', async () => {
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    expect((await fetch(`${app.url}/ready`)).status).toBe(200);
    for (const [method, route] of [
      ['GET', '/api/accounts'],
      ['POST', '/api/accounts'],
      ['GET', '/api/accounts/x'],
      ['PUT', '/api/accounts/x/credentials'],
      ['POST', '/api/accounts/x/verify'],
      ['PATCH', '/api/accounts/x'],
      ['DELETE', '/api/accounts/x'],
      ['GET', '/api/account-types'],
    ] as const) {
      const response = await fetch(`${app.url}${route}`, { method });
      expect(response.status, `${method} ${route}`).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'auth.required', message: 'Sign in to use AdlerDo.' },
      });
    }
  });

  it('creates the first admin once, with a validated password, then signs in and out', async () => {
    const state = await (await fetch(`${app.url}/api/auth/state`)).json();
    expect(state).toEqual({ needsSetup: true, setupCodeRequired: false, admin: null });

    const weak = await post('/api/auth/setup', { username: 'admin', password: 'short' });
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.fields).toEqual([
      { field: 'password', message: 'Use at least 10 characters.' },
    ]);

    const api = await signedInClient(app, 'admin', 'correct horse battery');
    expect((await api('GET', '/api/accounts')).json).toEqual({ accounts: [] });

    const again = await post('/api/auth/setup', { username: 'other', password: 'another long password' });
    expect(again.status).toBe(409);

    const wrong = await post('/api/auth/login', { username: 'admin', password: 'wrong password!' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const login = await post('/api/auth/login', { username: 'ADMIN', password: 'correct horse battery' });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = cookie.split(';')[0]!;
    expect((await fetch(`${app.url}/api/accounts`, { headers: { cookie: session } })).status).toBe(200);

    const logout = await fetch(`${app.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: session },
    });
    expect(logout.status).toBe(204);
    expect((await fetch(`${app.url}/api/accounts`, { headers: { cookie: session } })).status).toBe(401);
  });

  it('refuses cross-site and non-JSON state changes', async () => {
    const crossSite = await post(
      '/api/auth/login',
      { username: 'a', password: 'b' },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    const form = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"username":"admin","password":"correct horse battery"}',
    });
    expect(form.status).toBe(415);
  });

  it('stores only a scrypt hash of the password', async () => {
    const rows = await app.ctx.db.selectFrom('admins').select('password_hash').execute();
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(JSON.stringify(rows)).not.toContain('correct horse battery');
    expect(app.logs()).not.toContain('correct horse battery');
  });
});
