-- After the sale (issue 11): the invoices and credit notes the hub uploads to the marketplace, the buyers'
-- returns line by line, and the seller's partial refunds. Each remote action is recorded with what makes it
-- safe to repeat: the ERP reference or the marketplace document looked up before a retry acts again.

-- The marketplace is the seller of record for such lines (EU deemed supplier) and issues the invoice itself.
ALTER TABLE hub_order_lines ADD COLUMN deemed_supplier boolean NOT NULL DEFAULT false;

-- When the hub last asked the ERP to invoice the shipped order (account setting invoiceOnShipment): asked once.
ALTER TABLE hub_orders ADD COLUMN erp_invoice_requested_at timestamptz;

-- One row per ERP document of a hub order. Unique per order and ERP document, so it is uploaded once; the
-- marketplace's copy is found by its file name (the ERP number) before any upload, so a crash between the
-- upload and this row's update never makes a second copy.
CREATE TABLE hub_order_documents (
  id bigserial PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  order_id uuid NOT NULL REFERENCES hub_orders (id) ON DELETE CASCADE,
  erp_document_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  number text NOT NULL,
  total_minor bigint NOT NULL,
  currency text NOT NULL,
  document_date date,
  file_name text NOT NULL,
  marketplace_document_id text,
  uploaded_at timestamptz,
  -- Not uploaded on purpose (the marketplace invoices deemed-supplier orders itself).
  skipped_reason text,
  -- The last refusal (marketplace or ERP), shown with the issue; retried no sooner than an hour later.
  upload_error text,
  attempted_at timestamptz,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, order_id, erp_document_id)
);
CREATE INDEX hub_order_documents_pending_idx ON hub_order_documents (account_id)
  WHERE uploaded_at IS NULL AND skipped_reason IS NULL;
CREATE INDEX hub_order_documents_order_idx ON hub_order_documents (order_id);

-- One row per returned order line (a marketplace line is one piece). order_id is null for a return of an
-- order the hub never imported: stored and shown all the same, with an issue saying so.
CREATE TABLE hub_return_lines (
  id bigserial PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  order_id uuid REFERENCES hub_orders (id) ON DELETE SET NULL,
  marketplace_return_line_id text NOT NULL,
  marketplace_return_id text NOT NULL,
  marketplace_order_id text NOT NULL,
  marketplace_line_id text NOT NULL,
  channel text NOT NULL,
  sku text,
  status text NOT NULL
    CHECK (status IN ('announced', 'arrived', 'accepted', 'rejected', 'clarification', 'repair', 'closed')),
  reason text,
  buyer_note text,
  tracking_numbers text[] NOT NULL DEFAULT '{}',
  carrier_code text,
  marketplace_created_at timestamptz NOT NULL,
  marketplace_updated_at timestamptz NOT NULL,
  -- When the hub first saw each status: the order's timeline.
  announced_at timestamptz,
  arrived_at timestamptz,
  accepted_at timestamptz,
  rejected_at timestamptz,
  clarification_at timestamptz,
  repair_at timestamptz,
  closed_at timestamptz,
  -- The seller's answer: stored before it is sent (sent_at after), so a retry checks the line instead of
  -- answering twice. Source: 'auto' (autoAcceptReturns), 'seller' (UI, CLI, API), 'marketplace' (seen there).
  outcome text CHECK (outcome IN ('accept', 'reject', 'clarify', 'repair')),
  outcome_message text,
  outcome_source text CHECK (outcome_source IN ('auto', 'seller', 'marketplace')),
  outcome_sent_at timestamptz,
  outcome_error text,
  -- The ERP's return receipt: its reference is stored before it is asked for, so a retry finds it.
  erp_return_ref text,
  erp_return_id text,
  erp_return_name text,
  erp_return_prepared_at timestamptz,
  erp_return_done_at timestamptz,
  erp_return_error text,
  -- The credit note for an accepted line, the same way.
  erp_credit_ref text,
  erp_credit_note_id text,
  erp_credit_note_name text,
  erp_credit_note_at timestamptz,
  erp_credit_error text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, marketplace_return_line_id)
);
CREATE INDEX hub_return_lines_order_idx ON hub_return_lines (order_id);
CREATE INDEX hub_return_lines_status_idx ON hub_return_lines (account_id, status);

-- Partial refunds the seller made through the hub. The row (and its key) is written before the marketplace
-- is called: the same key never sends twice. Refunds the marketplace made itself are not in here.
CREATE TABLE hub_refunds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  order_id uuid NOT NULL REFERENCES hub_orders (id) ON DELETE CASCADE,
  order_line_id bigint NOT NULL REFERENCES hub_order_lines (id) ON DELETE CASCADE,
  idempotency_key text NOT NULL,
  amount_minor integer NOT NULL CHECK (amount_minor > 0),
  currency text NOT NULL,
  reason text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  send_error text,
  erp_credit_note_id text,
  erp_credit_note_name text,
  erp_credit_note_at timestamptz,
  erp_credit_error text,
  UNIQUE (account_id, idempotency_key)
);
CREATE INDEX hub_refunds_order_idx ON hub_refunds (order_id);
