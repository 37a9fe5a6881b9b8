import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/db.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { startSandbox, type SellerKeys } from '../helpers/kaufland-sandbox.ts';

describe('adlerdo accounts (CLI)', () => {
  let database: Database;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let keys: SellerKeys;
  let env: Record<string, string>;
  const dir = mkdtempSync(path.join(tmpdir(), 'adlerdo-cli-'));
  const outputs: string[] = [];
  const secrets: string[] = ['a'.repeat(64)];
  const cli = async (args: string[], stdin?: string) => {
    const result = await runCli(args, env, stdin);
    outputs.push(result.stdout, result.stderr);
    return result;
  };

  beforeAll(async () => {
    [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox()]);
    keys = await sandbox.addSeller(['de']);
    secrets.push(keys.secret_key);
    env = {
      DATABASE_URL: database.connectionString,
      ADLERDO_DATA_DIR: dir,
      ADLERDO_MASTER_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'debug',
    };
  });
  afterAll(async () => {
    await database?.close();
    await sandbox?.close();
  });

  it('adds an account with the secret from stdin and lists it masked', async () => {
    const added = await cli(
      [
        'accounts',
        'add',
        'kaufland',
        '--name',
        'My Kaufland Store',
        '--client-id',
        keys.client_key,
        '--base-url',
        sandbox.baseUrl,
      ],
      `${keys.secret_key}\n`,
    );
    expect(added.stderr).not.toMatch(/Error/);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Connected: My Kaufland Store \(kaufland\) — connected/);

    const listed = await cli(['accounts', 'list', '--json']);
    const accounts = JSON.parse(listed.stdout) as { name: string; clientId: string; status: string }[];
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      name: 'My Kaufland Store',
      clientId: `••••${keys.client_key.slice(-4)}`,
      status: 'connected',
    });

    const table = await cli(['accounts', 'list']);
    expect(table.stdout).toMatch(/NAME\s+TYPE\s+CLIENTID\s+STATUS/);
    expect(table.stdout).toContain(`••••${keys.client_key.slice(-4)}`);
  });

  it('exits non-zero with a clear message when Kaufland rejects the keys, storing nothing', async () => {
    const secretFile = path.join(dir, 'wrong-secret');
    writeFileSync(secretFile, 'a'.repeat(64));
    const rejected = await cli([
      'accounts',
      'add',
      'kaufland',
      '--name',
      'Second',
      '--client-id',
      keys.client_key,
      '--client-secret-file',
      secretFile,
      '--base-url',
      sandbox.baseUrl,
    ]);
    expect(rejected.code).toBe(3);
    expect(rejected.stderr).toMatch(/Kaufland rejected these keys/);
    const listed = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as unknown[];
    expect(listed).toHaveLength(1);
  });

  it('verifies, notices regenerated keys, and takes the new pair from a file', async () => {
    const rotated = await sandbox.rotateKeys(keys.client_key);
    const verify = await cli(['accounts', 'verify', 'My Kaufland Store']);
    expect(verify.code).toBe(3);
    const shown = await cli(['accounts', 'show', 'my kaufland store']);
    expect(shown.stdout).toMatch(/credentials_invalid/);
    expect(shown.stdout).toMatch(/API keys may have been regenerated/);

    const secretFile = path.join(dir, 'new-secret');
    writeFileSync(secretFile, `${rotated.secret_key}\n`);
    const updated = await cli([
      'accounts',
      'update-keys',
      'My Kaufland Store',
      '--client-id',
      rotated.client_key,
      '--client-secret-file',
      secretFile,
    ]);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toMatch(/Keys updated: .* — connected/);
    expect((await cli(['accounts', 'verify', 'My Kaufland Store'])).code).toBe(0);
    secrets.push(rotated.secret_key);
  });

  it('sets toggles and settings, refusing bad values', async () => {
    const set = await cli([
      'accounts',
      'set',
      'My Kaufland Store',
      '--product-stock-sync',
      'on',
      '--order-import',
      'off',
      '--storefronts',
      'de',
      '--handling-time',
      '3',
      '--map-carrier',
      'Standard delivery=DHL',
      '--json',
    ]);
    expect(set.code).toBe(0);
    const account = JSON.parse(set.stdout) as { settings: Record<string, unknown> };
    expect(account.settings).toMatchObject({
      productStockSync: true,
      orderImport: false,
      shipmentConfirmation: true,
      storefronts: ['de'],
      handlingTimeDays: 3,
      carrierMapping: { 'Standard delivery': 'DHL' },
    });
    const bad = await cli(['accounts', 'set', 'My Kaufland Store', '--handling-time', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/settings.handlingTimeDays/);
  });

  it('sets the account price rule and a storefront’s own, in its currency; drops it again', async () => {
    const set = await cli([
      'accounts',
      'set',
      'My Kaufland Store',
      '--price-rule',
      'factor=1.1,rounding=up_99',
      '--price-rule',
      'cz:rounding=whole,minimum=4900',
      '--json',
    ]);
    expect(set.code).toBe(0);
    const account = JSON.parse(set.stdout) as { settings: Record<string, unknown> };
    expect(account.settings.priceRule).toEqual({
      factor: 1.1,
      surchargeMinor: 0,
      rounding: 'up_99',
      minimumMinor: null,
    });
    // cz starts from the account's rule as it is after this command.
    expect(account.settings.storefrontPriceRules).toEqual({
      cz: { factor: 1.1, surchargeMinor: 0, rounding: 'whole', minimumMinor: 4900 },
    });
    const dropped = await cli([
      'accounts',
      'set',
      'My Kaufland Store',
      '--price-rule',
      'cz:account',
      '--json',
    ]);
    expect(
      (JSON.parse(dropped.stdout) as { settings: Record<string, unknown> }).settings.storefrontPriceRules,
    ).toEqual({});
    const bad = await cli(['accounts', 'set', 'My Kaufland Store', '--price-rule', 'cz:cheap=yes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--price-rule "cz:cheap=yes"/);
    const negative = await cli(['accounts', 'set', 'My Kaufland Store', '--price-rule', 'cz:factor=-1']);
    expect(negative.code).toBe(2);
  });

  it('gives a storefront its own handling time and shipping group, and drops them again', async () => {
    const set = await cli([
      'accounts',
      'set',
      'My Kaufland Store',
      '--handling-time',
      '2',
      '--handling-time',
      'cz:5',
      '--shipping-group',
      'cz:12',
      '--json',
    ]);
    expect(set.code).toBe(0);
    const settings = (JSON.parse(set.stdout) as { settings: Record<string, unknown> }).settings;
    expect(settings.handlingTimeDays).toBe(2);
    expect(settings.storefrontShipping).toEqual({ cz: { handlingTimeDays: 5, shippingGroupId: 12 } });
    const dropped = await cli([
      'accounts',
      'set',
      'My Kaufland Store',
      '--handling-time',
      'cz:account',
      '--json',
    ]);
    expect(
      (JSON.parse(dropped.stdout) as { settings: Record<string, unknown> }).settings.storefrontShipping,
    ).toEqual({});
    const bad = await cli(['accounts', 'set', 'My Kaufland Store', '--shipping-group', 'cz:express']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/shippingGroupId/);
    const empty = await cli(['accounts', 'set', 'My Kaufland Store', '--handling-time', 'cz:']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--handling-time "cz:"/);
  });

  it('removes the account; an unknown name is a clear error', async () => {
    expect((await cli(['accounts', 'remove', 'My Kaufland Store'])).code).toBe(0);
    const missing = await cli(['accounts', 'verify', 'My Kaufland Store']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/No account "My Kaufland Store" exists/);
  });

  it('never prints a secret, even at debug log level', () => {
    const all = outputs.join('\n');
    for (const secret of secrets) expect(all).not.toContain(secret);
  });
});
