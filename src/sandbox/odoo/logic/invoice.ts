import { userError } from '../errors.ts';
import type { Env, Rec } from '../models/types.ts';
import { floatRound } from '../orm/write.ts';
import { createRecords } from '../orm/write.ts';
import { linesOf, priceAmounts } from './sale.ts';
import { LOCATION } from './stock.ts';

/** The one sales journal of a fresh database (id 1, "INV"; credit notes numbered "RINV"). */
export const SALES_JOURNAL = 1;
export const DEFAULT_INCOME_ACCOUNT = 1;

const CUSTOMER_TYPES = ['out_invoice', 'out_refund'];
export const isCustomerDocument = (move: Rec | undefined): boolean =>
  CUSTOMER_TYPES.includes(String(move?.move_type));

export const moveLinesOf = (env: Env, moveId: number): Rec[] =>
  env.db.findBy('account.move.line', 'move_id', moveId);

export function moveLineAmounts(env: Env, line: Rec): { untaxed: number; tax: number } {
  return priceAmounts(
    env,
    Number(line.price_unit) * Number(line.quantity) * (1 - Number(line.discount ?? 0) / 100),
    (line.tax_ids as number[] | undefined) ?? [],
  );
}

export function moveTotals(env: Env, move: Rec): { untaxed: number; tax: number; total: number } {
  let untaxed = 0;
  let tax = 0;
  for (const line of moveLinesOf(env, move.id)) {
    const a = moveLineAmounts(env, line);
    untaxed += a.untaxed;
    tax += a.tax;
  }
  return { untaxed: floatRound(untaxed, 2), tax: floatRound(tax, 2), total: floatRound(untaxed + tax, 2) };
}

/** What is still open: the total less what credit notes reversing it (or it reverses) settled at posting. */
export const residual = (env: Env, move: Rec): number =>
  move.state === 'posted' ? floatRound(moveTotals(env, move).total - Number(move._settled ?? 0), 2) : 0;

/** not_paid, partial, paid, or reversed (settled in full by its credit note), as Odoo 17 shows them. */
export function paymentState(env: Env, move: Rec): string {
  if (move.state !== 'posted') return 'not_paid';
  const total = moveTotals(env, move).total;
  const open = residual(env, move);
  if (open <= 0.001) {
    const fullyReversed = env.db
      .findBy('account.move', 'reversed_entry_id', move.id)
      .some((r) => r.state === 'posted' && moveTotals(env, r).total >= total);
    return fullyReversed ? 'reversed' : 'paid';
  }
  return open < total ? 'partial' : 'not_paid';
}

/** The sale order lines' invoiced quantity: invoices add, credit notes subtract, cancelled ones do not count. */
export function qtyInvoiced(env: Env, saleLineId: number): number {
  let qty = 0;
  for (const line of env.db.all('account.move.line')) {
    if (!((line.sale_line_ids as number[] | undefined) ?? []).includes(saleLineId)) continue;
    const move = env.db.get('account.move', Number(line.move_id));
    if (!move || move.state === 'cancel') continue;
    qty += move.move_type === 'out_refund' ? -Number(line.quantity) : Number(line.quantity);
  }
  return qty;
}

/** Delivered: done moves to the customer, less returns marked to refund (recorded: a return lowers it). */
export function qtyDelivered(env: Env, saleLineId: number): number {
  let qty = 0;
  for (const move of env.db.findBy('stock.move', 'sale_line_id', saleLineId)) {
    if (move.state !== 'done') continue;
    if (move.location_dest_id === LOCATION.customers) qty += Number(move.quantity);
    else if (move.location_id === LOCATION.customers && move.to_refund === true) qty -= Number(move.quantity);
  }
  return qty;
}

export function qtyToInvoice(env: Env, line: Rec): number {
  const order = env.db.get('sale.order', Number(line.order_id));
  if (order?.state !== 'sale') return 0;
  const product = env.db.get('product.product', Number(line.product_id));
  const basis =
    product?.invoice_policy === 'delivery' ? qtyDelivered(env, line.id) : Number(line.product_uom_qty);
  return floatRound(basis - qtyInvoiced(env, line.id), 3);
}

/** A line: to invoice, invoiced (all ordered units are), or nothing; the order sums them up the same way. */
export function lineInvoiceStatus(env: Env, line: Rec): string {
  if (Math.abs(qtyToInvoice(env, line)) > 0.0001) return 'to invoice';
  return qtyInvoiced(env, line.id) >= Number(line.product_uom_qty) ? 'invoiced' : 'no';
}

export function orderInvoiceStatus(env: Env, order: Rec): string {
  if (order.state !== 'sale') return 'no';
  const states = linesOf(env, order.id).map((line) => lineInvoiceStatus(env, line));
  if (states.includes('to invoice')) return 'to invoice';
  return states.length > 0 && states.every((s) => s === 'invoiced') ? 'invoiced' : 'no';
}

export function invoicesOfOrder(env: Env, order: Rec): number[] {
  const lineIds = new Set(linesOf(env, order.id).map((l) => l.id));
  const ids = new Set<number>();
  for (const line of env.db.all('account.move.line')) {
    if (((line.sale_line_ids as number[] | undefined) ?? []).some((id) => lineIds.has(id))) {
      ids.add(Number(line.move_id));
    }
  }
  return [...ids].filter((id) => env.db.get('account.move', id)?.state !== 'cancel').sort((a, b) => b - a);
}

const NOTHING_TO_INVOICE =
  'Cannot create an invoice. No items are available to invoice.\n\n' +
  'To resolve this issue, please ensure that:\n' +
  '   \u2022 The products have been delivered before attempting to invoice them.\n' +
  '   \u2022 The invoicing policy of the product is configured correctly.\n\n' +
  'If you want to invoice based on ordered quantities instead:\n' +
  "   \u2022 For consumable or storable products, open the product, go to the 'General Information' tab and change the 'Invoicing Policy' from 'Delivered Quantities' to 'Ordered Quantities'.\n" +
  "   \u2022 For services (and other products), change the 'Invoicing Policy' to 'Prepaid/Fixed Price'.\n";

/**
 * sale.advance.payment.inv "delivered": one draft per order of what is to invoice; an order whose balance is
 * negative (returned after invoicing) gets a credit note instead (recorded, section 6b).
 */
export function invoiceOrders(env: Env, orderIds: readonly number[]): number[] {
  const made: number[] = [];
  for (const orderId of orderIds) {
    const order = env.db.get('sale.order', orderId);
    if (!order) continue;
    const lines = linesOf(env, order.id)
      .map((line) => ({ line, qty: qtyToInvoice(env, line) }))
      .filter(({ qty }) => Math.abs(qty) > 0.0001);
    if (lines.length === 0) continue;
    const taxField = env.version >= 19 ? 'tax_ids' : 'tax_id';
    const signed = lines.reduce((sum, { line, qty }) => sum + qty * Number(line.price_unit), 0);
    const refund = signed < 0;
    const [id] = createRecords(env, 'account.move', [
      {
        move_type: refund ? 'out_refund' : 'out_invoice',
        partner_id: order.partner_invoice_id,
        partner_shipping_id: order.partner_shipping_id,
        currency_id: currencyOf(env, order),
        invoice_origin: order.name,
        ref: order.client_order_ref ?? false,
        fiscal_position_id: order.fiscal_position_id ?? false,
        invoice_line_ids: lines.map(({ line, qty }) => [
          0,
          0,
          {
            product_id: line.product_id,
            name: line.name,
            quantity: refund ? -qty : qty,
            price_unit: line.price_unit,
            discount: line.discount ?? 0,
            tax_ids: [[6, 0, (line[taxField] as number[] | undefined) ?? []]],
            sale_line_ids: [[6, 0, [line.id]]],
          },
        ]),
      },
    ]);
    if (id !== undefined) made.push(id);
  }
  if (made.length === 0) throw userError(NOTHING_TO_INVOICE);
  return made;
}

function currencyOf(env: Env, order: Rec): number {
  const pricelist = env.db.get('product.pricelist', Number(order.pricelist_id));
  return Number(pricelist?.currency_id ?? env.db.get('res.company', 1)?.currency_id ?? 1);
}

/** account.move.action_post: numbers it per journal and year, dates it, settles a credit note with its invoice. */
export function postMoves(env: Env, ids: readonly number[]): false {
  const moves = ids.map((id) => env.db.get('account.move', id)).filter((m): m is Rec => !!m);
  for (const move of moves) {
    if (move.state === 'posted') throw userError('The entry is already posted.');
    if (moveLinesOf(env, move.id).length === 0) throw userError('You need to add a line before posting.');
  }
  const today = env.now().slice(0, 10);
  for (const move of moves) {
    const refund = move.move_type === 'out_refund';
    const prefix = `${refund ? 'RINV' : 'INV'}/${today.slice(0, 4)}/`;
    const name = `${prefix}${String(env.db.nextNumber(`account.move:${prefix}`)).padStart(5, '0')}`;
    Object.assign(move, {
      name,
      state: 'posted',
      invoice_date: move.invoice_date || today,
      invoice_date_due: move.invoice_date_due || move.invoice_date || today,
      payment_reference: refund ? move.payment_reference : name,
      write_date: env.now(),
    });
    const reversed = refund ? env.db.get('account.move', Number(move.reversed_entry_id)) : undefined;
    if (reversed?.state === 'posted') {
      // Posting a reversal reconciles it with its invoice (recorded: invoice "partial", credit note "paid").
      const amount = Math.min(moveTotals(env, move).total, residual(env, reversed));
      Object.assign(reversed, { _settled: Number(reversed._settled ?? 0) + amount, write_date: env.now() });
      move._settled = amount;
    }
  }
  return false;
}

/** account.move.reversal.refund_moves: a draft credit note per move, the full amount, linked and explained. */
export function reverseMoves(
  env: Env,
  moveIds: readonly number[],
  options: { reason: string | false; journalId: number; date: string | false },
): number[] {
  return moveIds.map((id) => {
    const move = env.db.get('account.move', id);
    if (!move) return 0;
    if (move.state !== 'posted') throw userError('You can only reverse posted moves.');
    const reason = options.reason ? `, ${options.reason}` : '';
    const [refund] = createRecords(env, 'account.move', [
      {
        move_type: move.move_type === 'out_refund' ? 'out_invoice' : 'out_refund',
        partner_id: move.partner_id,
        partner_shipping_id: move.partner_shipping_id ?? false,
        currency_id: move.currency_id,
        journal_id: options.journalId,
        invoice_origin: move.invoice_origin,
        ref: `Reversal of: ${String(move.name)}${reason}`,
        reversed_entry_id: move.id,
        invoice_date: options.date || env.now().slice(0, 10),
        fiscal_position_id: move.fiscal_position_id ?? false,
        invoice_line_ids: moveLinesOf(env, move.id).map((line) => [
          0,
          0,
          {
            product_id: line.product_id,
            name: line.name,
            quantity: line.quantity,
            price_unit: line.price_unit,
            discount: line.discount ?? 0,
            account_id: line.account_id,
            tax_ids: [[6, 0, (line.tax_ids as number[] | undefined) ?? []]],
            sale_line_ids: [[6, 0, (line.sale_line_ids as number[] | undefined) ?? []]],
          },
        ]),
      },
    ]);
    return refund ?? 0;
  });
}

/** The window action Odoo's invoice and reversal wizards answer for one record. */
export function moveAction(env: Env, id: number, origin: 'invoice' | 'reversal', order?: Rec) {
  if (origin === 'reversal') {
    return {
      name: 'Reverse Moves',
      type: 'ir.actions.act_window',
      res_model: 'account.move',
      view_mode: 'form',
      res_id: id,
      context: { default_move_type: 'out_refund' },
    };
  }
  return {
    id: 254,
    name: 'Invoices',
    type: 'ir.actions.act_window',
    xml_id: 'account.action_move_out_invoice_type',
    display_name: 'Invoices',
    domain: "[('move_type', '=', 'out_invoice')]",
    context: {
      default_move_type: 'out_invoice',
      default_partner_id: order?.partner_id ?? false,
      default_partner_shipping_id: order?.partner_shipping_id ?? false,
      default_invoice_payment_term_id: null,
      default_invoice_origin: order?.name ?? false,
    },
    res_id: id,
    res_model: 'account.move',
    target: 'current',
    view_mode: env.version >= 18 ? 'list,kanban,form,activity' : 'tree,kanban,form,activity',
  };
}
