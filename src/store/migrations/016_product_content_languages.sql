-- Product content per language (issue 13): the marketplace keeps product data per language, one per channel
-- (Kaufland: per storefront locale), and checks each on its own. One row per product and channel it was sent to.
CREATE TABLE product_content_channels (
  account_id uuid NOT NULL,
  ean text NOT NULL,
  channel text NOT NULL,
  -- The channel's content language (BCP 47, e.g. cs-CZ), as the marketplace names it.
  language text NOT NULL,
  -- sent: being checked; live; refused (refusals say why, also when the send itself was refused).
  state text NOT NULL CHECK (state IN ('sent', 'live', 'refused')),
  -- The ERP language the title and description were read in; NULL when the ERP does not have the channel's
  -- language installed and its default language's text was sent.
  text_language text,
  refusals jsonb NOT NULL DEFAULT '[]',
  sent_at timestamptz NOT NULL DEFAULT now(),
  checked_at timestamptz,
  PRIMARY KEY (account_id, ean, channel),
  FOREIGN KEY (account_id, ean) REFERENCES product_content (account_id, ean) ON DELETE CASCADE
);
