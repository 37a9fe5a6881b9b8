-- Product content for EANs the marketplace's catalogue does not know (issue 13, point 3): one row per account and
-- EAN, from the first offer that stayed unlisted until the catalogue made a product of it.
CREATE TABLE product_content (
  account_id uuid NOT NULL REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  ean text NOT NULL,
  sku text NOT NULL,
  channel text NOT NULL,
  -- known: the catalogue has the product after all; needs_category / needs_picture: waiting for the seller;
  -- queued: sent in the next run; sent: the marketplace is checking it; live; refused (refusals say why).
  state text NOT NULL,
  erp_category_id text,
  erp_category_name text,
  suggestions jsonb NOT NULL DEFAULT '[]',
  category_id text,
  category_name text,
  -- A picture URL the seller named for this product, used instead of the ERP's picture.
  picture_url text,
  refusals jsonb NOT NULL DEFAULT '[]',
  sent_at timestamptz,
  checked_at timestamptz,
  live_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, ean)
);
CREATE INDEX product_content_state_idx ON product_content (account_id, state);
CREATE INDEX product_content_sku_idx ON product_content (sku);

-- The ERP's category → the marketplace category the seller confirmed once: the next product of that ERP category
-- gets it without asking.
CREATE TABLE product_category_map (
  account_id uuid NOT NULL REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  erp_category_id text NOT NULL,
  category_id text NOT NULL,
  category_name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, erp_category_id)
);

-- Pictures the hub serves to the marketplace at ADLERDO_PUBLIC_URL/api/product-pictures/<token>: the token is
-- 32 random bytes, so only the marketplace that was given the URL can fetch it.
CREATE TABLE product_pictures (
  token text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  ean text NOT NULL,
  content_type text NOT NULL,
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, ean)
);
