-- The hub's copy of the ERP catalog (one ERP per instance). The SKU is the join key with every marketplace.
CREATE TABLE catalog_products (
  sku text PRIMARY KEY,
  erp_id text NOT NULL,
  ean text,
  name text NOT NULL,
  price_minor integer NOT NULL,
  free_qty numeric NOT NULL,
  on_hand numeric NOT NULL,
  active boolean NOT NULL DEFAULT true,
  -- When the hub first saw the current quantity/price: the start of the stock latency measurement.
  changed_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalog_products_ean_idx ON catalog_products (ean) WHERE ean IS NOT NULL;

-- One offer per account, channel and SKU: what the marketplace last confirmed, so a cycle sends only changes.
CREATE TABLE offers (
  account_id uuid NOT NULL REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  channel text NOT NULL,
  sku text NOT NULL,
  offer_id text,
  amount integer,
  price_minor integer,
  handling_time_days integer,
  status text,
  confirmed_at timestamptz,
  -- Created on the marketplace but not listed back yet (new offers can take minutes to appear).
  pending_since timestamptz,
  last_error text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, channel, sku)
);
CREATE INDEX offers_offer_id_idx ON offers (account_id, offer_id);
