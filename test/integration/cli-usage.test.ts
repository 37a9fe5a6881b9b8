import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/db.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { startSandbox } from '../helpers/kaufland-sandbox.ts';

describe('adlerdo usage errors and KAUFLAND_BASE_URL (CLI)', () => {
  let database: Database;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox()]);
    env = {
      DATABASE_URL: database.connectionString,
      ADLERDO_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'adlerdo-cli-usage-')),
      ADLERDO_MASTER_KEY: randomBytes(32).toString('base64'),
    };
  });
  afterAll(async () => {
    await database?.close();
    await sandbox?.close();
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['accounts', 'list', '--colour'], /unknown option '--colour'/],
    [['accounts', 'verify'], /missing required argument 'name'/],
    [['accounts', 'add', 'kaufland', '--client-id', 'x'], /required option '--name <name>' not specified/],
    [['accounts', 'set', 'x', '--order-import', 'maybe'], /Allowed choices are on, off/],
    [['key', 'rotate', '--new-key-file'], /argument missing/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const result = await runCli(args, env);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('help still exits 0', async () => {
    const help = await runCli(['key', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/rotate/);
  });

  it('new accounts use KAUFLAND_BASE_URL when --base-url is not given', async () => {
    const keys = await sandbox.addSeller(['de']);
    const added = await runCli(
      ['accounts', 'add', 'kaufland', '--name', 'Via env', '--client-id', keys.client_key, '--json'],
      { ...env, KAUFLAND_BASE_URL: sandbox.baseUrl },
      `${keys.secret_key}\n`,
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ baseUrl: sandbox.baseUrl, status: 'connected' });

    // Moving the account: an address that is not http(s) is bad input, an unreachable one changes nothing.
    const notHttp = await runCli(['accounts', 'set', 'Via env', '--base-url', 'ftp://example.com/v2'], env);
    expect(notHttp.code).toBe(2);
    expect(notHttp.stderr).toMatch(/http\(s\) URL/);
    const unreachable = await runCli(
      ['accounts', 'set', 'Via env', '--base-url', 'http://127.0.0.1:1/v2'],
      env,
    );
    expect(unreachable.code).toBe(5);
    const shown = await runCli(['accounts', 'show', 'Via env', '--json'], env);
    expect(JSON.parse(shown.stdout)).toMatchObject({ baseUrl: sandbox.baseUrl, status: 'connected' });
  });

  it('a KAUFLAND_BASE_URL that is not http(s) stops with a message naming it (exit 3)', async () => {
    const bad = await runCli(['accounts', 'list'], { ...env, KAUFLAND_BASE_URL: 'ftp://example.com/v2' });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/KAUFLAND_BASE_URL: must be an http\(s\) URL/);
  });
});
