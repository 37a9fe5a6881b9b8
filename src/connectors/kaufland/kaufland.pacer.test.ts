import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_PER_SECOND, PACE, pacerFor } from './kaufland.pacer.ts';
import { createKauflandTransport } from './kaufland.transport.ts';
import { freshKey, startLocalServer, type LocalServer } from './test-support/local-server.ts';

let server: LocalServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
});

/** Most requests that arrived within any one-second window. */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= 1000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe('Kaufland pacing', () => {
  it('sends 250 parallel requests of one seller at most 111 in any second', async () => {
    server = await startLocalServer(() => ({ status: 204 }));
    const transport = createKauflandTransport({
      baseUrl: server.baseUrl,
      clientKey: freshKey(),
      secretKey: 'secret',
    });
    // When each request is handed to fetch: what the pacer controls. Arrival times at this in-process server would
    // bunch up whenever the machine is busy (measured: 120 in one second with two CPU hogs on two cores).
    const sent: number[] = [];
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      sent.push(performance.now());
      return realFetch(input, init);
    });
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 250 }, () => transport.send({ method: 'GET', path: '/status/ping' })),
    );
    const elapsed = performance.now() - started;
    // 2 at once, then 104/s: the 250th request leaves after (250 - 2) / 104 ≈ 2.38 s (≥ 1.25 s even at 111/s).
    expect(elapsed).toBeGreaterThanOrEqual(((250 - PACE.burst) / PACE.perSecond) * 1000 - 50);
    // Kaufland's limit; the pacer's own 106 is checked exactly below, on a fake clock.
    expect(busiestSecond(sent)).toBeLessThanOrEqual(111);
    expect(server.received).toHaveLength(250);
  });

  it('lets at most 106 of a burst of 500 queued calls out in any one-second window, and 104/s sustained', async () => {
    // Fake clock: the grant times are the pacer's own decisions, exact to the millisecond, whatever the load.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const take = pacerFor(freshKey());
      const granted: number[] = [];
      const started = performance.now();
      const all = Promise.all(
        Array.from({ length: 500 }, () => take().then(() => granted.push(performance.now() - started))),
      );
      await vi.advanceTimersByTimeAsync(10_000);
      await all;
      expect(granted).toHaveLength(500);
      expect(MAX_PER_SECOND).toBe(106);
      expect(busiestSecond(granted)).toBeLessThanOrEqual(MAX_PER_SECOND);
      expect(busiestSecond(granted)).toBeLessThanOrEqual(111);
      // The burst at once, then 104/s: the 500th leaves at (500 − 2) / 104 ≈ 4.79 s, i.e. more than 100 per second.
      expect(granted.slice(0, PACE.burst).every((at) => at === 0)).toBe(true);
      expect(granted.at(-1)).toBeGreaterThanOrEqual(((500 - PACE.burst) / PACE.perSecond) * 1000 - 1);
      expect(granted.at(-1)).toBeLessThan((500 / 100) * 1000);
      // First come, first served: grants in call order.
      expect([...granted].sort((a, b) => a - b)).toEqual(granted);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refills to the burst only, however long the seller was idle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const take = pacerFor(freshKey());
      await take();
      await vi.advanceTimersByTimeAsync(60_000);
      const granted: number[] = [];
      const started = performance.now();
      const all = Promise.all(
        Array.from({ length: 120 }, () => take().then(() => granted.push(performance.now() - started))),
      );
      await vi.advanceTimersByTimeAsync(5_000);
      await all;
      expect(granted.filter((at) => at === 0)).toHaveLength(PACE.burst);
      expect(busiestSecond(granted)).toBeLessThanOrEqual(MAX_PER_SECOND);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shares one budget between two clients of the same seller, not between sellers', async () => {
    server = await startLocalServer(() => ({ status: 204 }));
    const key = freshKey();
    const options = { baseUrl: server.baseUrl, secretKey: 'secret' };
    const first = createKauflandTransport({ ...options, clientKey: key });
    const second = createKauflandTransport({ ...options, clientKey: key });
    const other = createKauflandTransport({ ...options, clientKey: freshKey() });
    const ping = { method: 'GET', path: '/status/ping' } as const;

    const started = performance.now();
    await Promise.all(Array.from({ length: PACE.burst }, () => other.send(ping)));
    expect(performance.now() - started).toBeLessThan(200);

    const sharedStart = performance.now();
    await Promise.all(Array.from({ length: 25 }, (_, i) => (i % 2 ? first : second).send(ping)));
    // 25 requests against one bucket: 2 at once + 23 at 104/s ≥ 221 ms.
    expect(performance.now() - sharedStart).toBeGreaterThanOrEqual(180);
  });
});
