import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../../src/secrets/secret-box.ts';
import { holdSecretsLock } from '../../src/secrets/secrets-lock.ts';
import { readStoredSecrets, unreadableBy } from '../../src/secrets/stored-secrets.ts';
import type { Database } from '../../src/store/db.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { BIN, runCli } from '../helpers/cli.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { startSandbox, type SellerKeys } from '../helpers/kaufland-sandbox.ts';

/**
 * The master key through the real bin: created only for an empty database, never replaced while secrets exist,
 * a wrong key refused at start (exit 3, what to restore), and `adlerdo key rotate` moving every secret at once.
 */
describe('adlerdo master key (CLI and start)', () => {
  let database: Database;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  const sellers: SellerKeys[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'adlerdo-key-'));
  const keyFile = path.join(dataDir, 'master.key');
  const outputs: string[] = [];
  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: database.connectionString,
    ADLERDO_DATA_DIR: dataDir,
    ...extra,
  });
  const cli = async (args: string[], extra?: Record<string, string>, stdin?: string) => {
    const result = await runCli(args, env(extra), stdin);
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  const ciphertexts = async () =>
    (await readStoredSecrets(database.db)).map((s) => `${s.id}:${s.column}:${s.ciphertext}`).sort();
  const opens = async (key: Buffer) =>
    unreadableBy(new SecretBox(key), await readStoredSecrets(database.db)).length === 0;
  const envKeyFile = path.join(mkdtempSync(path.join(tmpdir(), 'adlerdo-newkey-')), 'adlerdo.key');
  const readKey = (file: string) => Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');

  beforeAll(async () => {
    [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox()]);
    sellers.push(await sandbox.addSeller(['de']), await sandbox.addSeller(['cz']));
  });
  afterAll(async () => {
    await database?.close();
    await sandbox?.close();
  });

  const add = (name: string, seller: SellerKeys, extra?: Record<string, string>) =>
    cli(
      [
        'accounts',
        'add',
        'kaufland',
        '--name',
        name,
        '--client-id',
        seller.client_key,
        '--base-url',
        sandbox.baseUrl,
      ],
      extra,
      `${seller.secret_key}\n`,
    );

  it('creates a 0600 key file while the database holds no secret, and uses it', async () => {
    expect(existsSync(keyFile)).toBe(false);
    const first = await add('Store A', sellers[0]!);
    expect(first.stderr).toMatch(/created a new master key; back it up now/);
    expect(first.code).toBe(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(await opens(readKey(keyFile))).toBe(true);
    expect((await add('Store B', sellers[1]!)).code).toBe(0);
  });

  it('refuses to run, exit 3, when master.key is missing but secrets exist — and creates no new key', async () => {
    const saved = readFileSync(keyFile);
    rmSync(keyFile);
    const listed = await cli(['accounts', 'list']);
    expect(listed.code).toBe(3);
    expect(listed.stderr).toContain(`${keyFile} is missing`);
    expect(listed.stderr).toMatch(/stored keys of account "Store A", account "Store B"/);
    expect(listed.stderr).toMatch(/Restore master.key from your backup/);
    expect(existsSync(keyFile)).toBe(false);
    writeFileSync(keyFile, saved, { mode: 0o600 });
    expect((await cli(['accounts', 'list'])).code).toBe(0);
  });

  it('refuses a wrong key, exit 3, without marking any account "Credentials invalid"', async () => {
    const wrong = randomBytes(32).toString('base64');
    const viaEnv = await cli(['accounts', 'verify', 'Store A'], { ADLERDO_MASTER_KEY: wrong });
    expect(viaEnv.code).toBe(3);
    expect(viaEnv.stderr).toMatch(/The master key from ADLERDO_MASTER_KEY .* cannot open the stored keys/);
    expect(viaEnv.stderr).toMatch(/Restore that key from your backup \(set ADLERDO_MASTER_KEY to it\)/);

    const saved = readFileSync(keyFile);
    writeFileSync(keyFile, `${wrong}\n`);
    const viaFile = await cli(['sync', 'status']);
    expect(viaFile.code).toBe(3);
    expect(viaFile.stderr).toContain(`The master key from ${keyFile} cannot open`);
    writeFileSync(keyFile, saved);

    const accounts = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as { status: string }[];
    expect(accounts.map((a) => a.status)).toEqual(['connected', 'connected']);
  });

  it('adlerdo start refuses too (exit 3) and says what to restore', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'start'], {
        env: {
          PATH: process.env.PATH ?? '',
          ...env({ ADLERDO_MASTER_KEY: randomBytes(32).toString('hex'), PORT: '0' }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    outputs.push(result.stderr);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/cannot open the stored keys .* Restore that key from your backup/);
  });

  it('key rotate refuses while another AdlerDo process holds the key, changing nothing', async () => {
    const before = await ciphertexts();
    const release = await holdSecretsLock(database.pool, createLogger('silent'));
    try {
      const rotate = await cli(['key', 'rotate']);
      expect(rotate.code).toBe(4);
      expect(rotate.stderr).toMatch(/Stop every AdlerDo process/);
    } finally {
      await release();
    }
    expect(await ciphertexts()).toEqual(before);
    expect(existsSync(`${keyFile}.new`)).toBe(false);
  });

  it('a crash in the middle of key rotate leaves every secret under the old key', async () => {
    const oldKey = readKey(keyFile);
    const before = await ciphertexts();
    // The second account's secret takes 3 s to write: the rotation is killed inside its transaction, after
    // other secrets were already rewritten.
    await database.pool.query(`
      CREATE FUNCTION slow_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(3); RETURN NEW; END $$;
      CREATE TRIGGER slow_write BEFORE UPDATE OF client_secret_encrypted ON marketplace_accounts
        FOR EACH ROW WHEN (OLD.name = 'Store B') EXECUTE FUNCTION slow_write();`);
    try {
      const child = spawn(process.execPath, [BIN, 'key', 'rotate'], {
        env: { PATH: process.env.PATH ?? '', ...env() },
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.on('close', resolve));
      let inTransaction = false;
      for (let i = 0; i < 200 && !inTransaction; i++) {
        const { rowCount } = await database.pool.query(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()`,
        );
        inTransaction = rowCount === 1;
        if (!inTransaction) await new Promise((r) => setTimeout(r, 50));
      }
      child.kill('SIGKILL');
      await exited;
      expect(inTransaction).toBe(true);
      expect(existsSync(`${keyFile}.new`)).toBe(true);
      // PostgreSQL rolls the transaction back once the sleeping backend notices its client is gone.
      for (let i = 0; i < 200; i++) {
        const { rowCount } = await database.pool.query(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event = 'PgSleep' OR state = 'idle in transaction'`,
        );
        if (!rowCount) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await database.pool.query(
        'DROP TRIGGER slow_write ON marketplace_accounts; DROP FUNCTION slow_write();',
      );
    }
    expect(await ciphertexts()).toEqual(before);
    expect(readKey(keyFile).equals(oldKey)).toBe(true);
    // The crash left master.key.new behind; it opens nothing, so start-up ignores it and the next rotate replaces it.
    expect((await cli(['accounts', 'verify', 'Store B'])).code).toBe(0);
  });

  it('key rotate re-encrypts every secret under a new key and keeps the old one as master.key.old', async () => {
    const oldKey = readKey(keyFile);
    const before = await ciphertexts();
    const rotate = await cli(['key', 'rotate']);
    expect(rotate.stderr).toBe('');
    expect(rotate.code).toBe(0);
    expect(rotate.stdout).toMatch(/Re-encrypted 4 stored secrets under a new master key/);
    expect(rotate.stdout).toContain(`${keyFile}.old`);
    const newKey = readKey(keyFile);
    expect(newKey.equals(oldKey)).toBe(false);
    expect(readKey(`${keyFile}.old`).equals(oldKey)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(existsSync(`${keyFile}.new`)).toBe(false);
    const after = await ciphertexts();
    expect(after.some((c) => before.includes(c))).toBe(false);
    expect(await opens(newKey)).toBe(true);
    expect(await opens(oldKey)).toBe(false);
    // The secrets still work with Kaufland under the new key; the old key is refused at start.
    expect((await cli(['accounts', 'verify', 'Store A'])).code).toBe(0);
    expect((await cli(['accounts', 'list'], { ADLERDO_MASTER_KEY: oldKey.toString('base64') })).code).toBe(3);
  });

  it('with ADLERDO_MASTER_KEY, rotate needs --new-key-file and writes the new key only there', async () => {
    const current = readFileSync(keyFile, 'utf8').trim();
    const fromEnv = { ADLERDO_MASTER_KEY: current };
    const missing = await cli(['key', 'rotate'], fromEnv);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/give --new-key-file <path>/);

    const target = envKeyFile;
    const rotate = await cli(['key', 'rotate', '--new-key-file', target], fromEnv);
    expect(rotate.code).toBe(0);
    expect(rotate.stdout).toContain(`Set ADLERDO_MASTER_KEY_FILE=${target}`);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(await opens(readKey(target))).toBe(true);
    expect((await cli(['accounts', 'list'], fromEnv)).code).toBe(3);
    expect((await cli(['accounts', 'verify', 'Store B'], { ADLERDO_MASTER_KEY_FILE: target })).code).toBe(0);

    const again = await cli(['key', 'rotate', '--new-key-file', target], { ADLERDO_MASTER_KEY_FILE: target });
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('key reset forgets the secrets only when no key at hand opens them; the accounts then ask for their keys', async () => {
    const notLost = await cli(['key', 'reset', '--forget-stored-secrets'], {
      ADLERDO_MASTER_KEY_FILE: envKeyFile,
    });
    expect(notLost.code).toBe(4);
    expect(notLost.stderr).toMatch(/opens the stored keys: nothing is lost/);
    const unconfirmed = await cli(['key', 'reset']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/--forget-stored-secrets/);

    rmSync(envKeyFile); // lost for good; the data dir's master.key and master.key.old are older keys
    const reset = await cli(['key', 'reset', '--forget-stored-secrets']);
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/Forgot 4 stored secrets; the new master key is in/);
    const accounts = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as {
      status: string;
      statusMessage: string;
      clientId: string;
    }[];
    for (const account of accounts) {
      expect(account).toMatchObject({ status: 'credentials_invalid', clientId: '••••' });
      expect(account.statusMessage).toMatch(/lost with the master key: enter them again/);
    }
    const noId = await cli(['accounts', 'update-keys', 'Store A'], {}, `${sellers[0]!.secret_key}\n`);
    expect(noId.code).toBe(2);
    expect(noId.stderr).toMatch(/--client-id/);
    const updated = await cli(
      ['accounts', 'update-keys', 'Store A', '--client-id', sellers[0]!.client_key],
      {},
      `${sellers[0]!.secret_key}\n`,
    );
    expect(updated.code).toBe(0);
    expect(updated.stdout).toMatch(/Keys updated: Store A .* — connected/);
  });

  it('never prints a stored secret', () => {
    const all = outputs.join('\n');
    for (const seller of sellers) expect(all).not.toContain(seller.secret_key);
  });
});
