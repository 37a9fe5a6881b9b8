import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attentionConditions } from '../../src/sync/attention/attention-conditions.ts';
import { lastRuns } from '../../src/sync/runs.repository.ts';
import { pruneOldRuns } from '../../src/sync/runs-retention.ts';
import { startWorker } from '../../src/sync/worker.ts';
import { signedInClient, startTestApp, type TestApp } from '../helpers/app.ts';
import { eventually } from '../helpers/eventually.ts';
import { startSandbox } from '../helpers/kaufland-sandbox.ts';

/**
 * Issue 14's leftover: run records are pruned. A worker started on the real app prunes at start (then hourly)
 * what is older than ADLERDO_RUN_RETENTION_DAYS (10 here), and keeps what the dashboard, the attention model
 * and the ERP outage still read: the newest run of each step, the last ADLERDO_ATTENTION_FAILED_RUNS (3)
 * finished runs of each step, everything younger, and never a running run.
 */
const DAY_MS = 24 * 3600_000;

interface Seed {
  step: string;
  status: 'succeeded' | 'failed' | 'paused' | 'skipped' | 'running';
  daysAgo: number;
}

describe('run records retention (ADLERDO_RUN_RETENTION_DAYS)', () => {
  let app: TestApp;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let accountId = '';

  const seed = async (runs: readonly Seed[]) => {
    const now = Date.now();
    await app.ctx.db
      .insertInto('sync_runs')
      .values(
        runs.map((run) => {
          const started = new Date(now - run.daysAgo * DAY_MS);
          return {
            account_id: accountId,
            step: run.step,
            trigger: 'schedule',
            status: run.status,
            started_at: started,
            finished_at: run.status === 'running' ? null : new Date(started.getTime() + 1_000),
            error_code: run.status === 'failed' ? 'odoo.unreachable' : null,
            error_message: run.status === 'failed' ? 'Odoo did not answer.' : null,
          };
        }),
      )
      .execute();
  };
  /** What is left, per step: "status age-in-days", oldest first. */
  const left = async (): Promise<Record<string, string[]>> => {
    const { rows } = await sql<{ step: string; status: string; days: number }>`
      SELECT step, status, round(extract(epoch FROM now() - started_at) / 86400)::int AS days
      FROM sync_runs WHERE account_id = ${accountId} ORDER BY step, started_at`.execute(app.ctx.db);
    const out: Record<string, string[]> = {};
    for (const row of rows) (out[row.step] ??= []).push(`${row.status} ${row.days}`);
    return out;
  };
  const series = (step: string, status: Seed['status'], days: number[]): Seed[] =>
    days.map((daysAgo) => ({ step, status, daysAgo }));

  beforeAll(async () => {
    [app, sandbox] = await Promise.all([startTestApp({ ADLERDO_RUN_RETENTION_DAYS: '10' }), startSandbox()]);
    const api = await signedInClient(app);
    const keys = await sandbox.addSeller(['de']);
    const added = await api('POST', '/api/accounts', {
      type: 'kaufland',
      name: 'Retention store',
      clientId: keys.client_key,
      clientSecret: keys.secret_key,
      baseUrl: sandbox.baseUrl,
    });
    expect(added.status).toBe(201);
    accountId = added.json.account.id as string;
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('a worker prunes old runs at start and keeps the newest, the attention streak and everything younger', async () => {
    await seed([
      // Old successes, then recent ones: only the third newest finished run of the old ones stays.
      ...series('orders', 'succeeded', [20, 19, 18, 17, 16, 15, 1, 0.1]),
      // A step failing since long ago and not run since: its last 3 failures stay (attention reads them).
      ...series('stock', 'failed', [30, 29, 28, 27, 26]),
      // Old skipped runs and an old success under three younger successes: all go.
      ...series('catalog', 'skipped', [40, 39, 38, 37]),
      ...series('catalog', 'succeeded', [12, 5, 3, 1]),
      // The only run of a step, however old: the dashboard's "last run" of that step.
      ...series('shipments', 'paused', [50]),
      // Younger than 10 days: all stay.
      ...series('cancellations', 'succeeded', [9.6, 9, 8, 7, 2]),
    ]);
    const rules = { failedRunsInARow: 3, heldOrderMinutes: 60 };
    const lastBefore = await lastRuns(app.ctx.db, accountId);
    const attentionBefore = await attentionConditions(app.ctx.db, rules);
    expect(attentionBefore.map((c) => c.step)).toContain('stock');

    const worker = await startWorker(app.ctx, { concurrency: 1 });
    try {
      const expected = {
        cancellations: ['succeeded 10', 'succeeded 9', 'succeeded 8', 'succeeded 7', 'succeeded 2'],
        catalog: ['succeeded 5', 'succeeded 3', 'succeeded 1'],
        orders: ['succeeded 15', 'succeeded 1', 'succeeded 0'],
        shipments: ['paused 50'],
        stock: ['failed 28', 'failed 27', 'failed 26'],
      };
      const after = await eventually(left, (runs) => JSON.stringify(runs) === JSON.stringify(expected));
      expect(after).toEqual(expected);
    } finally {
      await worker.stop();
    }
    expect(await lastRuns(app.ctx.db, accountId)).toEqual(lastBefore);
    expect(await attentionConditions(app.ctx.db, rules)).toEqual(attentionBefore);
  });

  it('never deletes a running run, and works through a backlog in batches', async () => {
    await sql`DELETE FROM sync_runs WHERE account_id = ${accountId}`.execute(app.ctx.db);
    await seed([
      { step: 'returns', status: 'running', daysAgo: 20 },
      ...series(
        'returns',
        'succeeded',
        Array.from({ length: 25 }, (_, i) => 45 - i),
      ),
      ...series('returns', 'succeeded', [3, 2, 1]),
    ]);
    // Batches of 4: the 25 old successes go in seven statements.
    const deleted = await pruneOldRuns(
      app.ctx.db,
      { olderThanDays: 10, keepFinished: 3 },
      { batch: 4, pauseMs: 0 },
    );
    expect(deleted).toBe(25);
    expect(await left()).toEqual({
      returns: ['running 20', 'succeeded 3', 'succeeded 2', 'succeeded 1'],
    });
  });
});
