import { setTimeout as sleep } from 'node:timers/promises';
import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { HubProcess } from '../hub-process.ts';
import { startExternalPostgres, type ExternalPostgres } from './external-postgres.ts';
import { checkIntervals, type RunRow } from './run-intervals.ts';
import { startWorkersWorld, type WorkersWorld } from './workers-world.ts';

/**
 * Issue 14, point 2 (`npm run test:crash -- --scenario pg-restart`): `adlerdo start` and one `adlerdo worker`
 * on an external PostgreSQL (DATABASE_URL) while orders arrive on 5 accounts; mid-run the server is stopped for
 * PG_DOWN_S seconds (default 30, real time) and started again. Nobody restarts the hub: its processes must stay
 * up, `/ready` must say the database is unreachable meanwhile and recover, and every order must reach Odoo
 * exactly once, with no account running two steps at once.
 */
const ACCOUNTS = 5;
const DOWN_MS = Number(process.env.PG_DOWN_S ?? 30) * 1000;
const INTERVALS = 'orders=3,shipments=10,stock=10,cancellations=30,catalog=30';
const RUN_MS = 90_000;
const OUTAGE_AT_MS = 20_000;
const ORDERS = 120;
const DRAIN_MAX_MS = 150_000;
/** After the server is back, /ready must answer `ready` again within this long (reconnects are immediate). */
const RECOVERY_LIMIT_MS = 30_000;

interface Readiness {
  status: number;
  database?: string;
  worker?: string;
}

async function ready(port: number): Promise<Readiness> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(5_000) });
    const body = (await response.json()) as { database?: string; worker?: string };
    return { status: response.status, database: body.database, worker: body.worker };
  } catch {
    return { status: 0 };
  }
}

describe.skipIf(!process.env.ADLERDO_CRASH_TEST || process.env.CRASH_SCENARIO !== 'pg-restart')(
  'PostgreSQL restarted under load',
  () => {
    let pg: ExternalPostgres | undefined;
    let world: WorkersWorld | undefined;
    const processes: HubProcess[] = [];
    afterAll(async () => {
      await Promise.all(processes.map((p) => p.stop(5_000)));
      await pg?.start().catch(() => undefined);
      await world?.close();
      await pg?.close();
    });

    it('the server stopped mid-run and started again: hub and worker reconnect, /ready reports it, every order once', async () => {
      pg = await startExternalPostgres();
      const w = (world = await startWorkersWorld({
        smallAccounts: ACCOUNTS,
        bigSkus: 1_000,
        databaseUrl: pg.url,
      }));
      mkdirSync('test-output', { recursive: true });
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      const env = {
        ...w.hubEnv,
        PORT: String(port),
        ADLERDO_SYNC_INTERVALS: INTERVALS,
        ADLERDO_WORKER_CONCURRENCY: '2',
      };
      const hub = new HubProcess(env, { command: ['start'], logFile: 'test-output/pg-restart-start.log' });
      const worker = new HubProcess(env, {
        command: ['worker'],
        logFile: 'test-output/pg-restart-worker.log',
      });
      processes.push(hub, worker);
      hub.start();
      worker.start();
      for (let i = 0; i < 1200 && (await ready(port)).status !== 200; i++) await sleep(100);
      expect((await ready(port)).status, hub.output()).toBe(200);
      const started = Date.now();

      const small = w.accounts.filter((a) => a !== w.big);
      const placed: string[] = [];
      const place = () => {
        if (placed.length >= ORDERS) return;
        const seller = small[placed.length % small.length]!;
        const order = w.kaufland.createOrder({
          client_key: seller.keys.client_key,
          storefront: 'de',
          items: [{ id_offer: w.skus[placed.length % w.skus.length]!, quantity: 1 + (placed.length % 3) }],
        });
        placed.push(order.id_order);
      };
      const everyMs = RUN_MS / ORDERS;
      const arrivals = (async () => {
        while (placed.length < ORDERS) {
          place();
          await sleep(everyMs);
        }
      })();

      await sleep(OUTAGE_AT_MS);
      // The test's own pool loses its connections too; nothing of it is used until the server is back.
      const downAt = Date.now();
      await pg.stop();
      const during: Readiness[] = [];
      while (Date.now() - downAt < DOWN_MS) {
        during.push(await ready(port));
        await sleep(500);
      }
      await pg.start();
      const upAt = Date.now();
      let recoveredMs = -1;
      let last: Readiness = { status: 0 };
      while (Date.now() - upAt < RECOVERY_LIMIT_MS * 2) {
        last = await ready(port);
        if (last.status === 200) {
          recoveredMs = Date.now() - upAt;
          break;
        }
        await sleep(200);
      }
      await arrivals;

      const inOdoo = () => {
        const refs = new Map<string, number>();
        for (const o of w.odoo.instance.store.all('sale.order')) {
          const ref = String(o.client_order_ref);
          refs.set(ref, (refs.get(ref) ?? 0) + 1);
        }
        return refs;
      };
      const drainStarted = Date.now();
      while (placed.some((id) => !inOdoo().has(id)) && Date.now() - drainStarted < DRAIN_MAX_MS)
        await sleep(500);
      const drainSeconds = ((Date.now() - drainStarted) / 1000).toFixed(1);
      const workerAlive = worker.unexpectedExits.length === 0;
      await Promise.all(processes.map((p) => p.stop()));
      const ended = Date.now();

      const { rows: runs } = await w.database.pool.query<RunRow>(
        'SELECT account_id, step, status, started_at, finished_at FROM sync_runs',
      );
      const check = checkIntervals(runs, {
        step: 'orders',
        intervalMs: 3_000,
        minRuns: 0,
        cutOffAt: upAt,
        accounts: w.accounts.map((a) => a.account.id),
      });
      const refs = inOdoo();
      const missing = placed.filter((id) => !refs.has(id));
      const twice = placed.filter((id) => (refs.get(id) ?? 0) > 1);
      const unreachable = during.filter((r) => r.database === 'unreachable').length;
      const count = (status: string) => runs.filter((r) => r.status === status).length;
      console.log(
        [
          `pg-restart scenario: adlerdo start + 1 adlerdo worker on an external PostgreSQL, ${w.accounts.length} accounts, ${placed.length} orders over ${RUN_MS / 1000} s, server down ${DOWN_MS / 1000} s at ${OUTAGE_AT_MS / 1000} s, total ${((ended - started) / 1000).toFixed(0)} s`,
          `  /ready while down: ${during.length} answers, "database unreachable" ${unreachable}, 503 ${during.filter((r) => r.status === 503).length}, no answer ${during.filter((r) => r.status === 0).length}; ready again ${recoveredMs} ms after the restart (${JSON.stringify(last)})`,
          `  processes: start exits ${hub.unexpectedExits.length}, worker exits ${worker.unexpectedExits.length} (nobody restarted them)`,
          `  runs ${runs.length} (succeeded ${count('succeeded')}, failed ${count('failed')}, left running by the outage ${count('running')}); overlapping runs of one account ${check.overlaps.length}`,
          `  orders placed ${placed.length}, in Odoo ${placed.length - missing.length}, missing ${missing.length}, twice ${twice.length}; drain after the run ${drainSeconds} s`,
          ...check.overlaps.slice(0, 10).map((o) => `    overlap: ${o}`),
        ].join('\n'),
      );
      expect(unreachable, 'GET /ready said "database unreachable" while the server was down').toBeGreaterThan(
        0,
      );
      expect(recoveredMs).toBeGreaterThanOrEqual(0);
      expect(recoveredMs).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);
      expect(hub.unexpectedExits).toEqual([]);
      expect(workerAlive, worker.output()).toBe(true);
      expect(check.overlaps).toEqual([]);
      expect(missing).toEqual([]);
      expect(twice).toEqual([]);
    }, 420_000);
  },
);
