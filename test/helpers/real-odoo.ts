import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import type { OdooSettingsInput } from '../../src/connectors/odoo/index.ts';
import { startOdooSandbox, type OdooSandbox } from '../../src/sandbox/odoo/index.ts';

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

/** One Odoo a contract suite runs against. */
export interface OdooTarget {
  settings: OdooSettingsInput;
  /** The sandbox behind it, for its control API; absent for a real server. */
  sandbox?: OdooSandbox;
  /** Whether the server renders PDFs for sure: the sandbox does, a real one only with `<prefix>_TEST_PDF=1` (CI). */
  renders: boolean;
  close(): Promise<void>;
}

/**
 * Declares a contract suite once per Odoo it can run against: the sandbox as 17 (JSON-RPC) and as 19 (JSON-2),
 * then each real Odoo whose variables are set; a real one left out is a skipped suite that names the variables.
 */
export function forEachOdoo(
  suite: string,
  contract: (name: string, open: () => Promise<OdooTarget>) => void,
): void {
  for (const version of [17, 19] as const) {
    contract(`sandbox Odoo ${version}`, async () => {
      const sandbox = await startOdooSandbox({ version, apiKey: randomBytes(20).toString('hex') });
      const secret = version >= 19 ? sandbox.apiKey : sandbox.password;
      const settings = { url: sandbox.url, database: sandbox.database, login: sandbox.login, secret };
      return { settings, sandbox, renders: true, close: () => sandbox.close() };
    });
  }
  for (const prefix of REAL_ODOO_PREFIXES) {
    const settings = realOdooSettings(prefix);
    const renders = process.env[`${prefix}_TEST_PDF`] === '1';
    if (settings)
      contract(`real Odoo at ${settings.url}`, () =>
        Promise.resolve({ settings, renders, close: () => Promise.resolve() }),
      );
    else
      describe.skip(`${suite}: real Odoo (set ${prefix}_TEST_URL, _DB, _LOGIN, _KEY)`, () => {
        it('runs against a real Odoo', () => undefined);
      });
  }
}
