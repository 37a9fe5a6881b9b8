-- Alert e-mails (src/alerts): who is told outside the browser, and when each attention issue was mailed, so an
-- issue is mailed at most once when it opens and once when it clears.
CREATE TABLE alert_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  recipients text[] NOT NULL DEFAULT '{}',
  last_sent_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE sync_issues ADD COLUMN alerted_at timestamptz, ADD COLUMN clear_alerted_at timestamptz;
