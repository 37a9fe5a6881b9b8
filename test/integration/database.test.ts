import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/db.ts';
import { createTestDatabase } from '../helpers/db.ts';

describe('test database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('is migrated', async () => {
    const rows = await database.db.selectFrom('marketplace_accounts').selectAll().execute();
    expect(rows).toEqual([]);
    const migrations = await database.pool.query<{ name: string }>('SELECT name FROM schema_migrations');
    expect(migrations.rows.map((r) => r.name)).toContain('001_foundation.sql');
  });
});
