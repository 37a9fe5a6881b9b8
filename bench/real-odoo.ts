import { connectOdoo } from '../src/connectors/odoo/index.ts';
import type { RealOdoo } from './ipc.ts';

/**
 * `--odoo real`: which real Odoo the bench seeds and measures against, from the environment (never hard-coded):
 * ODOO_BENCH_URL, _DB, _LOGIN, _KEY, or else the contract tests' ODOO_TEST_* (the real 17; its password as the
 * key). Absent or unreachable (CI and user machines usually have none), the bench says why and skips.
 */
const PREFIXES = ['ODOO_BENCH', 'ODOO_TEST'] as const;

export function realOdooFromEnv(env: NodeJS.ProcessEnv = process.env): RealOdoo | string {
  for (const prefix of PREFIXES) {
    const [url, database, login, secret] = ['URL', 'DB', 'LOGIN', 'KEY'].map((n) => env[`${prefix}_${n}`]);
    if (url && database && login && secret) return { url, database, login, secret };
  }
  return (
    'no real Odoo configured: set ODOO_BENCH_URL, ODOO_BENCH_DB, ODOO_BENCH_LOGIN and ODOO_BENCH_KEY (or the ' +
    "contract tests' ODOO_TEST_*) to a test database of an Odoo 17 or 19 you may fill with bench products"
  );
}

/** The Odoo it names when it answers and signs the user in; otherwise why not (the bench then skips). */
export async function reachRealOdoo(): Promise<{ odoo: RealOdoo; version: string } | string> {
  const odoo = realOdooFromEnv();
  if (typeof odoo === 'string') return odoo;
  try {
    const client = await connectOdoo({ ...odoo, retries: 0, timeoutMs: 10_000 });
    return { odoo, version: `${client.version.major} (${client.transport.kind})` };
  } catch (error) {
    return `the real Odoo at ${odoo.url} (database ${odoo.database}) does not answer or refuses the login: ${error instanceof Error ? error.message : String(error)}`;
  }
}
