import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/db.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { startSandbox } from '../helpers/kaufland-sandbox.ts';

describe('adlerdo accounts carriers / --map-carrier / --default-carrier: Kaufland’s codes only', () => {
  let database: Database;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let env: Record<string, string>;
  const cli = (args: string[], stdin?: string) => runCli(args, env, stdin);

  beforeAll(async () => {
    [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox()]);
    const keys = await sandbox.addSeller(['de']);
    env = {
      DATABASE_URL: database.connectionString,
      ADLERDO_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'adlerdo-cli-carriers-')),
      ADLERDO_MASTER_KEY: randomBytes(32).toString('base64'),
    };
    const args = ['accounts', 'add', 'kaufland', '--name', 'Shop', '--client-id', keys.client_key];
    const added = await cli([...args, '--base-url', sandbox.baseUrl], `${keys.secret_key}\n`);
    expect(added.code).toBe(0);
  });
  afterAll(async () => {
    await database?.close();
    await sandbox?.close();
  });

  it('lists the codes, refuses a typo with exit 2 and a sentence, saves known codes', async () => {
    const listed = await cli(['accounts', 'carriers', 'Shop']);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')).toEqual(expect.arrayContaining(['DHL', 'DPD', 'GLS']));

    const typo = await cli(['accounts', 'set', 'Shop', '--default-carrier', 'dhl express typo']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Kaufland has no carrier "dhl express typo"');

    const saved = await cli(['accounts', 'set', 'Shop', '--map-carrier', 'DPD Paket=DPD', '--json']);
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout).settings.carrierMapping).toEqual({ 'DPD Paket': 'DPD' });
  });
});
