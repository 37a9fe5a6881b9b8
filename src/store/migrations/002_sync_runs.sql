-- Where each step of the sync cycle got to, per account. A step commits its cursor only after its batch is
-- applied, so a crash repeats at most one batch (which every step makes harmless).
CREATE TABLE sync_cursors (
  account_id uuid NOT NULL REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  step text NOT NULL,
  cursor jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, step)
);

-- One row per run of one step, for the dashboard, `adlerdo sync status` and the run log.
CREATE TABLE sync_runs (
  id bigserial PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  step text NOT NULL,
  trigger text NOT NULL,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed', 'paused', 'skipped')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  counts jsonb NOT NULL DEFAULT '{}',
  api_calls jsonb NOT NULL DEFAULT '{}',
  error_code text,
  error_message text
);
CREATE INDEX sync_runs_account_step_idx ON sync_runs (account_id, step, started_at DESC);

-- Everything held back that needs the seller's attention: an unknown SKU, a rejected offer, an order the ERP
-- refused. One open issue per (account, code, subject); it is resolved when its cause is gone.
CREATE TABLE sync_issues (
  id bigserial PRIMARY KEY,
  account_id uuid REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  step text NOT NULL,
  code text NOT NULL,
  subject text NOT NULL,
  message text NOT NULL,
  hint text,
  details jsonb NOT NULL DEFAULT '{}',
  occurrences integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
CREATE UNIQUE INDEX sync_issues_open_key ON sync_issues (account_id, code, subject) WHERE resolved_at IS NULL;
