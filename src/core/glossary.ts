/**
 * Glossary — the hub's words, and what the vendors call them.
 *
 * - channel: one sales site of a marketplace account (Kaufland: a "storefront" such as de, cz).
 * - offer: what a seller lists for one SKU on one channel, with amount and price (Kaufland: a "unit";
 *   its `id_offer` is our SKU, its `id_unit` our offerId).
 * - SKU: the join key between ERP and marketplace (Odoo: `default_code`; Kaufland: `id_offer`).
 * - order: one checkout at one seller (Kaufland: `id_order`); becomes exactly one ERP sale order.
 * - order line: one item of an order, always quantity 1 (Kaufland: an "order unit", `id_order_unit`);
 *   the ERP sale order groups lines of the same SKU into one line with a quantity.
 * - sellable quantity: what may be sold now (Odoo: `free_qty`, on hand minus reserved) minus the pieces reserved
 *   in the hub, minus the safety buffers.
 * - reserved in the hub: order lines the marketplace sold and the ERP has not reserved yet (order `open` —
 *   Kaufland: unit `open`, not released to ship —, received, held); counted across all accounts per SKU until
 *   the ERP sale order is confirmed or the line is cancelled (sync/streams/offers/reservations.ts).
 * - cursor: how far a sync step has read; committed only after its batch is applied.
 * - issue: something held back that needs the seller (unknown SKU, rejected offer, refused order).
 * - minor units: integer cents of the channel's currency; money is never a float in the hub.
 */
export {};
