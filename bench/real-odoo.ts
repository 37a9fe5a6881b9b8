import { connectOdoo } from '../src/connectors/odoo/index.ts';
import type { RealOdoo } from './ipc.ts';

/**
 * `--odoo real` / `--odoo real19`: which real Odoo the bench seeds and measures against, from the environment
 * (never hard-coded). `real`: ODOO_BENCH_URL, _DB, _LOGIN, _KEY, or else the contract tests' ODOO_TEST_* (CI's
 * real 17, its password as the key). `real19`: ODOO19_BENCH_* or else ODOO19_TEST_* (CI's real 19, an API key;
 * the connector speaks JSON-2 to it). Absent or unreachable (CI and user machines usually have none), the bench
 * says why and skips.
 */
export type RealOdooTarget = 'real' | 'real19';

const PREFIXES: Record<RealOdooTarget, readonly string[]> = {
  real: ['ODOO_BENCH', 'ODOO_TEST'],
  real19: ['ODOO19_BENCH', 'ODOO19_TEST'],
};

export function realOdooFromEnv(
  target: RealOdooTarget,
  env: NodeJS.ProcessEnv = process.env,
): RealOdoo | string {
  const prefixes = PREFIXES[target];
  for (const prefix of prefixes) {
    const [url, database, login, secret] = ['URL', 'DB', 'LOGIN', 'KEY'].map((n) => env[`${prefix}_${n}`]);
    if (url && database && login && secret) return { url, database, login, secret };
  }
  const [bench, test] = prefixes;
  return (
    `no real Odoo configured: set ${bench}_URL, ${bench}_DB, ${bench}_LOGIN and ${bench}_KEY (or the ` +
    `contract tests' ${test}_*) to a test database of an Odoo ${target === 'real19' ? '19 (an API key)' : '17 or 19'} you may fill with bench products`
  );
}

/** The Odoo it names when it answers and signs the user in, with its version; otherwise why not (the bench skips). */
export async function reachRealOdoo(
  target: RealOdooTarget,
): Promise<{ odoo: RealOdoo; version: string } | string> {
  const odoo = realOdooFromEnv(target);
  if (typeof odoo === 'string') return odoo;
  try {
    const client = await connectOdoo({ ...odoo, retries: 0, timeoutMs: 10_000 });
    const { major } = client.version;
    if (target === 'real19' && major < 19)
      return `--odoo real19 needs an Odoo 19 or later, and ${odoo.url} is an Odoo ${major}`;
    return { odoo, version: `${major} (${client.transport.kind})` };
  } catch (error) {
    return `the real Odoo at ${odoo.url} (database ${odoo.database}) does not answer or refuses the login: ${error instanceof Error ? error.message : String(error)}`;
  }
}
