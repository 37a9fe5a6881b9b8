import { z } from 'zod';
import type { CodedMessage } from '../../../core/coded-message.ts';
import { formatMinor } from '../../../core/money-text.ts';
import type { OdooClient } from '../odoo.client.ts';
import { fromMinor, saleOrderSchema, toMinor } from '../odoo.mapper.ts';
import type { OrderMoneyCache } from './order-money-cache.ts';

/**
 * The most a rounding line may correct, in minor units. Odoo 19 sums the unrounded net amounts of an order's
 * lines per tax before rounding, so with two price-included rates its total can be a cent or two off the sum of
 * the gross line prices; anything larger is not rounding (a fixed-amount tax, a changed line) and stays an issue.
 */
export const MAX_ROUNDING_MINOR = 5;

/** "Rounding difference Kaufland": the service product and line name a seller reads on the sale order. */
export const roundingName = (channel: string): string => `Rounding difference ${channel}`;

const productSchema = z.looseObject({ id: z.number() });

/**
 * Draft sale orders whose total is a few cents off what the buyer paid (`paid`, minor units per order id) get
 * one line of the difference on the service product "Rounding difference <marketplace>", without tax, so the
 * total is the buyer's to the cent. Runs before confirming, after the line taxes are final, and is safe to
 * repeat: an order already balanced is left alone. One read per batch; a create only when an order needs it.
 * Answers, per order id, the correction for the order's timeline.
 */
export async function balanceTotals(
  client: OdooClient,
  paid: ReadonlyMap<number, number>,
  channel: string,
  cache: OrderMoneyCache,
): Promise<Map<number, CodedMessage>> {
  const corrections = new Map<number, CodedMessage>();
  if (paid.size === 0) return corrections;
  const rows = await client.read(
    'sale.order',
    [...paid.keys()],
    ['name', 'state', 'client_order_ref', 'amount_total', 'currency_id'],
    undefined,
    saleOrderSchema,
  );
  const off = rows.flatMap((row) => {
    const difference = (paid.get(row.id) ?? 0) - toMinor(row.amount_total);
    if (difference === 0 || Math.abs(difference) > MAX_ROUNDING_MINOR) return [];
    return [{ row, difference, currency: row.currency_id ? row.currency_id[1] : '' }];
  });
  if (off.length === 0) return corrections;
  const name = roundingName(channel);
  const productId = cache.roundingProducts.get(channel) ?? (await roundingProduct(client, name));
  cache.roundingProducts.set(channel, productId);
  await client.createMany(
    'sale.order.line',
    off.map(({ row, difference }) => ({
      order_id: row.id,
      product_id: productId,
      name,
      product_uom_qty: 1,
      price_unit: fromMinor(difference),
      [client.dialect.lineTaxField]: [[6, 0, []]],
    })),
  );
  for (const { row, difference, currency } of off) {
    const code = currency || 'EUR';
    corrections.set(row.id, {
      code: 'order.erp_rounding_line',
      // The web app formats the amounts in its language: the difference signed, its size without sign.
      values: { differenceMinor: difference, currency: code, line: name },
      message: `Odoo's total was ${formatMinor(Math.abs(difference), code)} off what the buyer paid (it rounds the VAT of the order's tax rates together); added the line "${name}" of ${difference > 0 ? '+' : ''}${formatMinor(difference, code)}, without tax, so the total is the buyer's`,
    });
  }
  return corrections;
}

/**
 * The service product the rounding lines are booked on, found by name or created once without taxes (a new
 * product would otherwise get the company's default sale tax). Services are never offered on a marketplace.
 */
async function roundingProduct(client: OdooClient, name: string): Promise<number> {
  const [found] = await client.searchRead(
    'product.product',
    {
      domain: [
        ['name', '=', name],
        ['type', '=', 'service'],
      ],
      fields: ['id'],
      order: 'id asc',
      limit: 1,
    },
    productSchema,
  );
  if (found) return found.id;
  // The product kind is `detailed_type` on 15–17 and `type` otherwise (see odoo.dialect.ts).
  const { major } = client.dialect;
  const kind = major >= 15 && major < 18 ? { detailed_type: 'service' } : { type: 'service' };
  return client.create('product.product', {
    name,
    ...kind,
    sale_ok: true,
    purchase_ok: false,
    list_price: 0,
    taxes_id: [[6, 0, []]],
  });
}
