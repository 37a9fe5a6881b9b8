import { afterEach, describe, expect, it } from 'vitest';
import { kauflandConnector, verifyKauflandCredentials } from './index.ts';
import { freshKey, startLocalServer, type LocalServer } from './test-support/local-server.ts';

const ID = 'a'.repeat(32);
const SECRET = 'b'.repeat(64);

describe('kauflandConnector.validateCredentialShape', () => {
  const check = (credentials: { clientId: string; clientSecret: string }) =>
    kauflandConnector.validateCredentialShape(credentials);

  it('accepts Seller Portal keys and any hex of 16+ characters in either case', () => {
    expect(check({ clientId: ID, clientSecret: SECRET })).toEqual([]);
    expect(check({ clientId: 'ABCDEF0123456789', clientSecret: 'abcdef0123456789abcdef' })).toEqual([]);
  });

  it('says what is wrong with each field', () => {
    expect(check({ clientId: '', clientSecret: ' ' })).toEqual([
      { field: 'clientId', message: 'Enter the Client ID from the Kaufland Seller Portal.' },
      { field: 'clientSecret', message: 'Enter the Client Secret from the Kaufland Seller Portal.' },
    ]);
    const [id, secret, ...rest] = check({ clientId: `${ID} `, clientSecret: 'xyz' });
    expect(id?.field).toBe('clientId');
    expect(id?.message).toContain('spaces or line breaks');
    expect(secret).toEqual({
      field: 'clientSecret',
      message:
        'The Client Secret should be the 64-character key from the Seller Portal (digits 0-9 and letters a-f).',
    });
    expect(rest).toEqual([]);
    const short = check({ clientId: 'abc123', clientSecret: SECRET });
    expect(short.map((error) => error.field)).toEqual(['clientId']);
    expect(short[0]?.message).toContain('32-character key');
  });

  it('notices swapped keys', () => {
    expect(check({ clientId: SECRET, clientSecret: ID }).map((error) => error.field)).toEqual([
      'clientId',
      'clientSecret',
    ]);
  });
});

describe('kauflandConnector.verifyCredentials', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('describes itself', () => {
    expect(kauflandConnector).toMatchObject({
      type: 'kaufland',
      displayName: 'Kaufland',
      defaultBaseUrl: 'https://sellerapi.kaufland.com/v2',
    });
  });

  it('returns the storefronts from one signed GET /info/storefront', async () => {
    server = await startLocalServer(() => ({ status: 200, body: { data: ['de', 'cz'] } }));
    const check = await kauflandConnector.verifyCredentials({
      baseUrl: server.baseUrl,
      clientId: freshKey(),
      clientSecret: SECRET,
    });
    expect(check).toEqual({ storefronts: ['de', 'cz'] });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({ method: 'GET', path: '/v2/info/storefront' });
  });

  it('answers config auth_failed for rejected keys after one call', async () => {
    server = await startLocalServer(() => ({
      status: 401,
      body: { message: 'Invalid signature', errors: [] },
    }));
    await expect(
      kauflandConnector.verifyCredentials({
        baseUrl: server.baseUrl,
        clientId: freshKey(),
        clientSecret: SECRET,
      }),
    ).rejects.toMatchObject({ kind: 'config', code: 'kaufland.auth_failed' });
    expect(server.received).toHaveLength(1);
  });

  it('tries 3 times at most (2 retries) so the UI answers within seconds', async () => {
    server = await startLocalServer(() => ({ status: 503 }));
    const credentials = { baseUrl: server.baseUrl, clientId: freshKey(), clientSecret: SECRET };
    await expect(
      verifyKauflandCredentials(credentials, { retry: { minDelayMs: 1, maxDelayMs: 2 } }),
    ).rejects.toMatchObject({
      kind: 'transient',
      code: 'kaufland.server_error',
    });
    expect(server.received).toHaveLength(3);
  });

  it('answers config for an unusable base URL without calling anything', async () => {
    await expect(
      kauflandConnector.verifyCredentials({ baseUrl: 'not a url', clientId: ID, clientSecret: SECRET }),
    ).rejects.toMatchObject({ kind: 'config', code: 'kaufland.invalid_base_url' });
  });
});
