import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../app-context.ts';
import type { DB } from '../store/schema.ts';
import { reconcileNow } from '../sync/attention/reconcile-now.ts';
import { readAlertRow, type AlertChannels } from './alert-settings.ts';
import { composeAlert, type AlertMessage } from './compose.ts';
import { ALERT_CODES, readIssues, toAlertItem } from './issue-items.ts';

/** An issue that opens again this soon after it was alerted is flapping: it is not alerted again (nor its clearing). */
const QUIET_HOURS = 6;

export type ChannelOutcome =
  | { sent: true; opened: number; cleared: number }
  | { sent: false; reason: 'off' | 'nothing_new' | 'too_soon' | 'busy' }
  | { sent: false; reason: 'failed'; problem: string };

export interface AlertOutcome {
  mail: ChannelOutcome;
  webhook: ChannelOutcome;
}

type ChannelName = keyof AlertOutcome;

/** Each channel's own once-per-issue marks on sync_issues and its own "last sent" time. */
const MARKS: Record<ChannelName, { opened: string; cleared: string; last: string }> = {
  mail: { opened: 'alerted_at', cleared: 'clear_alerted_at', last: 'last_sent_at' },
  webhook: {
    opened: 'webhook_alerted_at',
    cleared: 'webhook_clear_alerted_at',
    last: 'webhook_last_sent_at',
  },
};

type AlertApp = Pick<AppContext, 'db' | 'config' | 'logger' | 'alerts'>;

/**
 * Tells every configured channel (mail, webhook) what opened (and, if configured, what cleared) since its last
 * message: each attention issue at most once when it opens and once when it clears, per channel. No channel
 * hears sooner than ADLERDO_ALERT_INTERVAL_SECONDS after its previous message (what happens meanwhile goes
 * together). A transaction-scoped advisory lock keeps two processes from sending the same issue. A failed
 * delivery marks nothing for its channel only: the next round tries it again, the other channel is not repeated.
 */
export async function sendAlerts(app: AlertApp, now = new Date()): Promise<AlertOutcome> {
  const channels = await app.alerts.channels();
  if (!channels.mail && !channels.webhook) return { mail: OFF, webhook: OFF };
  await reconcileNow(app);
  return app.db.transaction().execute(async (trx) => {
    const locked = (
      await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext('adlerdo.alerts')) AS ok`.execute(
        trx,
      )
    ).rows[0]?.ok;
    if (!locked) return { mail: BUSY, webhook: BUSY };
    return {
      mail: await sendOn(app, trx, channels, 'mail', now),
      webhook: await sendOn(app, trx, channels, 'webhook', now),
    };
  });
}

const OFF = { sent: false, reason: 'off' } as const;
const BUSY = { sent: false, reason: 'busy' } as const;

async function sendOn(
  app: AlertApp,
  trx: Kysely<DB>,
  channels: AlertChannels,
  name: ChannelName,
  now: Date,
): Promise<ChannelOutcome> {
  const deliver =
    name === 'mail'
      ? channels.mail && ((m: AlertMessage) => channels.mail!.mailer.send(channels.mail!.to, m))
      : channels.webhook && ((m: AlertMessage) => channels.webhook!.send(m));
  if (!deliver) return OFF;
  const marks = MARKS[name];
  const opened = sql.ref(`i.${marks.opened}`);
  const cleared = sql.ref(`i.${marks.cleared}`);

  // Flapping: opened again within the quiet hours after the same issue was alerted here — marked, not sent.
  await sql`
    UPDATE sync_issues i SET ${sql.ref(marks.opened)} = ${now}, ${sql.ref(marks.cleared)} = ${now}
    WHERE i.resolved_at IS NULL AND ${opened} IS NULL AND i.code = ANY(${ALERT_CODES})
      AND EXISTS (SELECT 1 FROM sync_issues p
                  WHERE p.id <> i.id AND p.code = i.code AND p.subject = i.subject
                    AND p.account_id IS NOT DISTINCT FROM i.account_id
                    AND ${sql.ref(`p.${marks.opened}`)} > ${now}::timestamptz - make_interval(hours => ${QUIET_HOURS}))`.execute(
    trx,
  );

  const openedRows = await readIssues(trx, sql`i.resolved_at IS NULL AND ${opened} IS NULL`);
  const clearedRows = app.config.ADLERDO_ALERT_CLEARED
    ? await readIssues(
        trx,
        sql`i.resolved_at IS NOT NULL AND ${opened} IS NOT NULL AND ${cleared} IS NULL`,
        sql`i.resolved_at`,
      )
    : [];
  if (openedRows.length === 0 && clearedRows.length === 0) return { sent: false, reason: 'nothing_new' };
  const settings = await readAlertRow(trx);
  const last = name === 'mail' ? settings.last_sent_at : settings.webhook_last_sent_at;
  if (last && now.getTime() - last.getTime() < app.config.ADLERDO_ALERT_INTERVAL_SECONDS * 1000)
    return { sent: false, reason: 'too_soon' };

  const item = (r: (typeof openedRows)[number]) => toAlertItem(r, channels.language);
  try {
    await deliver(composeAlert(channels.language, openedRows.map(item), clearedRows.map(item)));
  } catch (error) {
    // AppError messages from the mailer and the webhook name the host and the answer, never a secret.
    const problem = (error as Error).message;
    app.logger.warn({ channel: name, code: (error as { code?: string }).code }, problem);
    return { sent: false, reason: 'failed', problem };
  }
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  if (openedRows.length > 0)
    await sql`UPDATE sync_issues SET ${sql.ref(marks.opened)} = ${now}
              WHERE id = ANY(${ids(openedRows)}::bigint[])`.execute(trx);
  if (clearedRows.length > 0)
    await sql`UPDATE sync_issues SET ${sql.ref(marks.cleared)} = ${now}
              WHERE id = ANY(${ids(clearedRows)}::bigint[])`.execute(trx);
  await sql`UPDATE alert_settings SET ${sql.ref(marks.last)} = ${now} WHERE id`.execute(trx);
  app.logger.info({ channel: name, opened: openedRows.length, cleared: clearedRows.length }, 'alert sent');
  return { sent: true, opened: openedRows.length, cleared: clearedRows.length };
}
