import type { Kysely } from 'kysely';
import type pg from 'pg';
import { AccountsService } from './accounts/accounts.service.ts';
import { AlertSettingsService } from './alerts/alert-settings.ts';
import type { Config } from './config/config.ts';
import { useTimeScale } from './core/clock.ts';
import { ErpService } from './erp/erp.service.ts';
import type { Logger } from './logging/logger.ts';
import type { SecretBox } from './secrets/secret-box.ts';
import { openMasterKey } from './secrets/master-key.ts';
import { holdSecretsLock } from './secrets/secrets-lock.ts';
import { openDatabase, type Database } from './store/db.ts';
import { SyncQueue } from './sync/queue.ts';
import type { DB } from './store/schema.ts';

/** Everything the HTTP server and the CLI share: one database, one secret box, the services on top. */
export interface AppContext {
  config: Config;
  logger: Logger;
  db: Kysely<DB>;
  /** The pool under `db`, for graphile-worker. */
  pool: pg.Pool;
  accounts: AccountsService;
  erp: ErpService;
  /** Where alerts go (SMTP, webhook, language, digest): src/alerts. */
  alerts: AlertSettingsService;
  /**
   * This process's sync worker, once one is started (`adlerdo start`, `adlerdo worker`, the demo): set by
   * startWorker, reported by GET /ready. Absent in a process that runs no worker.
   */
  worker?: { running(): boolean };
  /** The sync job queue, opened on first use (it installs graphile-worker's schema once). */
  queue(): Promise<SyncQueue>;
  close(): Promise<void>;
}

export async function createAppContext(
  config: Config,
  logger: Logger,
  database?: Database,
): Promise<AppContext> {
  useTimeScale(config.ADLERDO_TIME_SCALE);
  const opened = database ?? (await openDatabase(config, logger));
  // The key is checked against the stored secrets before anything runs: a missing or wrong key stops here
  // (exit 3) instead of creating a new key or marking healthy accounts "Credentials invalid".
  let releaseLock: (() => Promise<void>) | undefined;
  let secrets: SecretBox;
  try {
    releaseLock = await holdSecretsLock(opened.pool, logger);
    secrets = (await openMasterKey(config, opened.db, logger)).box;
  } catch (error) {
    await releaseLock?.();
    if (!database) await opened.close();
    throw error;
  }
  let queue: Promise<SyncQueue> | undefined;
  return {
    config,
    logger,
    db: opened.db,
    pool: opened.pool,
    accounts: new AccountsService({
      db: opened.db,
      secrets,
      logger,
      defaultBaseUrls: { kaufland: config.KAUFLAND_BASE_URL },
    }),
    erp: new ErpService({ db: opened.db, secrets, logger }),
    alerts: new AlertSettingsService({ db: opened.db, secrets, config }),
    queue: () => (queue ??= SyncQueue.open(opened.pool)),
    close: async () => {
      if (queue) await (await queue).release();
      await releaseLock?.();
      await opened.close();
    },
  };
}
