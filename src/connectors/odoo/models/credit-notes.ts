import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { ErpCreditNoteInput, ErpDocument, ErpQuantityLine } from '../../../core/ports/erp.port.ts';
import { many2one, text, type OdooClient } from '../odoo.client.ts';
import { fromMinor, toMinor } from '../odoo.mapper.ts';
import { MOVE_FIELDS, moveSchema, readDocument, toErpDocument, type OdooMove } from './documents.ts';
import { hubRefDomain, hubRefOf, withHubRef } from './hub-ref.ts';
import { readSaleOrder } from './invoicing.ts';
import { createdRecordId } from './wizard-action.ts';

const lineSchema = z.looseObject({
  id: z.number(),
  product_id: many2one,
  quantity: z.number(),
  price_unit: z.number(),
  price_total: z.number(),
  tax_ids: z.array(z.number()),
  account_id: many2one,
  name: text,
});
const LINE_FIELDS = ['product_id', 'quantity', 'price_unit', 'price_total', 'tax_ids', 'account_id', 'name'];
type MoveLine = z.infer<typeof lineSchema>;

const refused = (message: string) => new AppError('rejected', 'odoo.credit_note_not_possible', message);

const productLines = (client: OdooClient, moveId: number) =>
  client.searchRead(
    'account.move.line',
    {
      domain: [
        ['move_id', '=', moveId],
        ['display_type', '=', 'product'],
      ],
      fields: LINE_FIELDS,
      order: 'id',
    },
    lineSchema,
  );

async function skusOf(client: OdooClient, lines: readonly { product_id: z.infer<typeof many2one> }[]) {
  const ids = [...new Set(lines.flatMap((l) => (l.product_id ? [l.product_id[0]] : [])))];
  const rows = await client.read(
    'product.product',
    ids,
    ['default_code'],
    { active_test: false },
    z.looseObject({ id: z.number(), default_code: text }),
  );
  return new Map(rows.map((p) => [p.id, p.default_code]));
}

/**
 * A credit note for a sale order, found again by the hub's reference ("[ref]" at the end of its `ref`):
 * - with a posted invoice: Odoo's reversal wizard (`account.move.reversal`, `journal_id` given: the web client
 *   fills it by onchange, RPC must), `refund_moves` → a draft for the whole invoice, which is then cut to the
 *   lines asked (quantities on the product lines) or to the amount (one line without product, the invoice's
 *   taxes). Posting it reconciles it with the invoice;
 * - without: a new `out_refund` with the order's name as `invoice_origin`, priced like the order.
 * A draft found again (a run cut off) gets the same cut, which is idempotent, and is posted if asked.
 */
export async function createCreditNote(
  client: OdooClient,
  saleOrderId: string,
  input: ErpCreditNoteInput,
): Promise<ErpDocument> {
  const order = await readSaleOrder(client, saleOrderId);
  const currency = order.currency_id ? order.currency_id[1] : '';
  if (currency && input.currency !== currency) {
    throw refused(
      `Odoo sale order ${order.name} is in ${currency}; a credit note in ${input.currency} cannot go on it.`,
    );
  }
  if (
    input.amountMinor !== undefined &&
    !(Number.isSafeInteger(input.amountMinor) && input.amountMinor > 0)
  ) {
    throw refused('A credit note amount must be a whole number of cents above 0.');
  }
  const found = (
    await client.searchRead(
      'account.move',
      {
        domain: [['move_type', '=', 'out_refund'], ['state', '!=', 'cancel'], hubRefDomain('ref', input.ref)],
        fields: MOVE_FIELDS,
        order: 'id',
      },
      moveSchema,
    )
  ).find((m) => hubRefOf(m.ref) === input.ref);
  if (found && found.state === 'posted') return toErpDocument(found, order.id);

  const invoice = (
    await client.searchRead(
      'account.move',
      {
        domain: [
          ['move_type', '=', 'out_invoice'],
          ['state', '=', 'posted'],
          ['invoice_origin', '=', order.name],
        ],
        fields: MOVE_FIELDS,
        order: 'id desc',
        limit: 1,
      },
      moveSchema,
    )
  )[0];
  let draftId = found?.id;
  if (invoice) {
    const invoiced = await productLines(client, invoice.id);
    const earlier = await earlierCredits(client, invoice.id, found?.id);
    const skus = await skusOf(client, [...invoiced, ...earlier.lines]);
    checkAgainstInvoice(input, invoice, invoiced, earlier, skus);
    draftId ??= await reverse(client, invoice, input);
    await cutDraft(client, draftId, input, skus);
  } else {
    draftId ??= await newCreditNote(client, order, input);
  }
  if (input.post) await client.call('account.move', 'action_post', [draftId]);
  const document = await readDocument(client, draftId);
  if (!document)
    throw new AppError(
      'bug',
      'odoo.unexpected_response',
      `Odoo's credit note ${draftId} names no sale order.`,
    );
  return document;
}

/** What other credit notes reversing this invoice (drafts too, not cancelled ones) already take back. */
async function earlierCredits(client: OdooClient, invoiceId: number, except: number | undefined) {
  const notes = await client.searchRead(
    'account.move',
    {
      domain: [
        ['move_type', '=', 'out_refund'],
        ['reversed_entry_id', '=', invoiceId],
        ['state', '!=', 'cancel'],
        ...(except === undefined ? [] : [['id', '!=', except]]),
      ],
      fields: MOVE_FIELDS,
    },
    moveSchema,
  );
  const lines = notes.length
    ? await client.searchRead(
        'account.move.line',
        {
          domain: [
            ['move_id', 'in', notes.map((n) => n.id)],
            ['display_type', '=', 'product'],
          ],
          fields: LINE_FIELDS,
        },
        lineSchema,
      )
    : [];
  return { totalMinor: notes.reduce((sum, n) => sum + toMinor(n.amount_total), 0), lines };
}

function checkAgainstInvoice(
  input: ErpCreditNoteInput,
  invoice: OdooMove,
  lines: MoveLine[],
  earlier: { totalMinor: number; lines: MoveLine[] },
  skus: Map<number, string | null>,
) {
  const open = toMinor(invoice.amount_total) - earlier.totalMinor;
  if (input.amountMinor !== undefined && input.amountMinor > open) {
    throw refused(
      `${invoice.name} totals ${invoice.amount_total.toFixed(2)}, ${(open / 100).toFixed(2)} of it not credited yet; ` +
        'a credit note for more cannot go on it.',
    );
  }
  const quantity = (from: MoveLine[], sku: string) =>
    from
      .filter((l) => l.product_id && skus.get(l.product_id[0]) === sku)
      .reduce((sum, l) => sum + l.quantity, 0);
  for (const line of input.lines ?? []) {
    const left = quantity(lines, line.sku) - quantity(earlier.lines, line.sku);
    if (!(line.quantity > 0) || line.quantity > left) {
      throw refused(
        `${invoice.name} has ${left} of ${line.sku} not credited yet; ${line.quantity} cannot be credited.`,
      );
    }
  }
  if (!input.lines && input.amountMinor === undefined && earlier.totalMinor > 0) {
    throw refused(
      `${invoice.name} is partly credited already: name the units or the amount to credit, not the whole invoice.`,
    );
  }
}

async function reverse(client: OdooClient, invoice: OdooMove, input: ErpCreditNoteInput): Promise<number> {
  const context = { active_model: 'account.move', active_ids: [invoice.id] };
  const wizard = await client.create(
    'account.move.reversal',
    {
      reason: withHubRef(input.reason, input.ref),
      journal_id: invoice.journal_id ? invoice.journal_id[0] : false,
    },
    context,
  );
  const answer = await client.call('account.move.reversal', 'refund_moves', [wizard], { context });
  const id = createdRecordId(answer, 'account.move', 'the credit note wizard');
  if (id === undefined)
    throw new AppError(
      'bug',
      'odoo.unexpected_response',
      `Odoo's reversal of ${invoice.name} made no credit note.`,
    );
  return id;
}

/** Cuts a reversal draft to the lines or the amount asked; writing absolute values makes it safe to repeat. */
async function cutDraft(
  client: OdooClient,
  draftId: number,
  input: ErpCreditNoteInput,
  skus: Map<number, string | null>,
): Promise<void> {
  const lines = await productLines(client, draftId);
  if (input.amountMinor !== undefined) {
    const amountLine = lines.find((l) => !l.product_id && l.name === input.reason);
    const withProduct = lines.filter((l) => l.product_id);
    if (amountLine && withProduct.length === 0) return;
    const model = withProduct[0] ?? lines[0];
    const price = await netPrice(client, fromMinor(input.amountMinor), model?.tax_ids ?? []);
    await client.write('account.move', [draftId], {
      invoice_line_ids: [
        ...lines.map((l) => [2, l.id]),
        [
          0,
          0,
          {
            name: input.reason,
            quantity: 1,
            price_unit: price,
            tax_ids: [[6, 0, model?.tax_ids ?? []]],
            ...(model?.account_id ? { account_id: model.account_id[0] } : {}),
          },
        ],
      ],
    });
    return;
  }
  if (!input.lines) return;
  const left = new Map(input.lines.map((l) => [l.sku, l.quantity]));
  const commands = lines.map((line) => {
    const sku = line.product_id ? skus.get(line.product_id[0]) : undefined;
    const qty = Math.min(sku ? (left.get(sku) ?? 0) : 0, line.quantity);
    if (sku) left.set(sku, (left.get(sku) ?? 0) - qty);
    return qty > 0 ? [1, line.id, { quantity: qty }] : [2, line.id];
  });
  await client.write('account.move', [draftId], { invoice_line_ids: commands });
}

/** The unit price that makes `gross` with these taxes: gross as it is with price-included taxes. */
async function netPrice(client: OdooClient, gross: number, taxIds: readonly number[]): Promise<number> {
  const taxes = await client.read(
    'account.tax',
    taxIds,
    ['amount', 'amount_type', 'price_include'],
    undefined,
    z.looseObject({ amount: z.number(), amount_type: z.string(), price_include: z.boolean() }),
  );
  const excluded = taxes
    .filter((t) => !t.price_include && t.amount_type === 'percent')
    .reduce((s, t) => s + t.amount, 0);
  return Math.round((gross / (1 + excluded / 100)) * 100) / 100;
}

async function newCreditNote(
  client: OdooClient,
  order: Awaited<ReturnType<typeof readSaleOrder>>,
  input: ErpCreditNoteInput,
): Promise<number> {
  const taxField = client.dialect.lineTaxField;
  const orderLines = await client.searchRead(
    'sale.order.line',
    {
      domain: [
        ['order_id', '=', order.id],
        ['product_id', '!=', false],
      ],
      fields: ['product_id', 'price_unit', 'product_uom_qty', taxField, 'name'],
      order: 'id',
    },
    z
      .looseObject({
        id: z.number(),
        product_id: many2one,
        price_unit: z.number(),
        product_uom_qty: z.number(),
        name: text,
      })
      .and(z.record(z.string(), z.unknown())),
  );
  const skus = await skusOf(client, orderLines);
  const taxesOf = (line: (typeof orderLines)[number] | undefined) =>
    z.array(z.number()).catch([]).parse(line?.[taxField]);
  let invoiceLines: unknown[];
  if (input.amountMinor !== undefined) {
    const taxes = taxesOf(orderLines[0]);
    invoiceLines = [
      [
        0,
        0,
        {
          name: input.reason,
          quantity: 1,
          price_unit: await netPrice(client, fromMinor(input.amountMinor), taxes),
          tax_ids: [[6, 0, taxes]],
        },
      ],
    ];
  } else if (input.lines?.length) {
    invoiceLines = input.lines.map((wanted: ErpQuantityLine) => {
      const line = orderLines.find((l) => l.product_id && skus.get(l.product_id[0]) === wanted.sku);
      if (!line?.product_id || !(wanted.quantity > 0) || wanted.quantity > line.product_uom_qty) {
        throw refused(
          `Odoo sale order ${order.name} has ${line?.product_uom_qty ?? 0} of ${wanted.sku}; ${wanted.quantity} cannot be credited.`,
        );
      }
      return [
        0,
        0,
        {
          product_id: line.product_id[0],
          name: line.name ?? wanted.sku,
          quantity: wanted.quantity,
          price_unit: line.price_unit,
          tax_ids: [[6, 0, taxesOf(line)]],
        },
      ];
    });
  } else {
    throw refused(
      `Odoo sale order ${order.name} has no posted invoice to reverse: give the lines or the amount to credit.`,
    );
  }
  return client.create('account.move', {
    move_type: 'out_refund',
    partner_id: order.partner_invoice_id ? order.partner_invoice_id[0] : false,
    currency_id: order.currency_id ? order.currency_id[0] : false,
    invoice_origin: order.name,
    ref: withHubRef(input.reason, input.ref),
    invoice_line_ids: invoiceLines,
  });
}
