import type { ErpPage, ErpSaleOrder } from '../../../core/ports/erp.port.ts';
import { changeCursorSchema, changedSince, decodeCursor, START } from '../cursor.ts';
import type { OdooClient } from '../odoo.client.ts';
import { SALE_ORDER_FIELDS, saleOrderSchema, toErpSaleOrder } from '../odoo.mapper.ts';

/** Cancelled sale orders that carry a marketplace reference; others were never the hub's. */
const CANCELLED_MARKETPLACE_ORDERS = [
  ['state', '=', 'cancel'],
  ['client_order_ref', '!=', false],
];

/**
 * Sale orders cancelled in Odoo since the cursor, oldest change first: cancelling writes the order, so its
 * write_date moves. One call per page. An order edited again after its cancellation shows up again; the hub
 * acts on an order once.
 */
export async function cancelledSaleOrdersSince(
  client: OdooClient,
  cursor: string | null,
  limit = 200,
): Promise<ErpPage<ErpSaleOrder>> {
  const changed = await changedSince(
    client,
    {
      model: 'sale.order',
      domain: CANCELLED_MARKETPLACE_ORDERS,
      fields: SALE_ORDER_FIELDS,
      dateField: 'write_date',
      limit,
    },
    decodeCursor(cursor, changeCursorSchema, START),
  );
  return {
    items: changed.rows.map((row) => toErpSaleOrder(saleOrderSchema.parse(row), client.dialect)),
    cursor: JSON.stringify(changed.cursor),
    hasMore: changed.hasMore,
  };
}
