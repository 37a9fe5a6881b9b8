import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../app-context.ts';
import type { DB } from '../store/schema.ts';
import { readAlertRow, type AlertChannels } from './alert-settings.ts';
import { composeDigest, type AlertMessage } from './compose.ts';
import { readIssues, toAlertItem } from './issue-items.ts';

export type DigestOutcome =
  | { sent: true }
  | { sent: false; reason: 'off' | 'not_yet' | 'done_today' | 'busy' }
  | { sent: false; reason: 'failed'; problem: string };

/** The local date (YYYY-MM-DD) and time (HH:MM) at `now` in `timeZone`. */
export function localClock(now: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

type DigestApp = Pick<AppContext, 'db' | 'config' | 'logger'>;

/**
 * The daily digest, once per local day per channel from the set time on: the day each channel got it is stored,
 * so a restart neither repeats it nor skips it (a process that was down at the set time sends it when it is back
 * the same day). A channel that failed is tried again on the next round; the other is not repeated.
 */
export async function sendDigestIfDue(
  app: DigestApp,
  channels: AlertChannels,
  now = new Date(),
): Promise<{ mail: DigestOutcome; webhook: DigestOutcome }> {
  const off = { sent: false, reason: 'off' } as const;
  if (!channels.mail && !channels.webhook) return { mail: off, webhook: off };
  return app.db.transaction().execute(async (trx) => {
    const locked = (
      await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext('adlerdo.digest')) AS ok`.execute(
        trx,
      )
    ).rows[0]?.ok;
    const busy = { sent: false, reason: 'busy' } as const;
    if (!locked) return { mail: busy, webhook: busy };
    const settings = await readAlertRow(trx);
    if (!settings.digest_time) return { mail: off, webhook: off };
    const clock = localClock(now, settings.digest_time_zone);
    const notYet = { sent: false, reason: 'not_yet' } as const;
    if (clock.time < settings.digest_time) return { mail: notYet, webhook: notYet };

    let message: AlertMessage | undefined;
    const compose = async () =>
      (message ??= await digestMessage(trx, app, channels, settings.digest_time_zone, now));
    const outcome = async (
      send: ((m: AlertMessage) => Promise<void>) | undefined,
      lastOn: string | null,
      column: 'digest_mail_date' | 'digest_webhook_date',
    ): Promise<DigestOutcome> => {
      if (!send) return off;
      if (lastOn === clock.date) return { sent: false, reason: 'done_today' };
      try {
        await send(await compose());
      } catch (error) {
        const problem = (error as Error).message;
        app.logger.warn({ channel: column, code: (error as { code?: string }).code }, problem);
        return { sent: false, reason: 'failed', problem };
      }
      await sql`UPDATE alert_settings SET ${sql.ref(column)} = ${clock.date}::date WHERE id`.execute(trx);
      app.logger.info({ channel: column, day: clock.date }, 'daily digest sent');
      return { sent: true };
    };
    const { mail, webhook } = channels;
    return {
      mail: await outcome(
        mail && ((m) => mail.mailer.send(mail.to, m)),
        settings.digest_mail_date,
        'digest_mail_date',
      ),
      webhook: await outcome(
        webhook && ((m) => webhook.send(m)),
        settings.digest_webhook_date,
        'digest_webhook_date',
      ),
    };
  });
}

async function digestMessage(
  db: Kysely<DB>,
  app: DigestApp,
  channels: AlertChannels,
  timeZone: string,
  now: Date,
): Promise<AlertMessage> {
  const since = new Date(now.getTime() - 24 * 3600 * 1000);
  const [open, counts] = await Promise.all([
    readIssues(db, sql`i.resolved_at IS NULL`),
    sql<{ imported: string; received: string; held: string }>`
      SELECT count(*) FILTER (WHERE erp_created_at >= ${since}) AS imported,
             count(*) FILTER (WHERE received_at >= ${since}) AS received,
             count(*) FILTER (WHERE state = 'held') AS held
      FROM hub_orders`.execute(db),
  ]);
  const row = counts.rows[0];
  return composeDigest(channels.language, {
    day: new Intl.DateTimeFormat(channels.language === 'de' ? 'de-DE' : 'en-GB', {
      dateStyle: 'medium',
      timeZone,
    }).format(now),
    open: open.map((r) => toAlertItem(r, channels.language)),
    imported: Number(row?.imported ?? 0),
    received: Number(row?.received ?? 0),
    held: Number(row?.held ?? 0),
  });
}
