import { z } from 'zod';
import { AppError, toAppError } from '../../../core/errors.ts';
import { many2one, type OdooClient } from '../odoo.client.ts';
import type { CodedMessage } from '../../../core/coded-message.ts';
import { OrderMoneyCache, type CachedTax } from './order-money-cache.ts';

const taxSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  amount: z.number(),
  amount_type: z.string(),
  price_include: z.boolean(),
  company_id: many2one,
});
type Tax = CachedTax;
// `tax_id` up to 18, `tax_ids` from 19 (the dialect names the one to ask for).
const lineSchema = z.looseObject({
  id: z.number(),
  order_id: many2one,
  tax_id: z.array(z.number()).optional(),
  tax_ids: z.array(z.number()).optional(),
});

/** "19% incl. (Kaufland)": the name of a price-included twin AdlerDo creates when the company has none. */
export const twinName = (amount: number, channel: string): string => `${amount}% incl. (${channel})`;

/**
 * Marketplace prices are gross. Odoo applies each line the product's taxes as mapped by the fiscal position it
 * picked for the delivery address; a price-EXCLUDED tax would add its rate on top (recorded: a gross 119.00 with
 * the default 19 % becomes 141.61). So every excluded percent tax on these orders' lines is swapped for its
 * price-included twin: the company's oldest active sale tax with the same rate and `price_include`, or a copy of
 * the excluded tax made once (copy keeps its tax group, country and accounts). With a price-included tax Odoo
 * splits each line's gross price into net and VAT and rounds per line, so each line keeps its gross total to the
 * cent (3 × 19.99 → 50.39 + 9.58 = 59.97, recorded). 0 % taxes add nothing and stay.
 *
 * Runs on drafts (before confirming) and is safe to repeat: lines already carrying included taxes are left as
 * they are. Answers, per order id, what was swapped (for the order's timeline); a refused copy (a constraint, or
 * an API user without the right to create taxes) throws kind `rejected`, which fails the batch and then only the
 * orders that need that tax, each with one issue saying what to do.
 */
export async function includeLineTaxes(
  client: OdooClient,
  orderIds: readonly number[],
  channel: string,
  cache = new OrderMoneyCache(),
): Promise<Map<number, CodedMessage[]>> {
  const field = client.dialect.lineTaxField;
  const corrections = new Map<number, CodedMessage[]>();
  if (orderIds.length === 0) return corrections;
  const lines = await client.searchRead(
    'sale.order.line',
    { domain: [['order_id', 'in', [...orderIds]]], fields: ['order_id', field] },
    lineSchema,
  );
  const taxIdsOf = (line: z.infer<typeof lineSchema>) => line.tax_ids ?? line.tax_id ?? [];
  const unknown = [...new Set(lines.flatMap(taxIdsOf))].filter((id) => !cache.taxes.has(id));
  const fields = [...Object.keys(taxSchema.shape)];
  for (const tax of await client.read('account.tax', unknown, fields, undefined, taxSchema))
    cache.taxes.set(tax.id, tax);
  const taxes = cache.taxes;
  const twins = new Map<number, Tax>();
  for (const id of new Set(lines.flatMap(taxIdsOf))) {
    const tax = taxes.get(id);
    if (!tax || !needsTwin(tax)) continue;
    const twin = cache.twins.get(id) ?? (await twinOf(client, tax, channel));
    cache.twins.set(id, twin);
    twins.set(id, twin);
  }
  if (twins.size === 0) return corrections;
  // One write per distinct new tax set, not per line.
  const writes = new Map<string, { taxIds: number[]; lineIds: number[] }>();
  const swapped = new Map<number, Map<string, { from: string; to: string }>>();
  for (const line of lines) {
    const current = taxIdsOf(line);
    if (!current.some((id) => twins.has(id)) || line.order_id === false) continue;
    const next = current.map((id) => twins.get(id)?.id ?? id);
    const key = next.join(',');
    const entry = writes.get(key) ?? { taxIds: next, lineIds: [] };
    entry.lineIds.push(line.id);
    writes.set(key, entry);
    const orderId = line.order_id[0];
    const swaps = swapped.get(orderId) ?? new Map<string, { from: string; to: string }>();
    for (const id of current) {
      const twin = twins.get(id);
      if (twin) swaps.set(`${id}`, { from: taxes.get(id)!.name, to: twin.name });
    }
    swapped.set(orderId, swaps);
  }
  for (const { taxIds, lineIds } of writes.values())
    await client.write('sale.order.line', lineIds, { [field]: [[6, 0, taxIds]] });
  for (const [orderId, swaps] of swapped) corrections.set(orderId, [...swaps.values()].map(taxSwapMessage));
  return corrections;
}

/** One swapped tax, for the order's timeline: the code and names for the web app, the sentence for the API. */
function taxSwapMessage({ from, to }: { from: string; to: string }): CodedMessage {
  return {
    code: 'order.erp_tax_included',
    values: { from, to },
    message: `Odoo's price-excluded tax "${from}" would have added VAT on top of the gross prices; used the price-included "${to}" so the total is what the buyer paid`,
  };
}

const needsTwin = (tax: Tax): boolean =>
  !tax.price_include && tax.amount_type === 'percent' && tax.amount !== 0;

async function twinOf(client: OdooClient, tax: Tax, channel: string): Promise<Tax> {
  const [found] = await client.searchRead(
    'account.tax',
    {
      domain: [
        ['type_tax_use', '=', 'sale'],
        ['amount_type', '=', 'percent'],
        ['amount', '=', tax.amount],
        ['price_include', '=', true],
        ['company_id', '=', tax.company_id === false ? false : tax.company_id[0]],
      ],
      fields: [...Object.keys(taxSchema.shape)],
      order: 'id asc',
      limit: 1,
    },
    taxSchema,
  );
  if (found) return found;
  const name = twinName(tax.amount, channel);
  const answer = await client
    .call('account.tax', 'copy', [tax.id], { default: { name, ...client.dialect.includedTaxVals } })
    .catch((thrown: unknown) => {
      const error = toAppError(thrown);
      if (error.kind !== 'rejected' && error.code !== 'odoo.access_denied') throw error;
      throw new AppError(
        'rejected',
        'odoo.tax_refused',
        `Odoo refused to create the price-included tax "${name}" (for "${tax.name}", which would add VAT on top of the buyer's gross price): ${error.message}`,
        {
          details: {
            tax: tax.name,
            hint: `Create a ${tax.amount} % sale tax "Included in Price" in Odoo (Accounting → Configuration → Taxes), or give the Odoo user AdlerDo signs in with the right to create taxes (Invoicing: Billing Administrator); the order goes through on the next cycle.`,
          },
        },
      );
    });
  // JSON-RPC answers the new id; JSON-2 (19+) the new recordset, a list of one id.
  const id = z.union([z.number(), z.tuple([z.number()]).transform(([n]) => n)]).safeParse(answer);
  if (!id.success)
    throw new AppError('bug', 'odoo.bad_response', `account.tax.copy answered ${JSON.stringify(answer)}`);
  return { ...tax, id: id.data, name, price_include: true };
}
