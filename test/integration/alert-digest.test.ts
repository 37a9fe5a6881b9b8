import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigestIfDue } from '../../src/alerts/digest.ts';
import { startSmtpServer, startWebhookReceiver } from '../helpers/alert-receivers.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * The daily digest: one mail and one webhook message per local day from the set time on, whatever the number of
 * rounds or restarts (the day sent is stored); a webhook that failed is sent later that day without a second mail.
 */

const SMTP = { user: 'digest', password: 'digest-pass-P0q' };

describe('daily digest: once per day per channel, from the set time on', () => {
  let world: SyncWorld;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const digest = async (iso: string) =>
    sendDigestIfDue(world.app.ctx, await world.app.ctx.alerts.channels(), new Date(iso));

  beforeAll(async () => {
    [world, smtp, hook] = await Promise.all([
      startSyncWorld(),
      startSmtpServer(SMTP),
      startWebhookReceiver(),
    ]);
    await world.app.ctx.alerts.save({
      recipients: ['seller@shop.example'],
      smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none', user: SMTP.user, password: SMTP.password },
      webhook: { url: `${hook.origin}/digest-hook` },
      language: 'en',
      digest: { time: '08:00', timeZone: 'Europe/Berlin' },
    });
    // Three orders of the last day (one in the ERP, one held back) and one from two days ago.
    const order = (id: string, state: 'in_erp' | 'held' | 'received', receivedHoursAgo: number) => ({
      account_id: world.account.id,
      marketplace_order_id: id,
      channel: 'de',
      currency: 'EUR',
      total_minor: 1999,
      state,
      marketplace_created_at: new Date(Date.parse('2026-12-02T06:00:00Z') - receivedHoursAgo * 3600_000),
      received_at: new Date(Date.parse('2026-12-02T06:00:00Z') - receivedHoursAgo * 3600_000),
      erp_created_at: state === 'in_erp' ? new Date('2026-12-02T05:00:00Z') : null,
    });
    await world.app.ctx.db
      .insertInto('hub_orders')
      .values([
        order('D-1', 'in_erp', 3),
        order('D-2', 'held', 2),
        order('D-3', 'received', 1),
        order('D-4', 'received', 48),
      ])
      .execute();
  });
  afterAll(async () => {
    await world?.close();
    await Promise.all([smtp?.close(), hook?.close()]);
  });

  it('before 08:00 Berlin time nothing; at 08:00 one mail and one webhook message; later rounds nothing', async () => {
    // 06:59 UTC is 07:59 in Berlin (winter time).
    expect(await digest('2026-12-02T06:59:00Z')).toEqual({
      mail: { sent: false, reason: 'not_yet' },
      webhook: { sent: false, reason: 'not_yet' },
    });
    expect(await digest('2026-12-02T07:00:00Z')).toEqual({ mail: { sent: true }, webhook: { sent: true } });
    const done = { sent: false, reason: 'done_today' };
    expect(await digest('2026-12-02T07:00:15Z')).toEqual({ mail: done, webhook: done });
    expect(await digest('2026-12-02T21:00:00Z')).toEqual({ mail: done, webhook: done });

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe('AdlerDo: daily summary for 2 Dec 2026');
    expect(mail.body).toContain('Nothing needs you: no problem is open.');
    expect(mail.body).toContain('Orders received from the marketplace in the last 24 hours: 3');
    expect(mail.body).toContain('Orders that reached the ERP in the last 24 hours: 1');
    expect(mail.body).toContain('Orders held back now (not in the ERP yet): 1');
    expect(hook.posts).toHaveLength(1);
    expect(String(hook.posts[0]!.json.text)).toContain('Orders held back now (not in the ERP yet): 1');
  });

  it('the next day after a restart: sent once more; a failing webhook is retried without a second mail', async () => {
    // A restart is a new process: nothing but the stored day tells it the digest went out.
    hook.answer(503);
    const first = await digest('2026-12-03T07:30:00Z');
    expect(first.mail).toEqual({ sent: true });
    expect(first.webhook).toMatchObject({ sent: false, reason: 'failed' });
    hook.answer(200);
    expect(await digest('2026-12-03T07:30:15Z')).toEqual({
      mail: { sent: false, reason: 'done_today' },
      webhook: { sent: true },
    });
    expect(smtp.received).toHaveLength(2);
    expect(hook.posts).toHaveLength(2);
    const view = await world.app.ctx.alerts.view();
    expect(view.digest).toMatchObject({ lastMailOn: '2026-12-03', lastWebhookOn: '2026-12-03' });
  });

  it('in German, the open problems are listed first (the refused keys, the order held for hours)', async () => {
    await world.app.ctx.alerts.save({ language: 'de' });
    world.kaufland.rotateKeys(world.keys.client_key);
    expect((await world.run('orders')).status).toBe('paused');
    await digest('2026-12-04T07:00:00Z');
    const mail = smtp.received[2]!;
    expect(mail.subject).toBe('AdlerDo: Tageszusammenfassung vom 04.12.2026');
    expect(mail.body).toContain('2 Probleme brauchen Sie:');
    expect(mail.body).toContain(
      'Test Store: 1 Bestellung wird seit mehr als 60 Minuten zurückgehalten und ist noch nicht im ERP.',
    );
    expect(mail.body).toContain('Test Store: Der Marktplatz hat die API-Schlüssel abgelehnt');
    expect(mail.body).toContain('Jetzt zurückgehaltene Bestellungen (noch nicht im ERP): 1');
  });
});
