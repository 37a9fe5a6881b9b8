import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../app-context.ts';
import type { DB } from '../store/schema.ts';

/** How often a worker process prunes: the first time right after it starts, then hourly. */
const EVERY_MS = 60 * 60_000;
/** Rows per DELETE: short statements, so a sync step writing its run never waits long behind one. */
const BATCH = 1_000;
/** Between two batches, so a large first prune (after an upgrade) leaves the database to the steps. */
const PAUSE_MS = 50;

export interface RunsRetentionRules {
  /** Runs that started longer ago than this go (ADLERDO_RUN_RETENTION_DAYS). */
  olderThanDays: number;
  /**
   * Finished runs (succeeded or failed) kept per account and step however old: the attention model reads
   * the last ADLERDO_ATTENTION_FAILED_RUNS of them to say "failed N times in a row".
   */
  keepFinished: number;
}

/**
 * Deletes old run records in batches and answers how many went. Kept, however old:
 * - a run still `running` (its step may be running now; an abandoned one is closed by the worker first);
 * - the newest run of each account and step (the dashboard's and `adlerdo sync status`' "last run");
 * - the newest `keepFinished` succeeded or failed runs of each account and step (attention's streak).
 * The ERP outage reads 7 days back and the Overview 48 hours; config keeps the age at 7 days or more.
 * Several processes may prune at once: each batch skips rows another has locked.
 */
export async function pruneOldRuns(
  db: Kysely<DB>,
  rules: RunsRetentionRules,
  options: { batch?: number; pauseMs?: number; stopped?: () => boolean } = {},
): Promise<number> {
  const batch = options.batch ?? BATCH;
  let deleted = 0;
  while (!options.stopped?.()) {
    // Both checks walk the (account_id, step, started_at DESC) index from the newest run down: "older than the
    // newest-th" as ORDER BY … OFFSET, since a count over the step's runs made the planner scan the whole table.
    const result = await sql`
      DELETE FROM sync_runs WHERE id IN (
        SELECT r.id FROM sync_runs r
        WHERE r.started_at < now() - make_interval(days => ${rules.olderThanDays})
          AND r.status <> 'running'
          AND r.started_at < (SELECT n.started_at FROM sync_runs n
                              WHERE n.account_id = r.account_id AND n.step = r.step
                              ORDER BY n.started_at DESC LIMIT 1)
          AND (r.status NOT IN ('succeeded', 'failed') OR r.started_at < (
            SELECT n.started_at FROM sync_runs n
            WHERE n.account_id = r.account_id AND n.step = r.step AND n.status IN ('succeeded', 'failed')
            ORDER BY n.started_at DESC OFFSET ${rules.keepFinished - 1} LIMIT 1))
        ORDER BY r.started_at
        LIMIT ${batch}
        FOR UPDATE SKIP LOCKED)`.execute(db);
    const n = Number(result.numAffectedRows ?? 0);
    deleted += n;
    if (n < batch) break;
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? PAUSE_MS));
  }
  return deleted;
}

export interface RunsRetention {
  /** Prunes now (also what the timer does); resolves to the number of runs deleted, 0 after a failure. */
  tick(): Promise<number>;
  /** No more ticks; resolves once a prune under way has ended its current batch (before the pool closes). */
  stop(): Promise<void>;
}

/**
 * Prunes the run records of every account in the background, in each process that runs a worker: right after
 * start, then hourly. A failure (database away) is logged and tried again at the next tick.
 */
export function startRunsRetention(app: AppContext, everyMs = EVERY_MS): RunsRetention {
  const log = app.logger.child({ component: 'runs-retention' });
  let running: Promise<number> | undefined;
  let stopped = false;
  const rules: RunsRetentionRules = {
    olderThanDays: app.config.ADLERDO_RUN_RETENTION_DAYS,
    keepFinished: app.config.ADLERDO_ATTENTION_FAILED_RUNS,
  };
  const tick = (): Promise<number> => {
    if (stopped) return Promise.resolve(0);
    running ??= pruneOldRuns(app.db, rules, { stopped: () => stopped })
      .then((deleted) => {
        if (deleted > 0) log.info({ deleted, olderThanDays: rules.olderThanDays }, 'old sync runs deleted');
        return deleted;
      })
      .catch((error: unknown) => {
        log.warn({ err: error }, 'old sync runs not deleted (tried again within the hour)');
        return 0;
      })
      .finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
