-- Administrators of this AdlerDo instance (UI and API login).
CREATE TABLE admins (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX admins_username_key ON admins (lower(username));

-- Login sessions. Only a SHA-256 of the cookie token is stored, so a database dump grants no session.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  admin_id uuid NOT NULL REFERENCES admins (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

-- A seller's marketplace account (Kaufland first). Client ID and Client Secret are stored encrypted
-- (AES-256-GCM, see src/secrets/secret-box.ts); only the Client ID's last 4 characters are kept in clear to
-- show it masked.
CREATE TABLE marketplace_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  type text NOT NULL,
  base_url text NOT NULL,
  client_id_encrypted text NOT NULL,
  client_id_last4 text NOT NULL,
  client_secret_encrypted text NOT NULL,
  status text NOT NULL DEFAULT 'connected'
    CHECK (status IN ('connected', 'credentials_invalid', 'paused', 'error')),
  status_message text,
  storefronts text[] NOT NULL DEFAULT '{}',
  settings jsonb NOT NULL DEFAULT '{}',
  last_verified_at timestamptz,
  credentials_updated_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX marketplace_accounts_name_key ON marketplace_accounts (lower(name));
