-- The seller's ERP (one per AdlerDo instance). The API key or password is encrypted like the marketplace
-- secrets (src/secrets/secret-box.ts).
CREATE TABLE erp_connections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type text NOT NULL,
  url text NOT NULL,
  database_name text NOT NULL,
  login text NOT NULL,
  secret_encrypted text NOT NULL,
  secret_last4 text NOT NULL,
  transport text NOT NULL DEFAULT 'auto',
  server_version text,
  detected_transport text,
  status text NOT NULL DEFAULT 'connected' CHECK (status IN ('connected', 'credentials_invalid', 'error')),
  status_message text,
  warehouses jsonb NOT NULL DEFAULT '[]',
  carriers jsonb NOT NULL DEFAULT '[]',
  settings jsonb NOT NULL DEFAULT '{}',
  last_verified_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- At most one row.
CREATE UNIQUE INDEX erp_connections_single ON erp_connections ((true));
