-- Push instead of polling (issue 13): where Kaufland and the ERP call AdlerDo back, and what the hub set up
-- for that on their side.

-- One callback endpoint per marketplace account and one for the ERP connection. The token is the unguessable
-- part of the callback URL (POST /api/push/<kind>/<token>); it only ever asks for a sync step to run soon, so
-- it is kept as is (the hub must send it again whenever it repairs a subscription). Removing the account or
-- the ERP connection removes the endpoint, and its callbacks answer 404 from then on.
CREATE TABLE push_endpoints (
  token text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('marketplace', 'erp')),
  account_id uuid UNIQUE REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  erp_connection_id uuid UNIQUE REFERENCES erp_connections (id) ON DELETE CASCADE,
  -- ERP only: the seller agreed that AdlerDo installs automation rules in the ERP.
  consent boolean NOT NULL DEFAULT false,
  -- off (no public URL / no consent), active, unavailable (the ERP cannot call back), failed (see message).
  state text NOT NULL DEFAULT 'off' CHECK (state IN ('off', 'active', 'unavailable', 'failed')),
  state_message text,
  -- ERP only: ids of the rules installed there, so they can be removed again.
  remote_ids jsonb NOT NULL DEFAULT '[]',
  checked_at timestamptz,
  last_received_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'marketplace') = (account_id IS NOT NULL)),
  CHECK ((kind = 'erp') = (erp_connection_id IS NOT NULL))
);

-- The marketplace subscriptions AdlerDo made, per account, sales channel and event.
CREATE TABLE push_subscriptions (
  account_id uuid NOT NULL REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  channel text NOT NULL,
  event text NOT NULL,
  remote_id text NOT NULL,
  active boolean NOT NULL,
  -- How often the hub found it disabled or gone and made it work again.
  repairs integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, channel, event)
);
