import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';

const setup = (app: TestApp, body: Record<string, string>) =>
  fetch(`${app.url}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('first-start setup', () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it('creates exactly one administrator under 10 concurrent setups; the others get 409 with a sentence', async () => {
    const app = await startTestApp();
    apps.push(app);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        setup(app, { username: `owner${i}`, password: 'a long enough password' }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    for (const response of responses.filter((r) => r.status === 409)) {
      expect((await response.json()).error).toEqual({
        code: 'auth.setup_done',
        message: 'AdlerDo already has an administrator. Sign in instead.',
      });
    }
    const admins = await app.ctx.db.selectFrom('admins').select('username').execute();
    expect(admins).toHaveLength(1);
  });

  it('off loopback, asks for the setup code printed in the log, and refuses setup without it', async () => {
    const app = await startTestApp({ HOST: '0.0.0.0' });
    apps.push(app);
    const state = await (await fetch(`${app.url}/api/auth/state`)).json();
    expect(state).toEqual({ needsSetup: true, setupCodeRequired: true, admin: null });
    const code = /needs this setup code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(app.logs())?.[1];
    expect(code).toBeDefined();

    const without = await setup(app, { username: 'owner', password: 'a long enough password' });
    expect(without.status).toBe(403);
    const refusal = (await without.json()).error;
    expect(refusal.code).toBe('auth.setup_code');
    expect(refusal.message).toMatch(/setup code from AdlerDo’s log/);
    const wrong = await setup(app, {
      username: 'owner',
      password: 'a long enough password',
      setupCode: 'AAAA-BBBB-CCCC',
    });
    expect(wrong.status).toBe(403);
    expect(await app.ctx.db.selectFrom('admins').select('id').execute()).toHaveLength(0);

    // Case, spaces and dashes do not matter: it is typed off a terminal.
    const typed = code!.toLowerCase().replace(/-/g, ' ');
    const right = await setup(app, {
      username: 'owner',
      password: 'a long enough password',
      setupCode: typed,
    });
    expect(right.status).toBe(201);
    expect((await (await fetch(`${app.url}/api/auth/state`)).json()).setupCodeRequired).toBe(false);
    const again = await setup(app, {
      username: 'other',
      password: 'a long enough password',
      setupCode: code!,
    });
    expect(again.status).toBe(409);
    // The code is printed once, at start; the password never.
    expect(app.logs().split(code!).length - 1).toBe(1);
    expect(app.logs()).not.toContain('a long enough password');
  });

  it('throttles guessing the setup code', async () => {
    const app = await startTestApp({ HOST: '0.0.0.0' });
    apps.push(app);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await setup(app, {
        username: 'x',
        password: 'a long enough password',
        setupCode: `WRONG-${i}`,
      });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 5)).toEqual([403, 403, 403, 403, 403]);
    expect(statuses).toContain(429);
  });

  it('needs no code behind nothing but loopback, but does behind a trusted proxy', async () => {
    const app = await startTestApp({ ADLERDO_TRUST_PROXY: '127.0.0.1' });
    apps.push(app);
    expect((await (await fetch(`${app.url}/api/auth/state`)).json()).setupCodeRequired).toBe(true);
  });
});
