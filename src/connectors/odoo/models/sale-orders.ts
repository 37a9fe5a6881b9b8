import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { ErpSaleOrder, ErpSaleOrderInput } from '../../../core/ports/erp.port.ts';
import type { OdooClient } from '../odoo.client.ts';
import { fromMinor, SALE_ORDER_FIELDS, saleOrderSchema, toErpSaleOrder } from '../odoo.mapper.ts';
import { findProductsBySku } from './products.ts';

const actionSchema = z.looseObject({
  res_model: z.string(),
  context: z.record(z.string(), z.unknown()).optional(),
});

export async function findSaleOrder(client: OdooClient, externalRef: string): Promise<ErpSaleOrder | null> {
  const rows = await client.searchRead(
    'sale.order',
    {
      domain: [['client_order_ref', '=', externalRef]],
      fields: SALE_ORDER_FIELDS,
      order: 'id asc',
      limit: 1,
    },
    saleOrderSchema,
  );
  return rows[0] ? toErpSaleOrder(rows[0], client.dialect) : null;
}

async function readSaleOrder(client: OdooClient, id: number): Promise<ErpSaleOrder> {
  const [row] = await client.read('sale.order', [id], SALE_ORDER_FIELDS, undefined, saleOrderSchema);
  if (!row)
    throw new AppError('rejected', 'odoo.missing_record', `Sale order ${id} no longer exists in Odoo.`);
  return toErpSaleOrder(row, client.dialect);
}

const orderId = (id: string): number => {
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0)
    throw new AppError('bug', 'odoo.bad_id', `"${id}" is not an Odoo record id.`);
  return n;
};

/**
 * Looks the reference up first (a retry after a timeout finds the order instead of making a second one), then
 * creates the order with all its lines in one call and confirms it, which reserves the stock. A draft left
 * by an interrupted earlier attempt is confirmed.
 */
export async function createSaleOrder(
  client: OdooClient,
  input: ErpSaleOrderInput,
  taxIds?: number[],
): Promise<ErpSaleOrder> {
  const existing = await findSaleOrder(client, input.externalRef);
  if (existing && existing.state !== 'draft') return existing;
  let id = existing ? orderId(existing.id) : undefined;
  if (id === undefined) {
    const products = new Map(
      (
        await findProductsBySku(
          client,
          input.lines.map((l) => l.sku),
        )
      ).map((p) => [p.sku, Number(p.id)]),
    );
    const unknown = input.lines.filter((l) => !products.has(l.sku)).map((l) => l.sku);
    if (unknown.length > 0) {
      throw new AppError(
        'rejected',
        'odoo.unknown_sku',
        `No Odoo product has the internal reference ${unknown.join(', ')}.`,
        {
          details: { skus: unknown, externalRef: input.externalRef },
        },
      );
    }
    const taxes = taxIds ? { [client.dialect.lineTaxField]: [[6, 0, taxIds]] } : {};
    id = await client.create('sale.order', {
      partner_id: orderId(input.customer.customerId),
      partner_invoice_id: orderId(input.customer.invoiceAddressId),
      partner_shipping_id: orderId(input.customer.shippingAddressId),
      client_order_ref: input.externalRef,
      origin: input.origin ?? input.externalRef,
      order_line: input.lines.map((l) => [
        0,
        0,
        {
          product_id: products.get(l.sku),
          product_uom_qty: l.quantity,
          price_unit: fromMinor(l.unitPrice),
          ...taxes,
        },
      ]),
    });
  }
  await client.call('sale.order', 'action_confirm', [id]);
  return readSaleOrder(client, id);
}

/**
 * `action_cancel` asks first with a `sale.order.cancel` wizard (offering to mail the customer) unless told
 * `disable_cancel_warning`; if a version still asks, the wizard is created and confirmed without mail.
 */
export async function cancelSaleOrder(client: OdooClient, id: string): Promise<void> {
  const context = { disable_cancel_warning: true };
  const result = await client.call('sale.order', 'action_cancel', [orderId(id)], { context });
  const action = actionSchema.safeParse(result);
  if (!action.success || action.data.res_model !== 'sale.order.cancel') return;
  const wizardContext = { ...action.data.context, ...context };
  const wizard = await client.create('sale.order.cancel', {}, wizardContext);
  await client.call('sale.order.cancel', 'action_cancel', [wizard], { context: wizardContext });
}
