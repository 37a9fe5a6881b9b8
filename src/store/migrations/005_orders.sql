-- The order ledger. Every marketplace order is stored here FIRST, then forwarded to the ERP; the ERP sale
-- order is looked up by the marketplace order id before it is created, so a crash between "created in the
-- ERP" and "recorded here" is found on the next run instead of creating a second sale order.
CREATE TABLE hub_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  marketplace_order_id text NOT NULL,
  channel text NOT NULL,
  currency text NOT NULL,
  buyer jsonb,
  billing_address jsonb,
  shipping_address jsonb,
  total_minor bigint NOT NULL DEFAULT 0,
  -- received → (held ⇄ received) → in_erp → shipped (all lines confirmed) | cancelled
  state text NOT NULL DEFAULT 'received'
    CHECK (state IN ('received', 'held', 'in_erp', 'shipped', 'cancelled')),
  hold_reason text,
  erp_order_id text,
  erp_order_name text,
  marketplace_created_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  erp_created_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, marketplace_order_id)
);
CREATE INDEX hub_orders_state_idx ON hub_orders (account_id, state);

-- One row per marketplace order line (quantity 1 each).
CREATE TABLE hub_order_lines (
  id bigserial PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES hub_orders (id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  marketplace_line_id text NOT NULL,
  sku text,
  title text,
  price_minor integer NOT NULL,
  shipping_minor integer NOT NULL DEFAULT 0,
  vat_percent numeric,
  marketplace_status text NOT NULL,
  -- Set when the ERP delivery that shipped this line is seen; confirmed_at once the marketplace accepted it.
  erp_shipment_id text,
  carrier text,
  tracking_numbers text[],
  shipped_at timestamptz,
  confirmed_at timestamptz,
  confirm_error text,
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, marketplace_line_id)
);
CREATE INDEX hub_order_lines_order_idx ON hub_order_lines (order_id);
CREATE INDEX hub_order_lines_to_confirm_idx ON hub_order_lines (account_id) WHERE shipped_at IS NOT NULL AND confirmed_at IS NULL;
