import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import { text } from '../core/text.ts';
import type { DB } from '../store/schema.ts';

/** Who gets the alert e-mails: the input of the settings page, `PUT /api/settings/alerts` and `adlerdo alerts set`. */
export const alertSettingsInput = z
  .object({
    recipients: z
      .array(
        text()
          .trim()
          .max(254, 'Use at most 254 characters.')
          .pipe(z.email('Enter an e-mail address such as seller@example.com.')),
      )
      .max(20, 'At most 20 recipients.')
      .transform((list) => [...new Set(list.map((r) => r.toLowerCase()))]),
  })
  .strict();

export type AlertSettingsInput = z.infer<typeof alertSettingsInput>;

export interface AlertSettings {
  recipients: string[];
  lastSentAt: string | null;
}

// The table is read with plain SQL: it is AdlerDo's own one-row settings, not a shared model of the schema.
export async function readAlertSettings(db: Kysely<DB>): Promise<AlertSettings> {
  const row = (
    await sql<{ recipients: string[]; last_sent_at: Date | null }>`
      SELECT recipients, last_sent_at FROM alert_settings WHERE id`.execute(db)
  ).rows[0];
  return { recipients: row?.recipients ?? [], lastSentAt: row?.last_sent_at?.toISOString() ?? null };
}

export async function saveAlertSettings(db: Kysely<DB>, input: AlertSettingsInput): Promise<AlertSettings> {
  await sql`
    INSERT INTO alert_settings (id, recipients) VALUES (true, ${input.recipients})
    ON CONFLICT (id) DO UPDATE SET recipients = EXCLUDED.recipients, updated_at = now()`.execute(db);
  return readAlertSettings(db);
}
