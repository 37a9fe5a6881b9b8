import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/** Every row of every table, as text: what a stolen database backup would show (tests grep it for secrets). */
export async function dumpAllTables(db: Kysely<any>): Promise<string> {
  const tables = await sql<{
    tablename: string;
  }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`.execute(db);
  const parts: string[] = [];
  for (const { tablename } of tables.rows) {
    const rows = await sql`SELECT to_jsonb(t)::text AS row FROM ${sql.table(tablename)} t`.execute(db);
    parts.push(JSON.stringify(rows.rows));
  }
  return parts.join('\n');
}
