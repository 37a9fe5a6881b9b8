-- The reservation ledger (issue 15). A marketplace order line counts as reserved in the hub from the first
-- poll that sees it until the ERP reserves it (its sale order confirmed) or it is cancelled:
--   lines not cancelled, of orders in state open | received | held.
-- `open`: the marketplace has the order but has not released it to ship (Kaufland: unit `open`, no address
-- yet, still cancellable). Such orders are stored for their SKUs and quantities only, never sent to the ERP.
ALTER TABLE hub_orders DROP CONSTRAINT hub_orders_state_check;
ALTER TABLE hub_orders ADD CONSTRAINT hub_orders_state_check
  CHECK (state IN ('open', 'received', 'held', 'in_erp', 'shipped', 'cancelled'));
-- The orders holding reservations are few (a day's unshipped orders at most) among all orders ever stored:
-- the per-SKU sum reads only them.
CREATE INDEX hub_orders_reserving_idx ON hub_orders (id) WHERE state IN ('open', 'received', 'held');

-- Pieces of the SKU reserved in the hub across all accounts (one ERP stock feeds every account), as the stock
-- step last counted them from the ledger. Every offer of the SKU offers free_qty − reserved_qty − buffers;
-- a change of the count touches updated_at, so every account's next stock run compares the SKU again.
ALTER TABLE catalog_products ADD COLUMN reserved_qty integer NOT NULL DEFAULT 0;
CREATE INDEX catalog_products_reserved_idx ON catalog_products (sku) WHERE reserved_qty <> 0;
