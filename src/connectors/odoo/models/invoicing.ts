import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { ErpDocument } from '../../../core/ports/erp.port.ts';
import { many2one, type OdooClient } from '../odoo.client.ts';
import { CUSTOMER_DOCUMENT, MOVE_FIELDS, moveSchema, readDocument, toErpDocument } from './documents.ts';
import { createdRecordId } from './wizard-action.ts';

const orderSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  state: z.string(),
  currency_id: many2one,
  partner_invoice_id: many2one,
});

export async function readSaleOrder(client: OdooClient, saleOrderId: string) {
  const id = Number(saleOrderId);
  const [order] =
    Number.isSafeInteger(id) && id > 0
      ? await client.read(
          'sale.order',
          [id],
          ['name', 'state', 'currency_id', 'partner_invoice_id'],
          undefined,
          orderSchema,
        )
      : [];
  if (!order) {
    throw new AppError('not_found', 'odoo.sale_order_not_found', `Odoo has no sale order ${saleOrderId}.`);
  }
  return order;
}

/**
 * Odoo's standard invoicing of what was delivered: the "Create Invoice" wizard (`sale.advance.payment.inv`,
 * `_create_invoices` being private), then `action_post`. Looked up first by the order's name in
 * `invoice_origin`: a posted invoice is answered as it is, a draft one (a run cut off before posting) is posted.
 */
export async function invoiceSaleOrder(client: OdooClient, saleOrderId: string): Promise<ErpDocument> {
  const order = await readSaleOrder(client, saleOrderId);
  const existing = await client.searchRead(
    'account.move',
    {
      domain: [
        ['move_type', '=', 'out_invoice'],
        ['state', '!=', 'cancel'],
        ['invoice_origin', '=', order.name],
      ],
      fields: MOVE_FIELDS,
      order: 'id',
    },
    moveSchema,
  );
  const posted = existing.find((m) => m.state === 'posted');
  if (posted) return toErpDocument(posted, order.id);
  let invoiceId = existing[0]?.id;
  if (invoiceId === undefined) {
    if (order.state !== 'sale') {
      throw new AppError(
        'rejected',
        'odoo.nothing_to_invoice',
        `Odoo sale order ${order.name} is not confirmed (${order.state}): confirm it before invoicing.`,
      );
    }
    const context = { active_model: 'sale.order', active_ids: [order.id], active_id: order.id };
    const wizard = await client.create(
      'sale.advance.payment.inv',
      { advance_payment_method: 'delivered' },
      context,
    );
    const answer = await client
      .call('sale.advance.payment.inv', 'create_invoices', [wizard], { context })
      .catch((error: unknown) => {
        throw nothingToInvoice(error, order.name);
      });
    invoiceId =
      createdRecordId(answer, 'account.move', 'the invoice wizard') ??
      (
        await client.search(
          'account.move',
          [CUSTOMER_DOCUMENT, ['invoice_origin', '=', order.name], ['state', '=', 'draft']],
          { order: 'id desc', limit: 1 },
        )
      )[0];
    if (invoiceId === undefined) {
      throw new AppError(
        'bug',
        'odoo.unexpected_response',
        `Odoo's invoice wizard made no invoice for ${order.name}.`,
      );
    }
  }
  await client.call('account.move', 'action_post', [invoiceId]);
  const document = await readDocument(client, invoiceId);
  if (!document) {
    throw new AppError('bug', 'odoo.unexpected_response', `Odoo's invoice ${invoiceId} names no sale order.`);
  }
  return document;
}

/** Odoo's UserError "No items are available to invoice" is the seller's to fix, with Odoo's own advice. */
function nothingToInvoice(error: unknown, orderName: string): unknown {
  if (!(error instanceof AppError) || error.code !== 'odoo.rejected') return error;
  return new AppError(
    'rejected',
    'odoo.nothing_to_invoice',
    `Odoo has nothing to invoice on ${orderName}: with the invoicing policy "Delivered quantities" the delivery ` +
      `must be validated first. ${error.message}`,
    { cause: error, details: error.details },
  );
}
