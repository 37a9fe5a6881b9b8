import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/db.ts';
import { startSmtpServer, startWebhookReceiver } from '../helpers/alert-receivers.ts';
import { runCli, type CliResult } from '../helpers/cli.ts';
import { createTestDatabase } from '../helpers/db.ts';

describe('adlerdo alerts (CLI)', () => {
  let database: Database;
  let base: Record<string, string>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const ENV_SMTP_PASSWORD = 'cli-smtp-pass-77';
  const SMTP = { user: 'shop', password: 'cli-db-pass-Hq4' };
  const TOKEN = 'cli-hook-token-X81';
  const outputs: CliResult[] = [];
  const cli = async (args: string[], env: Record<string, string> = base, stdin?: string) => {
    const result = await runCli(args, env, stdin);
    outputs.push(result);
    return result;
  };

  beforeAll(async () => {
    [database, smtp, hook] = await Promise.all([
      createTestDatabase(),
      startSmtpServer(SMTP),
      startWebhookReceiver(),
    ]);
    base = {
      DATABASE_URL: database.connectionString,
      ADLERDO_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'adlerdo-cli-alerts-')),
      ADLERDO_MASTER_KEY: randomBytes(32).toString('base64'),
    };
  });

  afterAll(async () => {
    await Promise.all([database?.close(), smtp?.close(), hook?.close()]);
  });

  it('sets and shows the recipients; a bad address exits 2; ADLERDO_SMTP_URL is shown as the source, never its password', async () => {
    const env = { ...base, ADLERDO_SMTP_URL: `smtp://user:${ENV_SMTP_PASSWORD}@127.0.0.1:2525` };
    const bad = await cli(['alerts', 'set', '--to', 'seller@shop.example,not-an-address'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/e-mail address/);

    const set = await cli(['alerts', 'set', '--to', 'seller@shop.example, ops@shop.example'], env);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Alert e-mails go to: seller@shop.example, ops@shop.example');

    const shown = await cli(['alerts', 'show', '--json'], env);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      recipients: ['seller@shop.example', 'ops@shop.example'],
      smtpConfigured: true,
      smtp: { source: 'environment' },
    });
    for (const out of [bad, set, shown]) expect(out.stdout + out.stderr).not.toContain(ENV_SMTP_PASSWORD);
  });

  it('SMTP server with the password from stdin, Send test received; a wrong password fails in words', async () => {
    const saved = await cli(
      [
        'alerts',
        'smtp',
        '--host',
        '127.0.0.1',
        '--port',
        String(smtp.port),
        '--tls',
        'none',
        '--user',
        SMTP.user,
        '--from',
        'shop@shop.example',
        '--password-stdin',
      ],
      base,
      `${SMTP.password}\n`,
    );
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain(`SMTP: 127.0.0.1:${smtp.port}, TLS none, user shop, password set`);

    const sent = await cli(['alerts', 'test']);
    expect(sent.stdout + sent.stderr).toContain('Test e-mail sent to 2 addresses.');
    expect(sent.code).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.from).toBe('shop@shop.example');
    // German unless set otherwise.
    expect(smtp.received[0]!.subject).toBe('AdlerDo: Test-Benachrichtigung');

    const file = path.join(base.ADLERDO_DATA_DIR!, 'wrong-password');
    writeFileSync(file, 'wrong-password-123\n');
    expect((await cli(['alerts', 'smtp', '--password-file', file])).code).toBe(0);
    const refused = await cli(['alerts', 'test']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      `The SMTP server at 127.0.0.1:${smtp.port} refused the user name or password.`,
    );
    expect(refused.stderr).not.toContain('wrong-password-123');
  });

  it('webhook URL from stdin, test message received; language and digest; bad values exit 2', async () => {
    const url = `${hook.origin}/hooks/${TOKEN}`;
    const saved = await cli(['alerts', 'webhook'], base, `${url}\n`);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain(`Webhook: set (${new URL(hook.origin).host}, format text)`);
    const insecure = await cli(['alerts', 'webhook'], base, 'http://hooks.example.com/x\n');
    expect(insecure.code).toBe(2);
    expect(insecure.stderr).toContain('Use an https:// URL');

    const sent = await cli(['alerts', 'test', '--channel', 'webhook']);
    expect(sent.code).toBe(0);
    expect(hook.posts.map((p) => p.path)).toEqual([`/hooks/${TOKEN}`]);
    expect(String(hook.posts[0]!.json.text)).toContain('AdlerDo-Testnachricht');

    const set = await cli([
      'alerts',
      'set',
      '--language',
      'en',
      '--digest',
      '07:30',
      '--time-zone',
      'UTC',
      '--json',
    ]);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({
      language: 'en',
      digest: { time: '07:30', timeZone: 'UTC' },
      webhook: { set: true },
      smtp: { passwordSet: true },
    });
    expect((await cli(['alerts', 'set', '--digest', '25:00'])).code).toBe(2);
    expect((await cli(['alerts', 'set', '--language', 'fr'])).code).toBe(2);
    const off = await cli(['alerts', 'set', '--digest', 'off']);
    expect(off.stdout).toContain('Daily digest: off');

    for (const out of outputs) {
      expect(out.stdout + out.stderr).not.toContain(TOKEN);
      expect(out.stdout + out.stderr).not.toContain(SMTP.password);
    }
  });
});
