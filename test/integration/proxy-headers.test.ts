import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { signedInClient, startTestApp, type TestApp } from '../helpers/app.ts';

const PASSWORD = 'correct horse battery';

async function signIn(app: TestApp, headers: Record<string, string>) {
  return fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
}

describe('headers, cookies and a reverse proxy', () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it('by default ignores X-Forwarded-*: no Secure cookie, no HSTS; CSP everywhere, no-store on the API', async () => {
    const app = await startTestApp();
    apps.push(app);
    await signedInClient(app, 'admin', PASSWORD);
    const login = await signIn(app, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.5' });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).not.toMatch(/Secure/i);
    expect(login.headers.get('strict-transport-security')).toBeNull();
    expect(login.headers.get('cache-control')).toBe('no-store');

    const csp = login.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toContain('unsafe');

    const page = await fetch(`${app.url}/accounts`);
    expect(page.headers.get('content-security-policy')).toBe(csp);
    expect((await fetch(`${app.url}/api/nothing`)).headers.get('cache-control')).toBe('no-store');
    // The built files carry a content hash: they may be cached.
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    if (script)
      expect((await fetch(`${app.url}${script}`)).headers.get('cache-control')).not.toBe('no-store');
  });

  it('behind a trusted proxy that says https: Secure cookie, HSTS, and the public host passes the CSRF check', async () => {
    const app = await startTestApp({ ADLERDO_TRUST_PROXY: '127.0.0.1' });
    apps.push(app);
    await signedInClient(app, 'admin', PASSWORD);
    const proxied = {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.5',
      'x-forwarded-host': 'adlerdo.example.com',
    };
    const login = await signIn(app, { ...proxied, origin: 'https://adlerdo.example.com' });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/; Secure/i);
    expect(login.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const crossSite = await signIn(app, { ...proxied, origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    // Over plain http through the same proxy: no Secure, no HSTS.
    const plain = await signIn(app, {
      ...proxied,
      'x-forwarded-proto': 'http',
      origin: 'http://adlerdo.example.com',
    });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/i);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('reads ADLERDO_TRUST_PROXY like Fastify: true, false, a hop count, addresses; refuses anything else', () => {
    const base = { ADLERDO_DATA_DIR: '/tmp/x' };
    expect(loadConfig(base).ADLERDO_TRUST_PROXY).toBe(false);
    expect(loadConfig({ ...base, ADLERDO_TRUST_PROXY: 'true' }).ADLERDO_TRUST_PROXY).toBe(true);
    expect(loadConfig({ ...base, ADLERDO_TRUST_PROXY: '1' }).ADLERDO_TRUST_PROXY).toBe(1);
    expect(loadConfig({ ...base, ADLERDO_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).ADLERDO_TRUST_PROXY).toEqual(
      ['127.0.0.1', '10.0.0.0/8'],
    );
    for (const bad of ['yes', '10.0.0.999', 'proxy.example.com', '1.2.3.4/8/9'])
      expect(() => loadConfig({ ...base, ADLERDO_TRUST_PROXY: bad }), bad).toThrow(/ADLERDO_TRUST_PROXY/);
  });
});
