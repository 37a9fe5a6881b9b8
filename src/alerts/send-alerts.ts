import { sql } from 'kysely';
import type { AppContext } from '../app-context.ts';
import { RECONCILED_CODES, ATTENTION } from '../sync/attention/attention-codes.ts';
import { reconcileNow } from '../sync/attention/reconcile-now.ts';
import { readAlertSettings } from './alert-settings.ts';
import { composeAlert } from './compose.ts';
import type { Mailer } from './mailer.ts';

const ALERT_CODES: string[] = [...RECONCILED_CODES, ATTENTION.shipmentRejected];

/** An issue that opens again this soon after it was mailed is flapping: it is not mailed again (nor its clearing). */
const QUIET_HOURS = 6;

export type AlertOutcome =
  | { sent: true; opened: number; cleared: number }
  | { sent: false; reason: 'no_mailer' | 'no_recipients' | 'nothing_new' | 'too_soon' | 'busy' };

/**
 * Mails what opened (and, if configured, what cleared) since the last mail, as one message to every recipient:
 * each attention issue is mailed at most once when it opens and once when it clears; no mail goes out sooner
 * than ADLERDO_ALERT_INTERVAL_SECONDS after the previous one (what happens meanwhile waits and goes together).
 * A transaction-scoped advisory lock keeps two processes from mailing the same issue. A failed send marks
 * nothing, so the next round tries again.
 */
export async function sendAlerts(
  app: Pick<AppContext, 'db' | 'config' | 'logger'>,
  mailer: Mailer | undefined,
  now = new Date(),
): Promise<AlertOutcome> {
  if (!mailer) return { sent: false, reason: 'no_mailer' };
  await reconcileNow(app);
  return app.db.transaction().execute(async (trx) => {
    const locked = (
      await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext('adlerdo.alerts')) AS ok`.execute(
        trx,
      )
    ).rows[0]?.ok;
    if (!locked) return { sent: false, reason: 'busy' } as const;
    const settings = await readAlertSettings(trx);
    if (settings.recipients.length === 0) return { sent: false, reason: 'no_recipients' } as const;

    // Flapping: opened again within the quiet hours after the same issue was mailed — marked, not mailed.
    await sql`
      UPDATE sync_issues i SET alerted_at = ${now}, clear_alerted_at = ${now}
      WHERE i.resolved_at IS NULL AND i.alerted_at IS NULL AND i.code = ANY(${ALERT_CODES})
        AND EXISTS (SELECT 1 FROM sync_issues p
                    WHERE p.id <> i.id AND p.code = i.code AND p.subject = i.subject
                      AND p.account_id IS NOT DISTINCT FROM i.account_id
                      AND p.alerted_at > ${now}::timestamptz - make_interval(hours => ${QUIET_HOURS}))`.execute(
      trx,
    );

    const opened = (
      await sql<{ id: string; message: string; hint: string | null }>`
        SELECT id, message, hint FROM sync_issues
        WHERE resolved_at IS NULL AND alerted_at IS NULL AND code = ANY(${ALERT_CODES}) ORDER BY created_at`.execute(
        trx,
      )
    ).rows;
    const cleared = app.config.ADLERDO_ALERT_CLEARED
      ? (
          await sql<{ id: string; message: string; hint: string | null }>`
            SELECT id, message, hint FROM sync_issues
            WHERE resolved_at IS NOT NULL AND alerted_at IS NOT NULL AND clear_alerted_at IS NULL
              AND code = ANY(${ALERT_CODES}) ORDER BY resolved_at`.execute(trx)
        ).rows
      : [];
    if (opened.length === 0 && cleared.length === 0) return { sent: false, reason: 'nothing_new' } as const;
    const interval = app.config.ADLERDO_ALERT_INTERVAL_SECONDS * 1000;
    if (settings.lastSentAt && now.getTime() - Date.parse(settings.lastSentAt) < interval)
      return { sent: false, reason: 'too_soon' } as const;

    await mailer.send(composeAlert(settings.recipients, opened, cleared));
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    if (opened.length > 0)
      await sql`UPDATE sync_issues SET alerted_at = ${now} WHERE id = ANY(${ids(opened)}::bigint[])`.execute(
        trx,
      );
    if (cleared.length > 0)
      await sql`UPDATE sync_issues SET clear_alerted_at = ${now} WHERE id = ANY(${ids(cleared)}::bigint[])`.execute(
        trx,
      );
    await sql`UPDATE alert_settings SET last_sent_at = ${now} WHERE id`.execute(trx);
    app.logger.info({ opened: opened.length, cleared: cleared.length }, 'alert e-mail sent');
    return { sent: true, opened: opened.length, cleared: cleared.length } as const;
  });
}
