import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, startTestApp, type TestApp } from '../helpers/app.ts';

/** The inputs that used to answer 500 (issue 9), the 413, and AdlerDo's own OpenAPI document and docs page. */
describe('HTTP input: refused with a sentence, described in /api/openapi.json', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof signedInClient>>;
  beforeAll(async () => {
    app = await startTestApp();
    api = await signedInClient(app);
  });
  afterAll(() => app?.close());

  it('refuses NUL bytes in names, settings and searches with 400 and the field', async () => {
    const add = await api('POST', '/api/accounts', {
      name: 'Shop\u0000',
      clientId: 'a'.repeat(32),
      clientSecret: 'b'.repeat(64),
    });
    expect(add.status).toBe(400);
    expect(add.json.error.fields).toEqual([{ field: 'name', message: expect.stringContaining('NUL') }]);
    const id = '00000000-0000-4000-8000-000000000000';
    const patch = await api('PATCH', `/api/accounts/${id}`, {
      settings: { carrierMapping: { 'D\u0000HL': 'DHL' }, cancelReason: 'x\u0000' },
    });
    expect(patch.status).toBe(400);
    expect(patch.json.error.fields.map((f: { field: string }) => f.field)).toContain('settings.cancelReason');
    const erp = await api('PATCH', '/api/erp', { settings: { warehouseId: '1\u0000' } });
    expect(erp.json.error.fields).toEqual([
      { field: 'settings.warehouseId', message: expect.stringContaining('NUL') },
    ]);
    const search = await api('GET', '/api/orders?q=%00');
    expect(search.status).toBe(400);
    expect(search.json.error.message).toMatch(/^The query is not valid: q: Remove the NUL/);
    expect((await api('GET', `/api/offers?account=${id}&channel=de&q=a%00`)).status).toBe(400);
    // Sign-in takes a NUL too (its schema or, as a backstop, errors.ts refusing what PostgreSQL refused).
    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ad\u0000min', password: 'whatever it is' }),
    });
    expect(login.status).toBe(400);
  });

  it('refuses malformed ids before the database sees them', async () => {
    const issues = await api('GET', '/api/issues?account=nope');
    expect(issues.status).toBe(400);
    expect(issues.json.error.fields).toEqual([
      { field: 'account', message: expect.stringMatching(/^Not an account id/) },
    ]);
    const retry = await api('POST', '/api/issues/9223372036854775808/retry');
    expect(retry.status).toBe(400);
    expect(retry.json.error.message).toBe('The address is not valid: id: Not an issue id (too large).');
    const max = await api('POST', '/api/issues/9223372036854775807/retry');
    expect(max.status, max.text).toBe(404);
    expect((await api('GET', '/api/accounts/%00')).status).toBe(400);
    expect((await api('DELETE', '/api/accounts/1')).status).toBe(400);
    expect((await api('GET', '/api/orders?page=1e309')).status).toBe(400);
    expect((await api('GET', '/api/orders?page=99999999999')).status).toBe(400);
    expect((await api('GET', '/api/runs?step=orders&step=stock')).status).toBe(400);
  });

  it('answers a body over 1 MiB with 413 and a sentence', async () => {
    const big = await api('POST', '/api/accounts', { name: 'x'.repeat(1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    expect(big.json.error).toEqual({
      code: 'http.fst_err_ctp_body_too_large',
      message: expect.stringContaining('larger than 1 MiB'),
    });
  });

  it('refuses bodies that are not a JSON object, and bodies on action routes', async () => {
    const array = await api('POST', '/api/accounts', [1, 2]);
    expect(array.status).toBe(400);
    expect(array.json.error.fields).toEqual([
      { field: '(body)', message: expect.stringContaining('JSON object') },
    ]);
    expect((await api('POST', '/api/erp/verify', { force: true })).status).toBe(400);
    const malformed = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":',
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.message).toBe(
      'The request body is not valid JSON. Send a JSON object.',
    );
  });

  it('describes every API route in an OpenAPI 3.1 document, and shows it at /api/docs behind sign-in', async () => {
    const doc = await api('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.json.openapi).toBe('3.1.0');
    const post = doc.json.paths['/api/accounts'].post;
    expect(post.requestBody.content['application/json'].schema.properties.name).toMatchObject({
      type: 'string',
      maxLength: 100,
    });
    expect(doc.json.paths['/api/orders'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'state', 'account', 'page', 'pageSize']),
    );
    expect(doc.json.paths['/api/issues/{id}/retry'].post.parameters[0]).toMatchObject({
      in: 'path',
      name: 'id',
    });
    expect(doc.json.paths['/api/openapi.json']).toBeUndefined();
    // Public routes say they need no session; the rest inherit the document's cookie requirement.
    expect(doc.json.security).toEqual([{ session: [] }]);
    expect(doc.json.paths['/health'].get.security).toEqual([]);
    expect(doc.json.paths['/api/auth/login'].post.security).toEqual([]);
    expect(doc.json.paths['/api/accounts'].get.security).toBeUndefined();
    expect(
      doc.json.paths['/ready'].get.responses['503'].content['application/json'].schema.properties.worker.enum,
    ).toContain('stopped');
    const page = await api('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<code>/api/accounts/{id}/credentials</code>');
    // Under the app's CSP (default-src 'self'): no script, no inline style, one same-origin stylesheet.
    expect(page.text).not.toMatch(/<script|<style|\sstyle=|https?:\/\//);
    expect(page.text).toContain('<link rel="stylesheet" href="/api/docs.css">');
    const css = await api('GET', '/api/docs.css');
    expect(css.status).toBe(200);
    expect(css.text).toContain('.method');
    expect((await fetch(`${app.url}/api/docs`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/openapi.json`)).status).toBe(401);
  });
});
