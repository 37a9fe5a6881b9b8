import type { Kysely } from 'kysely';
import { AccountsService } from './accounts/accounts.service.ts';
import type { Config } from './config/config.ts';
import { ErpService } from './erp/erp.service.ts';
import type { Logger } from './logging/logger.ts';
import { loadMasterKey } from './secrets/master-key.ts';
import { SecretBox } from './secrets/secret-box.ts';
import { openDatabase, type Database } from './store/db.ts';
import type { DB } from './store/schema.ts';

/** Everything the HTTP server and the CLI share: one database, one secret box, the services on top. */
export interface AppContext {
  config: Config;
  logger: Logger;
  db: Kysely<DB>;
  accounts: AccountsService;
  erp: ErpService;
  close(): Promise<void>;
}

export async function createAppContext(
  config: Config,
  logger: Logger,
  database?: Database,
): Promise<AppContext> {
  const secrets = new SecretBox(await loadMasterKey(config));
  const opened = database ?? (await openDatabase(config, logger));
  return {
    config,
    logger,
    db: opened.db,
    accounts: new AccountsService({ db: opened.db, secrets, logger }),
    erp: new ErpService({ db: opened.db, secrets, logger }),
    close: () => opened.close(),
  };
}
