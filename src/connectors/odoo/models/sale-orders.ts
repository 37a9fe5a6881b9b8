import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type {
  ErpOutcome,
  ErpSaleOrder,
  ErpSaleOrderInput,
  ErpSaleOrderResult,
} from '../../../core/ports/erp.port.ts';
import type { OdooClient } from '../odoo.client.ts';
import { fromMinor, SALE_ORDER_FIELDS, saleOrderSchema, toErpSaleOrder } from '../odoo.mapper.ts';
import { chunks } from '../../../core/chunks.ts';
import { batchOrEach } from './batch.ts';
import { includeLineTaxes } from './included-taxes.ts';
import { NO_CHATTER } from './no-chatter.ts';
import { OrderMoneyCache } from './order-money-cache.ts';
import { pricelistsFor } from './pricelists.ts';
import { productIdsBySku } from './products.ts';
import { balanceTotals } from './rounding-line.ts';
import type { ShippingProduct } from './shipping-product.ts';

const actionSchema = z.looseObject({
  res_model: z.string(),
  context: z.record(z.string(), z.unknown()).optional(),
});

/** The oldest sale order per reference, 200 references per call. */
export async function findSaleOrders(
  client: OdooClient,
  externalRefs: readonly string[],
): Promise<ErpSaleOrder[]> {
  const found = new Map<string, ErpSaleOrder>();
  for (const refs of chunks([...new Set(externalRefs)], 200)) {
    const rows = await client.searchRead(
      'sale.order',
      { domain: [['client_order_ref', 'in', refs]], fields: SALE_ORDER_FIELDS, order: 'id asc' },
      saleOrderSchema,
    );
    for (const row of rows) {
      const order = toErpSaleOrder(row, client.dialect);
      if (order.externalRef !== null && !found.has(order.externalRef)) found.set(order.externalRef, order);
    }
  }
  return [...found.values()];
}

const recordId = (id: string): number => {
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0)
    throw new AppError('bug', 'odoo.bad_id', `"${id}" is not an Odoo record id.`);
  return n;
};

function unknownSkus(input: ErpSaleOrderInput, products: Map<string, number>): AppError | undefined {
  const unknown = [...new Set(input.lines.map((l) => l.sku))].filter((sku) => !products.has(sku));
  if (unknown.length === 0) return undefined;
  return new AppError(
    'rejected',
    'odoo.unknown_sku',
    `No Odoo product has the internal reference ${unknown.join(', ')}.`,
    { details: { skus: unknown, externalRef: input.externalRef } },
  );
}

/**
 * Each order is booked in its currency (a pricelist per currency, pricelists.ts) and its lines' price-excluded
 * taxes are swapped for price-included ones before confirming (included-taxes.ts), so the total is the buyer's;
 * a total Odoo still rounds a few cents off gets a rounding line before confirming (rounding-line.ts).
 *
 * Five calls for a whole batch (plus 1 per currency, 2 for the line taxes, 1 to check the totals): products, look the references up (a retry after a timeout or a crash finds the
 * orders instead of making second ones), create the missing orders with all their lines in one call, confirm
 * them and the drafts an interrupted attempt left (confirming reserves the stock), read them back. When Odoo
 * refuses the batch, each order is tried alone so one bad order does not hold up the others.
 */
export async function createSaleOrders(
  client: OdooClient,
  inputs: readonly ErpSaleOrderInput[],
  shippingProduct: ShippingProduct,
  taxIds?: number[],
  money = new OrderMoneyCache(),
): Promise<ErpOutcome<ErpSaleOrderResult>[]> {
  // One batch is one account's orders, so one marketplace name for the pricelists and taxes it creates.
  const channel = inputs.find((i) => i.marketplace)?.marketplace ?? 'Marketplace';
  const shipping = inputs.some((i) => (i.shippingAmount ?? 0) > 0)
    ? await shippingProduct.resolve(client)
    : undefined;
  const products = await productIdsBySku(
    client,
    inputs.flatMap((i) => i.lines.map((l) => l.sku)),
  );
  const pricelists = await pricelistsFor(
    client,
    inputs.flatMap((i) => (i.currency ? [i.currency] : [])),
    channel,
    money,
  );
  const pricelistOf = (input: ErpSaleOrderInput) =>
    input.currency ? pricelists.get(input.currency) : undefined;
  const refused = new Map(
    inputs.map((input) => {
      const pricelist = pricelistOf(input);
      return [input, unknownSkus(input, products) ?? (pricelist instanceof AppError ? pricelist : undefined)];
    }),
  );
  const valid = inputs.filter((input) => !refused.get(input));
  const taxes = taxIds ? { [client.dialect.lineTaxField]: [[6, 0, taxIds]] } : {};
  const created = await batchOrEach(valid, async (batch) => {
    const existing = new Map(
      (
        await findSaleOrders(
          client,
          batch.map((i) => i.externalRef),
        )
      ).map((order) => [order.externalRef, order]),
    );
    const fresh = batch.filter((input) => !existing.has(input.externalRef));
    const newIds = await client.createMany(
      'sale.order',
      fresh.map((input) => ({
        partner_id: recordId(input.customer.customerId),
        partner_invoice_id: recordId(input.customer.invoiceAddressId),
        partner_shipping_id: recordId(input.customer.shippingAddressId),
        client_order_ref: input.externalRef,
        origin: input.origin ?? input.externalRef,
        ...(typeof pricelistOf(input) === 'number' ? { pricelist_id: pricelistOf(input) } : {}),
        order_line: [
          ...input.lines.map((l) => [
            0,
            0,
            {
              product_id: products.get(l.sku),
              product_uom_qty: l.quantity,
              price_unit: fromMinor(l.unitPrice),
              ...taxes,
            },
          ]),
          ...(shipping !== undefined && (input.shippingAmount ?? 0) > 0
            ? [
                [
                  0,
                  0,
                  {
                    product_id: shipping,
                    product_uom_qty: 1,
                    price_unit: fromMinor(input.shippingAmount ?? 0),
                    ...taxes,
                  },
                ],
              ]
            : []),
        ],
      })),
      NO_CHATTER,
    );
    const idOf = new Map(fresh.map((input, i) => [input.externalRef, newIds[i]]));
    const drafts = [...existing.values()].filter((o) => o.state === 'draft').map((o) => recordId(o.id));
    const taxCorrections = await includeLineTaxes(client, [...drafts, ...newIds], channel, money);
    const paid = new Map<number, number>();
    for (const input of batch) {
      const found = existing.get(input.externalRef);
      if (found && found.state !== 'draft') continue; // confirmed or cancelled: as Odoo has it
      paid.set(idOf.get(input.externalRef) ?? recordId(found!.id), buyerTotal(input));
    }
    const roundings = await balanceTotals(client, paid, channel, money);
    const correctionsOf = (id: number) => {
      const rounding = roundings.get(id);
      return [...(taxCorrections.get(id) ?? []), ...(rounding ? [rounding] : [])];
    };
    if (drafts.length + newIds.length > 0)
      await client.call('sale.order', 'action_confirm', [...drafts, ...newIds], { context: NO_CHATTER });
    const ids = batch.map(
      (input) => idOf.get(input.externalRef) ?? recordId(existing.get(input.externalRef)!.id),
    );
    const rows = await client.read('sale.order', ids, SALE_ORDER_FIELDS, undefined, saleOrderSchema);
    const byId = new Map(rows.map((row) => [row.id, toErpSaleOrder(row, client.dialect)]));
    return batch.map((input, i) => {
      const order = byId.get(ids[i]!);
      if (!order) {
        throw new AppError(
          'rejected',
          'odoo.missing_record',
          `Sale order ${ids[i]} no longer exists in Odoo.`,
        );
      }
      return { order, created: idOf.has(input.externalRef), corrections: correctionsOf(ids[i]!) };
    });
  });
  return inputs.map((input) => {
    const error = refused.get(input);
    return error ? { ok: false, error } : created[valid.indexOf(input)]!;
  });
}

/** What the buyer paid: the lines' gross prices times their quantities plus the shipping, in minor units. */
const buyerTotal = (input: ErpSaleOrderInput): number =>
  input.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0) + (input.shippingAmount ?? 0);

/**
 * `action_cancel` asks first with a `sale.order.cancel` wizard (offering to mail the customer) unless told
 * `disable_cancel_warning`; if a version still asks, the wizard is created and confirmed without mail.
 */
export async function cancelSaleOrder(client: OdooClient, id: string): Promise<void> {
  const context = { disable_cancel_warning: true };
  const result = await client.call('sale.order', 'action_cancel', [recordId(id)], { context });
  const action = actionSchema.safeParse(result);
  if (!action.success || action.data.res_model !== 'sale.order.cancel') return;
  const wizardContext = { ...action.data.context, ...context };
  const wizard = await client.create('sale.order.cancel', {}, wizardContext);
  await client.call('sale.order.cancel', 'action_cancel', [wizard], { context: wizardContext });
}
