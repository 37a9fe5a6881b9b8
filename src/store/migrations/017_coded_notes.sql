-- The order timeline's ERP corrections and the push line's reason as a stable code with the values in it,
-- next to the English sentence (core/coded-message.ts: {code, values, message}), so the web app says them
-- from its catalogue in the seller's language instead of recognising English sentences.
--
-- Rows written before keep reading: the two sentences the ERP connector wrote and the fixed push sentences are
-- turned into their codes here; any other stored sentence becomes a note whose code the web app does not know
-- (it then shows the sentence as stored).

ALTER TABLE hub_orders ADD COLUMN erp_corrections jsonb;

-- "…used the price-included "19%" → "19% INC", "7%" → "7% INC" so the total…": one correction per swapped tax.
-- "…added the line "Rounding difference Kaufland" of -0.01 EUR, without tax…": the signed amount in minor
-- units (the connector wrote it with exactly the currency's minor digits, so dropping the point gives them).
UPDATE hub_orders o
SET erp_corrections = (
  SELECT coalesce(jsonb_agg(c.note ORDER BY c.rank, c.n), '[]'::jsonb)
  FROM (
    SELECT 1 AS rank, swap.n, jsonb_build_object(
      'code', 'order.erp_tax_included',
      'values', jsonb_build_object('from', swap.m[1], 'to', swap.m[2]),
      'message', format(
        'Odoo''s price-excluded tax "%s" would have added VAT on top of the gross prices; used the price-included "%s" so the total is what the buyer paid',
        swap.m[1], swap.m[2])) AS note
    FROM regexp_matches(
        coalesce(substring(o.erp_correction FROM 'used the price-included (.+?) so the total is what the buyer paid'), ''),
        '"([^"]*)" → "([^"]*)"', 'g') WITH ORDINALITY AS swap (m, n)
    UNION ALL
    SELECT 2, 1, jsonb_build_object(
      'code', 'order.erp_rounding_line',
      'values', jsonb_build_object(
        'differenceMinor', (r.m[2] || replace(r.m[3], '.', ''))::bigint,
        'currency', r.m[4],
        'line', r.m[1]),
      'message', substring(o.erp_correction FROM 'Odoo''s total was .* so the total is the buyer''s'))
    FROM regexp_match(o.erp_correction,
        'added the line "(.*?)" of ([+-]?)([0-9]+(?:\.[0-9]+)?) ([A-Z]{3}), without tax') AS r (m)
    WHERE r.m IS NOT NULL
    UNION ALL
    -- Neither sentence: kept as written, under a code no catalogue has.
    SELECT 3, 1, jsonb_build_object('code', 'order.erp_correction', 'values', '{}'::jsonb, 'message', o.erp_correction)
    WHERE o.erp_correction NOT LIKE '%used the price-included %'
      AND o.erp_correction NOT LIKE '%added the line "%'
  ) c
)
WHERE o.erp_correction IS NOT NULL;

ALTER TABLE hub_orders DROP COLUMN erp_correction;

ALTER TABLE push_endpoints ADD COLUMN state_note jsonb;

UPDATE push_endpoints
SET state_note = jsonb_build_object(
  'code', CASE
    WHEN state_message = 'This marketplace cannot notify AdlerDo; it is polled.' THEN 'push.marketplace_polled'
    WHEN state_message LIKE 'Set ADLERDO_PUBLIC_URL (the https address where the marketplace can reach AdlerDo)%'
      THEN 'push.public_url_needed'
    WHEN state_message LIKE 'Add a fallback e-mail in the account settings%' THEN 'push.fallback_email_needed'
    WHEN state_message = 'The account is not connected; it is polled once it is.' THEN 'push.account_not_connected'
    WHEN state_message LIKE '% subscription(s) are waiting for the marketplace to verify the callback address.'
      THEN 'push.subscriptions_waiting'
    WHEN state_message = 'This ERP cannot call AdlerDo; it is polled.' THEN 'push.erp_polled'
    WHEN state_message LIKE 'Set ADLERDO_PUBLIC_URL (the https address where Odoo can reach AdlerDo)%'
      THEN 'push.erp_public_url_needed'
    WHEN state_message = 'Push is off: stock, deliveries and cancellations are polled.' THEN 'push.erp_off'
    ELSE 'push.note'
  END,
  'values', CASE
    WHEN state_message LIKE '% subscription(s) are waiting for the marketplace to verify the callback address.'
      THEN jsonb_build_object('count', split_part(state_message, ' ', 1)::integer)
    ELSE '{}'::jsonb
  END,
  'message', state_message)
WHERE state_message IS NOT NULL;

ALTER TABLE push_endpoints DROP COLUMN state_message;
