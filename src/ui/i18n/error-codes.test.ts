import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './language.ts';
import { RESOURCES, type Catalogue } from './resources.ts';

const SRC = join(import.meta.dirname, '../..');

/** Server code that never reaches a seller's screen: the web app itself, the vendors' fakes, tests. */
const NOT_SERVER = /^(ui|sandbox)\/|\.test\.ts$|test-support/;

/**
 * Codes that cannot reach the web app: they end the command line or the start-up (printed in English on the
 * console), or they are the CLI's own input checks. Everything else a route answers or a run records is said
 * from the `errors` catalogue in German and English.
 */
const NOT_ON_SCREEN = new Set([
  'account.none', // `adlerdo sync` without an account
  'cli.bad_price_rule',
  'cli.bad_shipping_flag',
  'cli.secret_empty',
  'cli.secret_file_unreadable',
  'config.file_unreadable',
  'config.invalid',
  'database.embedded_binaries_missing',
  'database.embedded_init_failed',
  'database.embedded_start_failed',
  'database.postgres_user_missing',
  'database.unreachable',
  'product_content.bad_input', // `adlerdo products` arguments
  'refund.bad_amount', // `adlerdo refund` flags
  'refund.bad_input',
  'return.bad_answer', // `adlerdo returns` flags
  'return.bad_id',
  'secrets.bad_key',
  'secrets.in_use',
  'secrets.key_missing',
  'secrets.key_not_lost',
  'secrets.new_key_file_exists',
  'secrets.new_key_file_needed',
  'secrets.new_key_file_unused',
  'secrets.nothing_to_forget',
  'secrets.wrong_key',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !NOT_SERVER.test(relative(SRC, path)) ? [path] : [];
  });
}

/** Every error code the server throws or records, as a grep finds them: `new AppError(kind, 'a.b', …)`, `code: 'a.b'`. */
function thrownCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new AppError\(\s*'\w+',\s*'([a-z0-9_]+\.[a-z0-9_.]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/\b(?:code|errorCode|error_code):\s*'([a-z0-9_]+\.[a-z0-9_.]+)'/g))
      codes.add(m[1]!);
  }
  return [...codes].sort();
}

function text(catalogue: Catalogue | undefined, path: string): unknown {
  let node: unknown = catalogue;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

describe('every error code that can reach the web app has a sentence in German and English', () => {
  const codes = thrownCodes();

  it('finds the codes in the source', () => {
    expect(codes).toContain('kaufland.auth_failed');
    expect(codes).toContain('sync.abandoned');
    expect(codes.length).toBeGreaterThan(80);
  });

  for (const language of LANGUAGES)
    it(`${language}: errors.json has code.<code> for each of them`, () => {
      const missing = codes
        .filter((code) => !NOT_ON_SCREEN.has(code))
        .filter((code) => typeof text(RESOURCES[language]?.errors, `code.${code}`) !== 'string');
      expect(missing, `add these to locales/${language}/errors.json under "code"`).toEqual([]);
    });

  it('the exceptions are still thrown somewhere (a stale entry would hide nothing)', () => {
    for (const code of NOT_ON_SCREEN) expect(codes, code).toContain(code);
  });
});
