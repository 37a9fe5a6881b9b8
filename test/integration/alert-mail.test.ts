import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlerter } from '../../src/alerts/alerter.ts';
import { createMailer } from '../../src/alerts/mailer.ts';
import { sendAlerts } from '../../src/alerts/send-alerts.ts';
import { signedInClient } from '../helpers/app.ts';
import { eventually } from '../helpers/eventually.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * Alert e-mails against a real SMTP server started here (smtp-server, with a login): the keys are regenerated
 * on Kaufland, the account stops syncing, and exactly one mail reaches the seller however often the alerter
 * looks; new keys send one "solved" mail. The SMTP password shows up in no answer and no log line.
 */

const SMTP_USER = 'adlerdo';
const SMTP_PASSWORD = 'smtp-pass-Zq81xv';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

const received: Received[] = [];
let smtp: SMTPServer;
let world: SyncWorld;
let api: Awaited<ReturnType<typeof signedInClient>>;
let rotated: { client_key: string; secret_key: string };

function startSmtp(): Promise<number> {
  smtp = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, done) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) done(null, { user: SMTP_USER });
      else done(new Error('bad login'));
    },
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        done();
      });
    },
  });
  return new Promise((resolve) =>
    smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as AddressInfo).port)),
  );
}

/** The text body, decoded from quoted-printable (as nodemailer sends non-ASCII text). */
function body(mail: Received): string {
  const text = mail.raw.slice(mail.raw.search(/\r?\n\r?\n/)).replace(/=\r?\n/g, '');
  const bytes = text.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe('Alert e-mails: one mail per new attention issue, received by a real SMTP server', () => {
  beforeAll(async () => {
    const port = await startSmtp();
    world = await startSyncWorld({
      env: {
        ADLERDO_SMTP_URL: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`,
        ADLERDO_ALERT_FROM: 'adlerdo@shop.example',
        // No wait between two mails, so the "solved" mail can follow at once in this test.
        ADLERDO_ALERT_INTERVAL_SECONDS: '0',
      },
    });
    api = await signedInClient(world.app);
  });

  afterAll(async () => {
    await world?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  it('the recipients are set over the API; the SMTP password is in no answer', async () => {
    const refused = await api('PUT', '/api/settings/alerts', { recipients: ['not an address'] });
    expect(refused.status).toBe(400);
    const saved = await api('PUT', '/api/settings/alerts', {
      recipients: ['Seller@Shop.example', 'ops@shop.example'],
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({
      recipients: ['seller@shop.example', 'ops@shop.example'],
      smtpConfigured: true,
      from: 'adlerdo@shop.example',
    });
    expect(saved.text).not.toContain(SMTP_PASSWORD);
    expect((await api('GET', '/api/settings/alerts')).text).not.toContain(SMTP_PASSWORD);
  });

  it('keys regenerated on Kaufland: exactly one mail, however often the alerter looks', async () => {
    const mailer = createMailer(world.app.ctx.config);
    expect(await sendAlerts(world.app.ctx, mailer)).toEqual({ sent: false, reason: 'nothing_new' });

    rotated = world.kaufland.rotateKeys(world.keys.client_key);
    expect((await world.run('orders')).status).toBe('paused');
    expect(await sendAlerts(world.app.ctx, mailer)).toEqual({ sent: true, opened: 1, cleared: 0 });
    // Another refused run and more rounds: still the same one issue, no second mail.
    await world.run('shipments');
    expect(await sendAlerts(world.app.ctx, mailer)).toEqual({ sent: false, reason: 'nothing_new' });
    expect(await sendAlerts(world.app.ctx, mailer)).toEqual({ sent: false, reason: 'nothing_new' });

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.from).toBe('adlerdo@shop.example');
    expect(mail!.to.sort()).toEqual(['ops@shop.example', 'seller@shop.example']);
    expect(mail!.raw).toMatch(/Subject: AdlerDo: syncing stopped/);
    expect(body(mail!)).toContain('Test Store: the marketplace refused the API keys');
    expect(body(mail!)).toContain('Update keys');
    expect(mail!.raw).not.toContain('account.credentials_invalid');
  });

  it('new keys: one "solved" mail, and the password never reached a log line', async () => {
    const saved = await api('PUT', `/api/accounts/${world.account.id}/credentials`, {
      clientId: rotated.client_key,
      clientSecret: rotated.secret_key,
    });
    expect(saved.status).toBe(200);
    expect(await sendAlerts(world.app.ctx, createMailer(world.app.ctx.config))).toEqual({
      sent: true,
      opened: 0,
      cleared: 1,
    });
    expect(received).toHaveLength(2);
    expect(received[1]!.raw).toMatch(/Subject: AdlerDo: 1 problem is solved/);
    expect(world.app.logs()).not.toContain(SMTP_PASSWORD);
  });

  it('a flapping issue (refused again soon after) is not mailed again', async () => {
    world.kaufland.rotateKeys(rotated.client_key);
    expect((await world.run('orders')).status).toBe('paused');
    expect(await sendAlerts(world.app.ctx, createMailer(world.app.ctx.config))).toEqual({
      sent: false,
      reason: 'nothing_new',
    });
    expect(received).toHaveLength(2);
  });

  it('the alerter that `adlerdo start` runs mails a new issue on its own', async () => {
    const alerter = startAlerter(world.app.ctx, 50);
    try {
      const user = world.odoo.instance.store.all('res.users').find((u) => u.login === world.odoo.login)!;
      user.password = 'changed-in-odoo-7';
      await api('POST', '/api/erp/verify', {});
      const mail = await eventually(
        () => received[2],
        (m) => m !== undefined,
      );
      expect(mail).toBeDefined();
      expect(body(mail!)).toContain("The ERP refuses AdlerDo's connection");
      expect(received).toHaveLength(3);
    } finally {
      alerter.stop();
    }
  });
});
