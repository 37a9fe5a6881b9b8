import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStoredSecrets } from '../../src/secrets/stored-secrets.ts';
import { startSmtpServer, startWebhookReceiver } from '../helpers/alert-receivers.ts';
import { signedInClient, startTestApp, type TestApp } from '../helpers/app.ts';

/**
 * The alert settings over the API: the SMTP password and the webhook URL are write-only (stored encrypted, with
 * the other secrets), "Send test" reaches a real SMTP server and a local webhook receiver, and every failure is
 * told in words that hold no secret. ADLERDO_SMTP_URL, when set, wins over the stored server.
 */

const SMTP = { user: 'shop', password: 'api-smtp-pass-R7w' };
const TOKEN = 'api-hook-token-55Lm';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('alert settings API: write-only secrets, Send test, failures in words', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof signedInClient>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const answers: string[] = [];
  const call = async (method: string, route: string, body?: unknown) => {
    const result = await api(method, route, body);
    answers.push(result.text);
    return result;
  };
  const server = (extra: Record<string, unknown> = {}) => ({
    smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none', user: SMTP.user, ...extra },
  });

  beforeAll(async () => {
    [app, smtp, hook] = await Promise.all([startTestApp(), startSmtpServer(SMTP), startWebhookReceiver()]);
    api = await signedInClient(app);
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([smtp?.close(), hook?.close()]);
  });

  it('defaults: German, no SMTP server, no webhook, no digest; Send test says what is missing', async () => {
    const shown = await call('GET', '/api/settings/alerts');
    expect(shown.json).toMatchObject({
      recipients: [],
      smtpConfigured: false,
      smtp: { source: 'none', tls: 'starttls', passwordSet: false },
      webhook: { set: false, host: null, format: 'text' },
      language: 'de',
      digest: { time: null, timeZone: 'Europe/Berlin' },
    });
    const mail = await call('POST', '/api/settings/alerts/test', {});
    expect(mail.status).toBe(422);
    expect(mail.json.error.message).toMatch(/Enter an SMTP server/);
    const webhook = await call('POST', '/api/settings/alerts/webhook/test', {});
    expect(webhook.status).toBe(422);
    expect(webhook.json.error.message).toMatch(/Enter the webhook URL first/);
  });

  it('the password is stored encrypted, never answered; an empty one keeps it; Send test arrives', async () => {
    const saved = await call('PUT', '/api/settings/alerts', {
      recipients: ['seller@shop.example'],
      ...server({ password: SMTP.password }),
    });
    expect(saved.status).toBe(200);
    expect(saved.json.smtp).toMatchObject({ source: 'settings', passwordSet: true });
    // The settings page sends the form again with the password field left empty: the stored one stays.
    const again = await call('PUT', '/api/settings/alerts', server({ password: '' }));
    expect(again.json.smtp.passwordSet).toBe(true);

    const sent = await call('POST', '/api/settings/alerts/test', {});
    expect(sent.status).toBe(202);
    expect(sent.json).toEqual({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.subject).toBe('AdlerDo: Test-Benachrichtigung');

    const stored = await readStoredSecrets(app.ctx.db);
    const secret = stored.find((s) => s.table === 'alert_secrets');
    expect(secret?.owner).toBe('the alert settings (smtp_password)');
    expect(secret?.ciphertext).not.toContain(SMTP.password);
  });

  it('Send test failures are told in words, without the password', async () => {
    await call('PUT', '/api/settings/alerts', server({ password: 'wrong-pass-xyz' }));
    const refused = await call('POST', '/api/settings/alerts/test', {});
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: 'alerts.smtp_failed' });
    expect(refused.json.error.message).toMatch(
      new RegExp(
        `^The SMTP server at 127\\.0\\.0\\.1:${smtp.port} refused the user name or password\\. The server answered: ".*535`,
      ),
    );
    expect(refused.text).not.toContain('wrong-pass-xyz');

    const port = await closedPort();
    await call('PUT', '/api/settings/alerts', { smtp: { host: '127.0.0.1', port, tls: 'none' } });
    const nobody = await call('POST', '/api/settings/alerts/test', {});
    expect(nobody.json.error.message).toBe(
      `Nothing answers at 127.0.0.1:${port}: check the host and the port.`,
    );

    await call('PUT', '/api/settings/alerts', server({ tls: 'starttls' }));
    const noStarttls = await call('POST', '/api/settings/alerts/test', {});
    expect(noStarttls.json.error.message).toContain(
      `The SMTP server at 127.0.0.1:${smtp.port} does not offer STARTTLS: choose the TLS mode it supports`,
    );

    const forgot = await call('PUT', '/api/settings/alerts', server({ forgetPassword: true }));
    expect(forgot.json.smtp.passwordSet).toBe(false);
    await call('PUT', '/api/settings/alerts', server({ password: SMTP.password }));
    expect((await call('POST', '/api/settings/alerts/test', {})).status).toBe(202);
    expect(smtp.received).toHaveLength(2);
  });

  it('webhook: https, or http only to a private address; stored encrypted; Send test posts; a refusal in words', async () => {
    const insecure = await call('PUT', '/api/settings/alerts', {
      webhook: { url: 'http://hooks.example.com/services/abc' },
    });
    expect(insecure.status).toBe(400);
    expect(insecure.text).toContain('Use an https:// URL');
    expect((await call('PUT', '/api/settings/alerts', { webhook: { url: 'not a url' } })).status).toBe(400);
    expect(
      (await call('PUT', '/api/settings/alerts', { webhook: { url: 'https://user:pw@hooks.example.com/x' } }))
        .status,
    ).toBe(400);

    const url = `${hook.origin}/workflows/${TOKEN}`;
    const saved = await call('PUT', '/api/settings/alerts', { webhook: { url, format: 'adaptive_card' } });
    expect(saved.json.webhook).toEqual({
      set: true,
      host: new URL(hook.origin).host,
      format: 'adaptive_card',
      lastSentAt: null,
    });
    const sent = await call('POST', '/api/settings/alerts/webhook/test', {});
    expect(sent.status).toBe(202);
    const card = hook.posts[0]!.json as {
      type: string;
      attachments: { contentType: string; content: { type: string; body: { text: string }[] } }[];
    };
    expect(card.type).toBe('message');
    expect(card.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.attachments[0]!.content.type).toBe('AdaptiveCard');
    expect(card.attachments[0]!.content.body.map((b) => b.text)).toEqual([
      'AdlerDo: Test-Benachrichtigung',
      expect.stringContaining('AdlerDo-Testnachricht'),
    ]);

    hook.answer(404);
    const gone = await call('POST', '/api/settings/alerts/webhook/test', {});
    expect(gone.status).toBe(422);
    expect(gone.json.error.message).toBe(
      `The webhook at ${new URL(hook.origin).host} answered 404 Not Found: "no_service". The URL may be wrong or the webhook removed: copy it again from your chat tool.`,
    );
    hook.answer(200);

    const removed = await call('PUT', '/api/settings/alerts', { webhook: { remove: true } });
    expect(removed.json.webhook).toMatchObject({ set: false, host: null });
  });

  it('language and digest are validated', async () => {
    expect((await call('PUT', '/api/settings/alerts', { language: 'fr' })).status).toBe(400);
    expect((await call('PUT', '/api/settings/alerts', { digest: { time: '24:00' } })).status).toBe(400);
    const zone = await call('PUT', '/api/settings/alerts', {
      digest: { time: '08:00', timeZone: 'Mars/Base' },
    });
    expect(zone.status).toBe(400);
    expect(zone.text).toContain('Enter a time zone such as Europe/Berlin.');
    const saved = await call('PUT', '/api/settings/alerts', {
      language: 'en',
      digest: { time: '07:45', timeZone: 'Europe/Prague' },
    });
    expect(saved.json).toMatchObject({
      language: 'en',
      digest: { time: '07:45', timeZone: 'Europe/Prague' },
    });
  });

  it('no answer and no log line held the password or the webhook token', () => {
    for (const answer of answers) {
      expect(answer).not.toContain(SMTP.password);
      expect(answer).not.toContain(TOKEN);
    }
    expect(app.logs()).not.toContain(SMTP.password);
    expect(app.logs()).not.toContain(TOKEN);
  });
});

describe('ADLERDO_SMTP_URL wins over the stored SMTP server', () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer({ user: 'ops', password: 'env-pass-Kk2' });
    app = await startTestApp({
      ADLERDO_SMTP_URL: `smtp://ops:env-pass-Kk2@127.0.0.1:${smtp.port}`,
      ADLERDO_ALERT_FROM: 'ops@shop.example',
    });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('the stored server is kept but the test mail goes through the environment one', async () => {
    const api = await signedInClient(app);
    const port = await closedPort();
    const saved = await api('PUT', '/api/settings/alerts', {
      recipients: ['seller@shop.example'],
      smtp: { host: '127.0.0.1', port, tls: 'none' },
    });
    expect(saved.json).toMatchObject({
      smtpConfigured: true,
      from: 'ops@shop.example',
      smtp: { source: 'environment', host: '127.0.0.1', port },
    });
    expect(saved.text).not.toContain('env-pass-Kk2');
    expect((await api('POST', '/api/settings/alerts/test', {})).status).toBe(202);
    expect(smtp.received.map((m) => m.from)).toEqual(['ops@shop.example']);
  });
});
