import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OdooSandbox } from '../../src/sandbox/odoo/index.ts';
import type { Database } from '../../src/store/db.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { startOdoo } from '../helpers/odoo-sandbox.ts';

/** Issue 13: `adlerdo erp push --consent on|off`, the CLI's way to the ERP page's push switch. */
describe('adlerdo erp push (CLI)', () => {
  let database: Database;
  let odoo: OdooSandbox;
  let env: Record<string, string>;
  const dir = mkdtempSync(path.join(tmpdir(), 'adlerdo-cli-push-'));

  beforeAll(async () => {
    [database, odoo] = await Promise.all([createTestDatabase(), startOdoo(17)]);
    env = {
      DATABASE_URL: database.connectionString,
      ADLERDO_DATA_DIR: dir,
      ADLERDO_MASTER_KEY: randomBytes(32).toString('base64'),
      // Nothing listens there: the rules are only installed, never called, in this test.
      ADLERDO_PUBLIC_URL: 'https://adlerdo.example.com',
    };
    const keyFile = path.join(dir, 'key');
    writeFileSync(keyFile, `${odoo.apiKey}\n`);
    const connected = await runCli(
      [
        'erp',
        'connect',
        'odoo',
        '--url',
        odoo.url,
        '--db',
        odoo.database,
        '--login',
        'admin',
        '--api-key-file',
        keyFile,
      ],
      env,
    );
    expect(connected.code).toBe(0);
  });
  afterAll(async () => {
    await database?.close();
    await odoo?.close();
  });

  it('says Odoo is polled without base_automation, installs the rules once it is there, removes them on off', async () => {
    const unavailable = await runCli(['erp', 'push', '--consent', 'on'], env);
    expect(unavailable.code).toBe(0);
    expect(unavailable.stdout).toMatch(/unavailable — .*Automation Rules.*polled/);

    const module = odoo.instance.store.all('ir.module.module').find((m) => m.name === 'base_automation');
    if (module) module.state = 'installed';
    const on = await runCli(['erp', 'push', '--consent', 'on', '--json'], env);
    expect(JSON.parse(on.stdout)).toMatchObject({ consent: true, state: 'active', rules: 3 });
    const urls = odoo.instance.store.all('ir.actions.server').map((a) => String(a.webhook_url));
    expect(
      urls.every((url) => /^https:\/\/adlerdo\.example\.com\/api\/push\/erp\/[A-Za-z0-9_-]{43}$/.test(url)),
    ).toBe(true);

    const off = await runCli(['erp', 'push', '--consent', 'off'], env);
    expect(off.stdout).toMatch(/^Push from the ERP: off/);
    expect(odoo.instance.store.all('base.automation')).toEqual([]);

    const wrong = await runCli(['erp', 'push', '--consent', 'maybe'], env);
    expect(wrong.code).toBe(2);
  });

  it('disconnecting the ERP removes its rules', async () => {
    await runCli(['erp', 'push', '--consent', 'on'], env);
    expect(odoo.instance.store.all('base.automation')).toHaveLength(3);
    const disconnected = await runCli(['erp', 'disconnect'], env);
    expect(disconnected.code).toBe(0);
    expect(odoo.instance.store.all('base.automation')).toEqual([]);
  });
});
