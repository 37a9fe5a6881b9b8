import { lstatSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../../src/logging/logger.ts';
import { startEmbeddedPostgres } from '../../src/store/embedded-postgres.ts';
import { migrate } from '../../src/store/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL (database `postgres`) of the one PostgreSQL the test run shares. */
    pgServerUrl: string;
  }
}

export const TEMPLATE_DB = 'adlerdo_template';

/**
 * One PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL's server), with a migrated template
 * database; every test file clones its own database from it (test/helpers/db.ts) in ~50 ms.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stop = (): Promise<void> => Promise.resolve();
  let dataDir: string | undefined;
  if (!serverUrl) {
    dataDir = mkdtempSync(path.join(tmpdir(), 'adlerdo-test-pg-'));
    const cluster = await startEmbeddedPostgres(dataDir, 0, createLogger('silent'));
    serverUrl = cluster.connectionString;
    stop = cluster.stop;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templatePool = new pg.Pool({ connectionString: withDatabase(serverUrl, TEMPLATE_DB) });
  await migrate(templatePool);
  await templatePool.end();
  project.provide('pgServerUrl', serverUrl);
  return async () => {
    await stop();
    if (dataDir) {
      // As root with a TMPDIR the postgres user cannot enter, the cluster lives outside, linked from <dataDir>/pg.
      const link = path.join(dataDir, 'pg');
      if (lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink())
        rmSync(readlinkSync(link), { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
