-- What the ERP booked for an order, next to what the buyer paid (hub_orders.total_minor): the sale order's
-- currency, total and contained VAT in its minor units, and the correction AdlerDo had to make so the total is
-- the buyer's (e.g. price-excluded taxes swapped for price-included ones), shown on the order's timeline.
ALTER TABLE hub_orders
  ADD COLUMN erp_currency text,
  ADD COLUMN erp_total_minor bigint,
  ADD COLUMN erp_tax_minor bigint,
  ADD COLUMN erp_correction text;
