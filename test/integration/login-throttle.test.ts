import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSlots } from '../../src/auth/hash-slots.ts';
import { signedInClient, startTestApp, type TestApp } from '../helpers/app.ts';

const PASSWORD = 'correct horse battery';

describe('sign-in throttling', () => {
  let app: TestApp;
  // X-Forwarded-For from the test's loopback proxy stands for many clients.
  beforeAll(async () => {
    app = await startTestApp({ ADLERDO_TRUST_PROXY: '127.0.0.1' });
    await signedInClient(app, 'admin', PASSWORD);
  });
  afterAll(() => app.close());

  const login = (username: string, password: string, ip: string) =>
    fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ username, password }),
    });

  it('answers 429 with Retry-After after 5 wrong passwords from one address, then waits longer each time', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login('admin', 'wrong password', '203.0.113.1')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const refused = await login('admin', PASSWORD, '203.0.113.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error).toMatchObject({ code: 'auth.throttled' });
    expect(refused.headers.get('set-cookie')).toBeNull();
  });

  it('does not keep the owner out: another address signs in at once', async () => {
    const owner = await login('admin', PASSWORD, '198.51.100.7');
    expect(owner.status).toBe(200);
  });

  it('limits one address across usernames', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await login(`user${i}`, 'wrong password', '203.0.113.2')).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.at(-1)).toBe(429);
  });

  it('counts an IPv6 client by its /64', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++)
      statuses.push((await login('admin', 'wrong password', `2001:db8:1:2::${i}`)).status);
    expect(statuses.at(-1)).toBe(429);
  });

  it('only slows guesses on one username from many addresses, never refuses them', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++)
      statuses.push((await login('admin', 'wrong password', `192.0.2.${i + 10}`)).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect((await login('admin', PASSWORD, '192.0.2.200')).status).toBe(200);
  });

  it('forgets failures after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++)
      expect((await login('admin', 'wrong password', '203.0.113.9')).status).toBe(401);
    expect((await login('admin', PASSWORD, '203.0.113.9')).status).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await login('admin', 'wrong password', '203.0.113.9')).status).toBe(401);
  });

  it('keeps /health answering under 200 wrong passwords at once, with at most a few hashes running', async () => {
    const started = Date.now();
    const guesses = Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        login(`guess${i}`, 'wrong password', `10.${Math.floor(i / 250)}.${i % 250}.1`).then((r) => r.status),
      ),
    );
    let guessesDone = false;
    void guesses.then(() => (guessesDone = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const healthStart = Date.now();
    const health = await fetch(`${app.url}/health`);
    const healthMs = Date.now() - healthStart;
    const healthAnsweredFirst = !guessesDone;
    const statuses = await guesses;
    console.log(
      `200 wrong passwords in ${Date.now() - started} ms: ${statuses.filter((s) => s === 401).length} × 401, ` +
        `${statuses.filter((s) => s === 429).length} × 429; /health took ${healthMs} ms; ` +
        `at most ${hashSlots.peak} of ${hashSlots.limit} hash slots in use`,
    );
    expect(health.status).toBe(200);
    // Ordering, not timing: /health was answered while the guesses still queued for their hashes.
    expect(healthAnsweredFirst).toBe(true);
    expect(hashSlots.peak).toBeLessThanOrEqual(hashSlots.limit);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });
});
