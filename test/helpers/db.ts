import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type Database } from '../../src/store/db.ts';
import { TEMPLATE_DB, withDatabase } from './global-setup.ts';

/** A fresh, migrated database cloned from the run's template; dropped by `close()`. */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = inject('pgServerUrl');
  const name = `adlerdo_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const database = await connect(withDatabase(serverUrl, name));
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
