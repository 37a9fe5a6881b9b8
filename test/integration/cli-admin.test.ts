import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, createSession, sessionAdmin } from '../../src/auth/admins.ts';
import type { Database } from '../../src/store/db.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase } from '../helpers/db.ts';

describe('adlerdo admin (CLI)', () => {
  let database: Database;
  let env: Record<string, string>;
  const outputs: string[] = [];
  const cli = async (args: string[], stdin?: string) => {
    const result = await runCli(args, env, stdin);
    outputs.push(result.stdout, result.stderr);
    return result;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    env = {
      DATABASE_URL: database.connectionString,
      ADLERDO_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'adlerdo-cli-admin-')),
      ADLERDO_MASTER_KEY: randomBytes(32).toString('base64'),
      // Listening everywhere would make the browser ask for a setup code; the CLI never does.
      HOST: '0.0.0.0',
    };
  });
  afterAll(() => database?.close());

  it('creates administrators without a setup code and lists them', async () => {
    expect((await cli(['admin', 'create', '--username', 'owner'], 'first long password\n')).code).toBe(0);
    expect((await cli(['admin', 'create', '--username', 'helper'], 'second long password\n')).code).toBe(0);
    const taken = await cli(['admin', 'create', '--username', 'OWNER'], 'third long password\n');
    expect(taken.code).toBe(4);
    expect(taken.stderr).toContain('An administrator named "OWNER" already exists.');

    const list = await cli(['admin', 'list', '--json']);
    expect(list.code).toBe(0);
    const admins = JSON.parse(list.stdout).admins as { username: string; activeSessions: number }[];
    expect(admins.map((a) => a.username)).toEqual(['helper', 'owner']);
    const table = await cli(['admin', 'list']);
    expect(table.stdout).toMatch(/^USERNAME\s+CREATED\s+SESSIONS\s+LAST SIGN-IN/);
  });

  it('changes a password and ends that administrator’s sessions', async () => {
    const owner = (await authenticate(database.db, 'owner', 'first long password'))!;
    const token = await createSession(database.db, owner.id, 1);
    const changed = await cli(['admin', 'passwd', 'owner'], 'a brand new password\n');
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain('Password of "owner" changed; their sessions have ended.');
    expect(await sessionAdmin(database.db, token)).toBeUndefined();
    expect(await authenticate(database.db, 'owner', 'first long password')).toBeUndefined();
    expect(await authenticate(database.db, 'owner', 'a brand new password')).toMatchObject({
      username: 'owner',
    });

    const weak = await cli(['admin', 'passwd', 'owner'], 'short\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('Use at least 10 characters.');
    const nobody = await cli(['admin', 'passwd', 'nobody'], 'a brand new password\n');
    expect(nobody.code).toBe(4);
    expect(nobody.stderr).toContain('There is no administrator named "nobody"');
  });

  it('revokes sessions', async () => {
    const helper = (await authenticate(database.db, 'helper', 'second long password'))!;
    const tokens = [
      await createSession(database.db, helper.id, 1),
      await createSession(database.db, helper.id, 1),
    ];
    const revoked = await cli(['admin', 'revoke-sessions', 'helper']);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('2 sessions of "helper" ended.');
    for (const token of tokens) expect(await sessionAdmin(database.db, token)).toBeUndefined();
  });

  it('removes an administrator, but never the last one', async () => {
    expect((await cli(['admin', 'remove', 'helper'])).stdout).toContain('Administrator "helper" removed.');
    const last = await cli(['admin', 'remove', 'owner']);
    expect(last.code).toBe(4);
    expect(last.stderr).toContain(
      '"owner" is the only administrator and cannot be removed. Create another one first.',
    );
    expect((await cli(['admin', 'remove', 'helper'])).code).toBe(4);
    expect(JSON.parse((await cli(['admin', 'list', '--json'])).stdout).admins).toHaveLength(1);
  });

  it('never prints a password', () => {
    const all = outputs.join('\n');
    for (const secret of ['first long password', 'second long password', 'a brand new password'])
      expect(all).not.toContain(secret);
  });
});
