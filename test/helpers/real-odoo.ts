import type { OdooSettingsInput } from '../../src/connectors/odoo/index.ts';

/**
 * The real Odoo servers a contract suite may run against besides the sandboxes: `ODOO_TEST_*` (CI: the real 17
 * over JSON-RPC, its password as the key) and `ODOO19_TEST_*` (CI: the real 19 over JSON-2, its API key). A target
 * whose four variables are not all set is left out, and the suite says so.
 */
export const REAL_ODOO_PREFIXES = ['ODOO', 'ODOO19'] as const;
export type RealOdooPrefix = (typeof REAL_ODOO_PREFIXES)[number];

export function realOdooSettings(prefix: RealOdooPrefix): OdooSettingsInput | null {
  const names = ['URL', 'DB', 'LOGIN', 'KEY'].map((n) => `${prefix}_TEST_${n}`);
  const [url, database, login, secret] = names.map((name) => process.env[name]);
  if (!url || !database || !login || !secret) {
    console.info(`Odoo contract suite: ${names.join(', ')} not set: that real Odoo is skipped.`);
    return null;
  }
  return { url, database, login, secret };
}
