import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/db.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase } from '../helpers/db.ts';

describe('adlerdo alerts (CLI)', () => {
  let database: Database;
  let env: Record<string, string>;
  const SMTP_PASSWORD = 'cli-smtp-pass-77';

  beforeAll(async () => {
    database = await createTestDatabase();
    env = {
      DATABASE_URL: database.connectionString,
      ADLERDO_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'adlerdo-cli-alerts-')),
      ADLERDO_MASTER_KEY: randomBytes(32).toString('base64'),
      ADLERDO_SMTP_URL: `smtp://user:${SMTP_PASSWORD}@127.0.0.1:2525`,
    };
  });

  afterAll(async () => {
    await database?.close();
  });

  it('sets and shows the recipients; a bad address exits 2; the SMTP password is never printed', async () => {
    const bad = await runCli(['alerts', 'set', '--to', 'seller@shop.example,not-an-address'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/e-mail address/);

    const set = await runCli(['alerts', 'set', '--to', 'seller@shop.example, ops@shop.example'], env);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Alert e-mails go to: seller@shop.example, ops@shop.example');

    const shown = await runCli(['alerts', 'show', '--json'], env);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      recipients: ['seller@shop.example', 'ops@shop.example'],
      smtpConfigured: true,
    });
    for (const out of [bad, set, shown]) expect(out.stdout + out.stderr).not.toContain(SMTP_PASSWORD);
  });
});
