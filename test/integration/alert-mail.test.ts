import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlerter } from '../../src/alerts/alerter.ts';
import { sendAlerts } from '../../src/alerts/send-alerts.ts';
import { startSmtpServer, startWebhookReceiver } from '../helpers/alert-receivers.ts';
import { signedInClient } from '../helpers/app.ts';
import { eventually } from '../helpers/eventually.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * Alerts outside the browser, set up from the API as a seller would, against a real SMTP server and a local
 * webhook receiver started here: the keys are regenerated on Kaufland, the account stops syncing, and exactly one
 * mail and one webhook message arrive however often the alerter looks; new keys send one "solved" each. A webhook
 * that fails is tried again on the next round without a second mail. The SMTP password and the webhook URL's
 * token show up in no answer and no log line.
 */

const SMTP = { user: 'adlerdo', password: 'smtp-pass-Zq81xv' };
const HOOK_TOKEN = 'hook-token-9f3KqP2z';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let world: SyncWorld;
let api: Awaited<ReturnType<typeof signedInClient>>;
let rotated: { client_key: string; secret_key: string };

const textOf = (post: { json: Record<string, unknown> }) => String(post.json.text);

describe('Alerts: one mail and one webhook message per attention issue, received by real servers', () => {
  beforeAll(async () => {
    [smtp, hook] = await Promise.all([startSmtpServer(SMTP), startWebhookReceiver()]);
    // No wait between two messages, so the "solved" ones can follow at once in this test.
    world = await startSyncWorld({ env: { ADLERDO_ALERT_INTERVAL_SECONDS: '0' } });
    api = await signedInClient(world.app);
  });

  afterAll(async () => {
    await world?.close();
    await Promise.all([smtp?.close(), hook?.close()]);
  });

  it('SMTP server, recipients and webhook are set over the API; no answer holds the password or the URL', async () => {
    const refused = await api('PUT', '/api/settings/alerts', { recipients: ['not an address'] });
    expect(refused.status).toBe(400);
    const saved = await api('PUT', '/api/settings/alerts', {
      recipients: ['Seller@Shop.example', 'ops@shop.example'],
      smtp: {
        host: '127.0.0.1',
        port: smtp.port,
        tls: 'none',
        user: SMTP.user,
        password: SMTP.password,
        from: 'adlerdo@shop.example',
      },
      webhook: { url: `${hook.origin}/services/T01/B02/${HOOK_TOKEN}` },
      language: 'en',
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({
      recipients: ['seller@shop.example', 'ops@shop.example'],
      smtpConfigured: true,
      from: 'adlerdo@shop.example',
      smtp: {
        source: 'settings',
        host: '127.0.0.1',
        port: smtp.port,
        tls: 'none',
        user: SMTP.user,
        passwordSet: true,
      },
      webhook: { set: true, host: new URL(hook.origin).host, format: 'text' },
      language: 'en',
    });
    const shown = await api('GET', '/api/settings/alerts');
    for (const answer of [saved.text, shown.text]) {
      expect(answer).not.toContain(SMTP.password);
      expect(answer).not.toContain(HOOK_TOKEN);
    }
  });

  it('keys regenerated on Kaufland: exactly one mail and one webhook message, however often the alerter looks', async () => {
    expect(await sendAlerts(world.app.ctx)).toEqual({
      mail: { sent: false, reason: 'nothing_new' },
      webhook: { sent: false, reason: 'nothing_new' },
    });

    rotated = world.kaufland.rotateKeys(world.keys.client_key);
    expect((await world.run('orders')).status).toBe('paused');
    expect(await sendAlerts(world.app.ctx)).toEqual({
      mail: { sent: true, opened: 1, cleared: 0 },
      webhook: { sent: true, opened: 1, cleared: 0 },
    });
    // Another refused run and more rounds: still the same one issue, nothing sent again.
    await world.run('shipments');
    const quiet = { sent: false, reason: 'nothing_new' };
    expect(await sendAlerts(world.app.ctx)).toEqual({ mail: quiet, webhook: quiet });
    expect(await sendAlerts(world.app.ctx)).toEqual({ mail: quiet, webhook: quiet });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.from).toBe('adlerdo@shop.example');
    expect(mail!.to.sort()).toEqual(['ops@shop.example', 'seller@shop.example']);
    expect(mail!.subject).toBe('AdlerDo: syncing stopped, 1 thing needs you');
    expect(mail!.body).toContain('Test Store: the marketplace refused the API keys');
    expect(mail!.body).toContain('Update keys');
    expect(mail!.raw).not.toContain('account.credentials_invalid');

    expect(hook.posts).toHaveLength(1);
    const [post] = hook.posts;
    expect(post!.path).toBe(`/services/T01/B02/${HOOK_TOKEN}`);
    expect(post!.contentType).toContain('application/json');
    expect(Object.keys(post!.json)).toEqual(['text']);
    expect(textOf(post!)).toContain('AdlerDo: syncing stopped, 1 thing needs you');
    expect(textOf(post!)).toContain('Test Store: the marketplace refused the API keys');
  });

  it('new keys while the webhook is down: the mail goes once, the webhook gets its "solved" on the next round', async () => {
    hook.answer(500);
    const saved = await api('PUT', `/api/accounts/${world.account.id}/credentials`, {
      clientId: rotated.client_key,
      clientSecret: rotated.secret_key,
    });
    expect(saved.status).toBe(200);
    const first = await sendAlerts(world.app.ctx);
    expect(first.mail).toEqual({ sent: true, opened: 0, cleared: 1 });
    expect(first.webhook).toMatchObject({ sent: false, reason: 'failed' });
    const problem = (first.webhook as { problem: string }).problem;
    expect(problem).toBe(
      `The webhook at ${new URL(hook.origin).host} answered 500 Internal Server Error: "no_service".`,
    );
    expect(hook.refused()).toBe(1);

    // Still down: tried again, nothing marked; the mail is not repeated.
    expect((await sendAlerts(world.app.ctx)).mail).toEqual({ sent: false, reason: 'nothing_new' });
    expect(hook.refused()).toBe(2);

    hook.answer(200);
    expect(await sendAlerts(world.app.ctx)).toEqual({
      mail: { sent: false, reason: 'nothing_new' },
      webhook: { sent: true, opened: 0, cleared: 1 },
    });
    expect(await sendAlerts(world.app.ctx)).toEqual({
      mail: { sent: false, reason: 'nothing_new' },
      webhook: { sent: false, reason: 'nothing_new' },
    });
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]!.subject).toBe('AdlerDo: 1 problem is solved, syncing goes on');
    expect(hook.posts).toHaveLength(2);
    expect(textOf(hook.posts[1]!)).toContain('Solved, syncing goes on');
    expect(world.app.logs()).toContain('answered 500 Internal Server Error');
    for (const secret of [SMTP.password, HOOK_TOKEN]) expect(world.app.logs()).not.toContain(secret);
  });

  it('a flapping issue (refused again soon after) is not sent again', async () => {
    world.kaufland.rotateKeys(rotated.client_key);
    expect((await world.run('orders')).status).toBe('paused');
    const quiet = { sent: false, reason: 'nothing_new' };
    expect(await sendAlerts(world.app.ctx)).toEqual({ mail: quiet, webhook: quiet });
    expect(smtp.received).toHaveLength(2);
    expect(hook.posts).toHaveLength(2);
  });

  it('in German (the default language): the alerter that `adlerdo start` runs sends a new issue on its own', async () => {
    expect((await api('PUT', '/api/settings/alerts', { language: 'de' })).json.language).toBe('de');
    const alerter = startAlerter(world.app.ctx, 50);
    try {
      const user = world.odoo.instance.store.all('res.users').find((u) => u.login === world.odoo.login)!;
      user.password = 'changed-in-odoo-7';
      await api('POST', '/api/erp/verify', {});
      const mail = await eventually(
        () => smtp.received[2],
        (m) => m !== undefined,
      );
      const post = await eventually(
        () => hook.posts[2],
        (p) => p !== undefined,
      );
      expect(mail!.subject).toBe('AdlerDo: Synchronisation angehalten, 1 Punkt braucht Sie');
      expect(mail!.body).toContain('Das ERP lehnt die Verbindung von AdlerDo ab');
      expect(mail!.body).toContain('Was zu tun ist: Prüfen Sie die ERP-Verbindung');
      expect(textOf(post!)).toContain('Das ERP lehnt die Verbindung von AdlerDo ab');
      expect(smtp.received).toHaveLength(3);
    } finally {
      alerter.stop();
    }
  });
});
