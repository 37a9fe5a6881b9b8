import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/http/route-table.ts';
import { UI_DIST } from '../../src/http/server.ts';
import { signedInClient, startTestApp, type TestApp } from '../helpers/app.ts';

/**
 * Walks Fastify's own route table (recorded by an onRoute hook, so every route is in it, including routes
 * added after this test was written) and attacks each protected route: a dozen spellings of its path without a
 * session, and cross-site requests with a session. Any 2xx fails, unless it is the public index.html that the
 * web app's fallback serves for page paths.
 */

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface RawResponse {
  status: number;
  type: string;
  body: string;
}

/** node:http sends the path byte for byte: fetch would resolve dot segments and backslashes first. */
function raw(base: string, method: string, rawPath: string, headers: Record<string, string>, body?: string) {
  const url = new URL(base);
  return new Promise<RawResponse>((resolve) => {
    const req = httpRequest(
      {
        // A fresh connection each time: a request line the server refuses ends its connection.
        agent: false,
        host: url.hostname,
        port: url.port,
        method,
        path: rawPath,
        // A fixed length: a chunked body the server never reads (it refuses first) can reset the socket.
        headers: {
          ...headers,
          ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body: text }),
        );
      },
    );
    // A request line Node's parser refuses never reaches Fastify: the server answers 400 and hangs up.
    req.on('error', (error) => resolve({ status: 0, type: '', body: error.message }));
    req.end(body);
  });
}

/** The route's path with sample values for its parameters. */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z_]+/g, SAMPLE_ID).replace(/\*/g, 'x');
}

const hex = (ch: string, upper: boolean) => {
  const code = ch.charCodeAt(0).toString(16);
  return `%${upper ? code.toUpperCase() : code.toLowerCase()}`;
};

/** A dozen ways to write the same path that a lenient parser (or router) may read as the route. */
function spellings(p: string): string[] {
  const segments = p.split('/').filter(Boolean);
  const [first = '', ...rest] = segments;
  const tail = rest.length ? `/${rest.join('/')}` : '';
  const last = segments[segments.length - 1] ?? '';
  const before = segments
    .slice(0, -1)
    .map((s) => `/${s}`)
    .join('');
  const letterIndex = (s: string) => Math.max(0, s.search(/[a-z]/i));
  const encodeAt = (s: string, i: number, upper: boolean) =>
    `${s.slice(0, i)}${hex(s[i] ?? 'a', upper)}${s.slice(i + 1)}`;
  const firstEncoded = encodeAt(first, letterIndex(first), false);
  return [
    p,
    `/${firstEncoded}${tail}`,
    `/${encodeAt(first, first.length - 1, true)}${tail}`,
    `/${[...first].map((c) => hex(c, true)).join('')}${tail}`,
    `${before}/${encodeAt(last, last.length - 1, false)}`,
    `/${first.replace(/^./, (c) => `%25${c.charCodeAt(0).toString(16)}`)}${tail}`,
    `/${p}`,
    p.replace(/\/(?=[^/]*$)/, '//'),
    `/${first}/.${tail}`,
    `/x/..${p}`,
    `/${first}/x/..${tail}`,
    `${p}%3F`,
    `${p}%3Fx=1`,
    p.replace(/\/(?=[^/]*$)/, '%2F'),
    p.replace(/\/(?=[^/]*$)/, '%2f'),
    `${p}/`,
    `${p}/.`,
    `${p};x`,
    `${p}%00`,
    `${p}#x`,
    p.replace(/\//g, '\\'),
    p.toUpperCase(),
    `${p}?session=1`,
  ];
}

describe("Fastify's route table under attack", () => {
  let app: TestApp;
  let cookie: string;
  let indexHtml: string | undefined;
  let routes: readonly RouteEntry[];
  beforeAll(async () => {
    app = await startTestApp();
    await signedInClient(app);
    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'correct horse battery' }),
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    indexHtml = (() => {
      try {
        return readFileSync(path.join(UI_DIST, 'index.html'), 'utf8');
      } catch {
        return undefined;
      }
    })();
    routes = app.server.routeTable();
  });
  afterAll(() => app.close());

  /** index.html, or its HEAD (same type, no body). */
  const isSpaFallback = (response: RawResponse, method: string) =>
    indexHtml !== undefined &&
    response.type.startsWith('text/html') &&
    (response.body === indexHtml || (method === 'HEAD' && response.body === ''));

  it('declares access on every route: only health, readiness, sign-in, setup, state, push callbacks and built files are public', () => {
    const publicRoutes = routes.filter((r) => r.public && !r.url.startsWith('/assets/'));
    const known = new Set([
      '/health',
      '/ready',
      '/api/auth/state',
      '/api/auth/setup',
      '/api/auth/login',
      '/',
      '/index.html',
      // Push callbacks (issue 13): machines call them; an unguessable token in the path is the access check.
      '/api/push/erp/:token',
      '/api/push/:type/:token',
      // The file of new offers the marketplace downloads (issue 13): token in the path, 404 once imported.
      '/api/feeds/:token',
      // Product pictures the marketplace downloads (issue 13): a 32-byte random token in the path.
      '/api/product-pictures/:file',
    ]);
    expect(publicRoutes.filter((r) => !known.has(r.url)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(routes.some((r) => r.url === '/api/admins' && !r.public)).toBe(true);
  });

  it('lets no spelling of a protected route answer 2xx without a session', async () => {
    const protectedRoutes = routes.filter((r) => !r.public);
    let requests = 0;
    let refusals = 0;
    const leaks: string[] = [];
    const serverErrors: string[] = [];
    for (const route of protectedRoutes) {
      const canonical = concrete(route.url);
      const plain = await raw(app.url, route.method, canonical, {});
      requests++;
      // The spelling as declared must be refused with "sign in" (HEAD has no body to read).
      expect(plain.status, `${route.method} ${canonical}`).toBe(401);
      refusals++;
      for (const spelling of spellings(canonical).slice(1)) {
        const hasBody = STATE_CHANGING.has(route.method);
        const response = await raw(
          app.url,
          route.method,
          spelling,
          hasBody ? { 'content-type': 'application/json' } : {},
          hasBody ? '{}' : undefined,
        );
        requests++;
        if (response.status >= 200 && response.status < 300 && !isSpaFallback(response, route.method))
          leaks.push(`${route.method} ${spelling} → ${response.status}`);
        else refusals++;
        if (response.status >= 500) serverErrors.push(`${route.method} ${spelling} → ${response.status}`);
      }
    }
    console.log(
      `route table: ${routes.length} routes (${protectedRoutes.length} protected); ` +
        `without a session: ${requests} requests, ${refusals} refused, ${leaks.length} answered 2xx`,
    );
    expect(leaks).toEqual([]);
    expect(serverErrors).toEqual([]);
  });

  it('refuses every cross-site or non-JSON state change even with a session', async () => {
    const changing = routes.filter((r) => STATE_CHANGING.has(r.method));
    const attacks: { name: string; headers: Record<string, string>; body?: string }[] = [
      {
        name: 'Origin evil',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        body: '{}',
      },
      { name: 'Origin null', headers: { origin: 'null', 'content-type': 'application/json' }, body: '{}' },
      {
        name: 'cross-site fetch',
        headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
        body: '{}',
      },
      {
        name: 'same-site fetch',
        headers: { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
        body: '{}',
      },
      { name: 'text/plain', headers: { 'content-type': 'text/plain' }, body: '{}' },
      {
        name: 'text/plain;json',
        headers: { 'content-type': 'text/plain; charset=application/json' },
        body: '{}',
      },
      { name: 'form', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' },
      {
        name: 'multipart',
        headers: { 'content-type': 'multipart/form-data; boundary=xx' },
        body: '--xx\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--xx--\r\n',
      },
      { name: 'no type, body', headers: {}, body: '{}' },
      { name: 'json5', headers: { 'content-type': 'application/json5' }, body: '{}' },
    ];
    let requests = 0;
    let refusals = 0;
    const leaks: string[] = [];
    for (const route of changing) {
      const canonical = concrete(route.url);
      for (const spelling of [canonical, ...spellings(canonical).slice(1, 4)]) {
        for (const attack of attacks) {
          const response = await raw(
            app.url,
            route.method,
            spelling,
            { cookie, ...attack.headers },
            attack.body,
          );
          requests++;
          if (response.status < 300)
            leaks.push(`${attack.name}: ${route.method} ${spelling} → ${response.status}`);
          else refusals++;
        }
      }
    }
    console.log(
      `route table: ${changing.length} state-changing routes; cross-site with a session: ` +
        `${requests} requests, ${refusals} refused, ${leaks.length} answered 2xx`,
    );
    expect(leaks).toEqual([]);
    // The session still works: nothing above signed it out or changed who is signed in.
    expect((await raw(app.url, 'GET', '/api/admins', { cookie })).status).toBe(200);
  });

  it('serves the web app and its files without a session, and a JSON 404 for API-like unknown paths', async () => {
    if (indexHtml !== undefined) {
      const page = await raw(app.url, 'GET', '/accounts', {});
      expect(page.status).toBe(200);
      expect(page.body).toBe(indexHtml);
      const asset = routes.find((r) => r.url.startsWith('/assets/') && r.method === 'GET');
      if (asset) expect((await raw(app.url, 'GET', asset.url, {})).status).toBe(200);
    }
    for (const p of [
      '/api/nothing',
      '/%61pi/nothing',
      '//api/accounts',
      '/x/../api/accounts',
      '/API/ACCOUNTS',
      '/metrics/',
    ]) {
      const response = await raw(app.url, 'GET', p, {});
      expect(response.status, p).toBe(404);
      expect(JSON.parse(response.body).error.code).toBe('not_found');
    }
  });
});
