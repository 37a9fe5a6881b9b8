-- Alerts outside the browser, all set from the settings page (src/alerts): the SMTP server, the webhook, the
-- language of the texts and the daily digest. The SMTP password and the webhook URL (it embeds a token) are
-- secrets: they live encrypted in alert_secrets, one row each, so `adlerdo key rotate` re-encrypts them like the
-- account keys. A row that does not exist is "not set".
ALTER TABLE alert_settings
  ADD COLUMN smtp_host text,
  ADD COLUMN smtp_port integer CHECK (smtp_port BETWEEN 1 AND 65535),
  ADD COLUMN smtp_tls text NOT NULL DEFAULT 'starttls' CHECK (smtp_tls IN ('none', 'starttls', 'tls')),
  ADD COLUMN smtp_user text,
  ADD COLUMN mail_from text,
  ADD COLUMN webhook_format text NOT NULL DEFAULT 'text' CHECK (webhook_format IN ('text', 'adaptive_card')),
  -- The webhook's host name, shown so the seller recognises which one is set (the URL itself stays secret).
  ADD COLUMN webhook_host text,
  ADD COLUMN webhook_last_sent_at timestamptz,
  ADD COLUMN language text NOT NULL DEFAULT 'de' CHECK (language IN ('de', 'en')),
  -- 'HH:MM' in digest_time_zone, or NULL: no digest.
  ADD COLUMN digest_time text CHECK (digest_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  ADD COLUMN digest_time_zone text NOT NULL DEFAULT 'Europe/Berlin',
  -- The local day (in digest_time_zone) each channel last got its digest: once a day, restarts or not.
  ADD COLUMN digest_mail_date date,
  ADD COLUMN digest_webhook_date date;

CREATE TABLE alert_secrets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (name IN ('smtp_password', 'webhook_url')),
  value_encrypted text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The webhook's own once-per-issue marks, next to the mail's (alerted_at, clear_alerted_at from 008): a webhook
-- that failed is tried again on the next round without mailing twice.
ALTER TABLE sync_issues ADD COLUMN webhook_alerted_at timestamptz, ADD COLUMN webhook_clear_alerted_at timestamptz;
