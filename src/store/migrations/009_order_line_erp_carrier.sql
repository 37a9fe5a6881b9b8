-- The ERP's own carrier name of a shipped line, kept so a line whose carrier has no mapping yet waits for one
-- (issue "Map carrier X") and is confirmed with the mapped code once the seller maps it, instead of a guess.
ALTER TABLE hub_order_lines ADD COLUMN erp_carrier text;
