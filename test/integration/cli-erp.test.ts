import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OdooSandbox } from '../../src/sandbox/odoo/index.ts';
import type { Database } from '../../src/store/db.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { newOdooKey, replaceOdooKey, startOdoo } from '../helpers/odoo-sandbox.ts';

describe('adlerdo erp (CLI)', () => {
  let database: Database;
  let odoo: OdooSandbox;
  let env: Record<string, string>;
  const dir = mkdtempSync(path.join(tmpdir(), 'adlerdo-cli-erp-'));
  const outputs: string[] = [];
  const secrets: string[] = [];
  const cli = async (args: string[], stdin?: string) => {
    const result = await runCli(args, env, stdin);
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  const keyFile = (name: string, key: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, `${key}\n`);
    secrets.push(key);
    return file;
  };
  const connectArgs = () => [
    'erp',
    'connect',
    'odoo',
    '--url',
    odoo.url,
    '--db',
    odoo.database,
    '--login',
    'admin',
  ];

  beforeAll(async () => {
    [database, odoo] = await Promise.all([createTestDatabase(), startOdoo(17)]);
    env = {
      DATABASE_URL: database.connectionString,
      ADLERDO_DATA_DIR: dir,
      ADLERDO_MASTER_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'debug',
    };
  });
  afterAll(async () => {
    await database?.close();
    await odoo?.close();
  });

  it('exits 3 with a clear message when Odoo refuses the key, storing nothing', async () => {
    const rejected = await cli([...connectArgs(), '--api-key-file', keyFile('wrong-key', newOdooKey())]);
    expect(rejected.code).toBe(3);
    expect(rejected.stderr).toMatch(/Error: Odoo refused the login or API key/);
    expect(rejected.stdout).toBe('');
    const shown = await cli(['erp', 'show']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/No ERP connected yet/);
    expect(JSON.parse((await cli(['erp', 'show', '--json'])).stdout)).toBeNull();
  });

  it('exits 3 for an unknown database and 5 for an unreachable server', async () => {
    const file = keyFile('key', odoo.apiKey);
    const unknown = await cli([
      'erp',
      'connect',
      'odoo',
      '--url',
      odoo.url,
      '--db',
      'nope',
      '--login',
      'admin',
      '--api-key-file',
      file,
    ]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/database does not exist/);
    const unreachable = await cli([
      'erp',
      'connect',
      'odoo',
      '--url',
      'http://127.0.0.1:9',
      '--db',
      odoo.database,
      '--login',
      'admin',
      '--api-key-file',
      file,
    ]);
    expect(unreachable.code).toBe(5);
    expect(unreachable.stderr).toMatch(/Odoo cannot be reached/);
  });

  it('connects with the key from a file and shows it masked', async () => {
    const connected = await cli([...connectArgs(), '--api-key-file', keyFile('good-key', odoo.apiKey)]);
    expect(connected.stderr).not.toMatch(/Error/);
    expect(connected.code).toBe(0);
    expect(connected.stdout).toMatch(
      /^Connected: odoo at http:\/\/127\.0\.0\.1:\d+, database odoo17, login admin/,
    );
    expect(connected.stdout).toContain(`API key ••••${odoo.apiKey.slice(-4)}`);
    expect(connected.stdout).toMatch(/status connected; version 17\.0 over jsonrpc/);
    expect(connected.stdout).toMatch(/warehouses WH \(1\); carriers Standard delivery/);

    const shown = await cli(['erp', 'show', '--json']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      type: 'odoo',
      database: 'odoo17',
      login: 'admin',
      apiKey: `••••${odoo.apiKey.slice(-4)}`,
      serverVersion: '17.0',
      status: 'connected',
      warehouses: [{ id: '1', code: 'WH', name: 'My Company' }],
    });
  });

  it('refuses a second connect', async () => {
    const again = await cli([...connectArgs(), '--api-key-file', path.join(dir, 'good-key')]);
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/An ERP is already connected/);
  });

  it('verifies; a key deleted in Odoo shows as credentials_invalid until a new one comes in on stdin', async () => {
    const verified = await cli(['erp', 'verify']);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^Verified: .*status connected/s);

    const newKey = replaceOdooKey(odoo);
    secrets.push(newKey);
    const refused = await cli(['erp', 'verify']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/Odoo refused the login or API key/);
    expect((await cli(['erp', 'show'])).stdout).toMatch(/status credentials_invalid/);

    const updated = await cli(['erp', 'update-key'], `${newKey}\n`);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toMatch(/^Key updated: .*status connected/s);
    expect(updated.stdout).toContain(`••••${newKey.slice(-4)}`);
  });

  it('sets the safety buffer and product types, refusing bad values', async () => {
    const set = await cli(['erp', 'set', '--safety-buffer', '2', '--product-types', 'storable,consumable']);
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/^Updated: /);
    const settings = JSON.parse((await cli(['erp', 'show', '--json'])).stdout).settings;
    expect(settings).toMatchObject({
      safetyBuffer: 2,
      productTypes: ['storable', 'consumable'],
      warehouseId: '1',
    });

    const bad = await cli(['erp', 'set', '--safety-buffer', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/settings\.safetyBuffer/);
    const unknownWarehouse = await cli(['erp', 'set', '--warehouse', '99']);
    expect(unknownWarehouse.code).toBe(2);
    expect(unknownWarehouse.stderr).toMatch(/settings\.warehouseId: Choose one of: 1\./);
  });

  it('connects again with the key from stdin after a disconnect', async () => {
    const disconnected = await cli(['erp', 'disconnect']);
    expect(disconnected.code).toBe(0);
    expect(disconnected.stdout).toBe('ERP disconnected.\n');
    expect(JSON.parse((await cli(['erp', 'show', '--json'])).stdout)).toBeNull();
    expect((await cli(['erp', 'disconnect'])).code).toBe(4);

    const key = replaceOdooKey(odoo);
    secrets.push(key);
    const connected = await cli([...connectArgs(), '--json'], `${key}\n`);
    expect(connected.code).toBe(0);
    expect(JSON.parse(connected.stdout)).toMatchObject({
      status: 'connected',
      apiKey: `••••${key.slice(-4)}`,
    });
    expect((await cli(['erp', 'disconnect'])).code).toBe(0);
  });

  it('never prints a key, even at debug log level', () => {
    const all = outputs.join('\n');
    for (const secret of secrets) expect(all).not.toContain(secret);
  });
});
