import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config/config.ts';
import { text } from '../core/text.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { DB } from '../store/schema.ts';
import { readAlertSecret, writeAlertSecret } from './alert-secrets.ts';
import { ALERT_LANGUAGES, type AlertLanguage } from './catalog.ts';
import { createMailer, DEFAULT_SMTP_PORT, type Mailer, type SmtpTarget, type SmtpTls } from './mailer.ts';
import { createWebhook, WEBHOOK_FORMATS, webhookUrl, type Webhook, type WebhookFormat } from './webhook.ts';

const email = (what: string) =>
  text()
    .trim()
    .max(254, 'Use at most 254 characters.')
    .pipe(z.email(`Enter ${what} such as seller@example.com.`));

const recipients = z
  .array(email('an e-mail address'))
  .max(20, 'At most 20 recipients.')
  .transform((list) => [...new Set(list.map((r) => r.toLowerCase()))]);

const hostName = text()
  .trim()
  .max(253, 'Use at most 253 characters.')
  .regex(/^[A-Za-z0-9]([A-Za-z0-9._:-]*[A-Za-z0-9])?$/, 'Enter a host name such as smtp.example.com.');

export const SMTP_TLS_MODES = ['none', 'starttls', 'tls'] as const satisfies readonly SmtpTls[];

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The settings page, `PUT /api/settings/alerts` and `adlerdo alerts set`: every part is optional and only what
 * is sent changes. Secrets are never echoed: an empty or missing password or webhook URL keeps the stored one;
 * `forgetPassword` / `remove` delete it.
 */
export const alertSettingsInput = z
  .object({
    recipients: recipients.optional(),
    smtp: z
      .object({
        // Empty: no SMTP server in the settings (ADLERDO_SMTP_URL, if set, is used either way).
        host: z.union([z.literal(''), hostName]),
        // Missing or null: the usual port of the TLS mode (25, 587, 465).
        port: z.number().int().min(1).max(65535).nullable().optional(),
        tls: z.enum(SMTP_TLS_MODES),
        user: text().trim().max(254, 'Use at most 254 characters.').optional(),
        password: text().max(512, 'Use at most 512 characters.').optional(),
        forgetPassword: z.boolean().optional(),
        from: z.union([z.literal(''), email('the sender address')]).optional(),
      })
      .strict()
      .optional(),
    webhook: z
      .object({
        url: z.union([z.literal(''), webhookUrl]).optional(),
        format: z.enum(WEBHOOK_FORMATS).optional(),
        remove: z.boolean().optional(),
      })
      .strict()
      .optional(),
    language: z.enum(ALERT_LANGUAGES).optional(),
    digest: z
      .object({
        // 'HH:MM' (24 h) in timeZone, or null: no digest.
        time: z
          .string()
          .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Enter a time of day such as 08:00, or leave it off.')
          .nullable(),
        timeZone: text()
          .trim()
          .max(64)
          .refine(isTimeZone, 'Enter a time zone such as Europe/Berlin.')
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type AlertSettingsInput = z.infer<typeof alertSettingsInput>;
/** What a caller sends (before the schema's trimming and de-duplication): the web app's request type. */
export type AlertSettingsRequest = z.input<typeof alertSettingsInput>;

export type SmtpSource = 'environment' | 'settings' | 'none';

/** What the API, the CLI and the settings page show: never the password or the webhook URL, only whether set. */
export interface AlertSettingsView {
  recipients: string[];
  lastSentAt: string | null;
  /** Mail can be sent: an SMTP server is known (from the environment or the settings). */
  smtpConfigured: boolean;
  /** The sender the mails go out with. */
  from: string;
  smtp: {
    /** ADLERDO_SMTP_URL wins over the fields below while it is set. */
    source: SmtpSource;
    host: string | null;
    port: number | null;
    tls: SmtpTls;
    user: string | null;
    passwordSet: boolean;
    from: string | null;
  };
  webhook: { set: boolean; host: string | null; format: WebhookFormat; lastSentAt: string | null };
  language: AlertLanguage;
  digest: { time: string | null; timeZone: string; lastMailOn: string | null; lastWebhookOn: string | null };
}

/** The row of alert_settings (read with plain SQL: AdlerDo's own one-row settings). */
export interface AlertSettingsRow {
  recipients: string[];
  last_sent_at: Date | null;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_tls: SmtpTls;
  smtp_user: string | null;
  mail_from: string | null;
  webhook_format: WebhookFormat;
  webhook_host: string | null;
  webhook_last_sent_at: Date | null;
  language: AlertLanguage;
  digest_time: string | null;
  digest_time_zone: string;
  digest_mail_date: string | null;
  digest_webhook_date: string | null;
}

const DEFAULTS: AlertSettingsRow = {
  recipients: [],
  last_sent_at: null,
  smtp_host: null,
  smtp_port: null,
  smtp_tls: 'starttls',
  smtp_user: null,
  mail_from: null,
  webhook_format: 'text',
  webhook_host: null,
  webhook_last_sent_at: null,
  language: 'de',
  digest_time: null,
  digest_time_zone: 'Europe/Berlin',
  digest_mail_date: null,
  digest_webhook_date: null,
};

export async function readAlertRow(db: Kysely<DB>): Promise<AlertSettingsRow> {
  const row = (
    await sql<AlertSettingsRow>`
      SELECT recipients, last_sent_at, smtp_host, smtp_port, smtp_tls, smtp_user, mail_from, webhook_format,
             webhook_host, webhook_last_sent_at, language, digest_time, digest_time_zone,
             to_char(digest_mail_date, 'YYYY-MM-DD') AS digest_mail_date,
             to_char(digest_webhook_date, 'YYYY-MM-DD') AS digest_webhook_date
      FROM alert_settings WHERE id`.execute(db)
  ).rows[0];
  return row ?? DEFAULTS;
}

/** Where the alerts go right now, built from the settings on every round (they change from the UI). */
export interface AlertChannels {
  language: AlertLanguage;
  /** Set when an SMTP server is known and someone is to be mailed. */
  mail?: { mailer: Mailer; to: string[] };
  webhook?: Webhook;
}

type AlertConfig = Pick<Config, 'ADLERDO_SMTP_URL' | 'ADLERDO_ALERT_FROM'>;

const FALLBACK_FROM = 'AdlerDo <adlerdo@localhost>';

/** The alert settings: the one place that reads, stores and decrypts them (routes, CLI and alerter use it). */
export class AlertSettingsService {
  constructor(private readonly deps: { db: Kysely<DB>; secrets: SecretBox; config: AlertConfig }) {}

  async view(db: Kysely<DB> = this.deps.db): Promise<AlertSettingsView> {
    const row = await readAlertRow(db);
    const [password, hook] = await Promise.all([
      readAlertSecret(db, this.deps.secrets, 'smtp_password'),
      readAlertSecret(db, this.deps.secrets, 'webhook_url'),
    ]);
    const source: SmtpSource = this.deps.config.ADLERDO_SMTP_URL
      ? 'environment'
      : row.smtp_host
        ? 'settings'
        : 'none';
    return {
      recipients: row.recipients,
      lastSentAt: row.last_sent_at?.toISOString() ?? null,
      smtpConfigured: source !== 'none',
      from: this.from(row),
      smtp: {
        source,
        host: row.smtp_host,
        port: row.smtp_port,
        tls: row.smtp_tls,
        user: row.smtp_user,
        passwordSet: password !== null,
        from: row.mail_from,
      },
      webhook: {
        set: hook !== null,
        host: hook ? row.webhook_host : null,
        format: row.webhook_format,
        lastSentAt: row.webhook_last_sent_at?.toISOString() ?? null,
      },
      language: row.language,
      digest: {
        time: row.digest_time,
        timeZone: row.digest_time_zone,
        lastMailOn: row.digest_mail_date,
        lastWebhookOn: row.digest_webhook_date,
      },
    };
  }

  async save(input: AlertSettingsInput): Promise<AlertSettingsView> {
    const { secrets } = this.deps;
    await this.deps.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO alert_settings (id) VALUES (true) ON CONFLICT (id) DO NOTHING`.execute(trx);
      const set: ReturnType<typeof sql>[] = [];
      if (input.recipients) set.push(sql`recipients = ${input.recipients}`);
      if (input.smtp) {
        const { host, port, tls, user, from } = input.smtp;
        set.push(sql`smtp_host = ${host || null}`, sql`smtp_port = ${port ?? null}`, sql`smtp_tls = ${tls}`);
        if (user !== undefined) set.push(sql`smtp_user = ${user || null}`);
        if (from !== undefined) set.push(sql`mail_from = ${from || null}`);
        if (input.smtp.forgetPassword) await writeAlertSecret(trx, secrets, 'smtp_password', null);
        else if (input.smtp.password)
          await writeAlertSecret(trx, secrets, 'smtp_password', input.smtp.password);
      }
      if (input.webhook) {
        const { url, format, remove } = input.webhook;
        if (format) set.push(sql`webhook_format = ${format}`);
        if (remove) {
          await writeAlertSecret(trx, secrets, 'webhook_url', null);
          set.push(sql`webhook_host = NULL`);
        } else if (url) {
          await writeAlertSecret(trx, secrets, 'webhook_url', url);
          set.push(sql`webhook_host = ${new URL(url).host}`);
        }
      }
      if (input.language) set.push(sql`language = ${input.language}`);
      if (input.digest) {
        set.push(sql`digest_time = ${input.digest.time}`);
        if (input.digest.timeZone) set.push(sql`digest_time_zone = ${input.digest.timeZone}`);
      }
      set.push(sql`updated_at = now()`);
      await sql`UPDATE alert_settings SET ${sql.join(set)} WHERE id`.execute(trx);
    });
    return this.view();
  }

  /** The mailer and webhook for this round (undefined parts are off). */
  async channels(db: Kysely<DB> = this.deps.db): Promise<AlertChannels> {
    const row = await readAlertRow(db);
    const target = await this.smtpTarget(db, row);
    const hook = await readAlertSecret(db, this.deps.secrets, 'webhook_url');
    return {
      language: row.language,
      ...(target &&
        row.recipients.length > 0 && {
          mail: { mailer: createMailer(target, this.from(row)), to: row.recipients },
        }),
      ...(hook && { webhook: createWebhook(hook, row.webhook_format) }),
    };
  }

  /** A mailer for "Send test" (recipients are checked by the caller), or undefined without an SMTP server. */
  async mailer(): Promise<{ mailer: Mailer; to: string[]; language: AlertLanguage } | undefined> {
    const row = await readAlertRow(this.deps.db);
    const target = await this.smtpTarget(this.deps.db, row);
    return (
      target && { mailer: createMailer(target, this.from(row)), to: row.recipients, language: row.language }
    );
  }

  private from(row: AlertSettingsRow): string {
    return row.mail_from ?? this.deps.config.ADLERDO_ALERT_FROM ?? FALLBACK_FROM;
  }

  // ADLERDO_SMTP_URL is the operator's: it wins over the settings page while it is set.
  private async smtpTarget(db: Kysely<DB>, row: AlertSettingsRow): Promise<SmtpTarget | undefined> {
    if (this.deps.config.ADLERDO_SMTP_URL) return { kind: 'url', url: this.deps.config.ADLERDO_SMTP_URL };
    if (!row.smtp_host) return undefined;
    return {
      kind: 'server',
      host: row.smtp_host,
      port: row.smtp_port ?? DEFAULT_SMTP_PORT[row.smtp_tls],
      tls: row.smtp_tls,
      user: row.smtp_user,
      password: await readAlertSecret(db, this.deps.secrets, 'smtp_password'),
    };
  }
}
