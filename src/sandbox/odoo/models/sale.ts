import { cancelOrders, confirmOrders, deliveryStatus, lineAmounts, linesOf } from '../logic/sale.ts';
import { mapTaxes, pickFiscalPosition } from '../logic/fiscal-position.ts';
import {
  invoicesOfOrder,
  lineInvoiceStatus,
  orderInvoiceStatus,
  qtyDelivered,
  qtyInvoiced,
  qtyToInvoice,
} from '../logic/invoice.ts';
import { floatRound } from '../orm/write.ts';
import { productLabel } from './product.ts';
import {
  baseFields,
  char,
  computed,
  datetime,
  float,
  integer,
  m2m,
  m2o,
  o2m,
  selection,
  text,
  type Env,
  type ModelDef,
  type Rec,
  type SandboxVersion,
} from './types.ts';

/** sale.order.line's taxes: `tax_id` up to 18, `tax_ids` from 19. */
export const taxField = (version: SandboxVersion): string => (version >= 19 ? 'tax_ids' : 'tax_id');

const total = (env: Env, order: Rec, pick: (a: { untaxed: number; tax: number }) => number): number =>
  floatRound(
    linesOf(env, order.id).reduce(
      (sum, line) => sum + pick(lineAmounts(env, line, taxField(env.version))),
      0,
    ),
    2,
  );

export const saleOrder: ModelDef = {
  name: 'sale.order',
  description: 'Sales Order',
  order: 'date_order desc, id desc',
  fields: {
    ...baseFields(),
    name: char('Order Reference', {
      default: (env) => `S${String(env.db.nextNumber('sale.order')).padStart(5, '0')}`,
    }),
    partner_id: m2o('res.partner', 'Customer', { required: true }),
    partner_invoice_id: m2o('res.partner', 'Invoice Address', { default: (_e, v) => v.partner_id ?? false }),
    partner_shipping_id: m2o('res.partner', 'Delivery Address', {
      default: (_e, v) => v.partner_id ?? false,
    }),
    client_order_ref: char('Customer Reference', { index: true }),
    origin: char('Source Document'),
    note: text('Terms and conditions'),
    state: selection(
      'Status',
      [
        ['draft', 'Quotation'],
        ['sent', 'Quotation Sent'],
        ['sale', 'Sales Order'],
        ['cancel', 'Cancelled'],
      ],
      { default: () => 'draft' },
    ),
    date_order: datetime('Order Date', { default: (env) => env.now() }),
    order_line: o2m('sale.order.line', 'order_id', 'Order Lines'),
    picking_ids: o2m('stock.picking', 'sale_id', 'Transfers'),
    carrier_id: m2o('delivery.carrier', 'Delivery Method'),
    pricelist_id: m2o('product.pricelist', 'Pricelist'),
    // The order's currency is its pricelist's, else the company's (recorded: a CZK pricelist → CZK order).
    currency_id: computed(m2o('res.currency', 'Currency'), (rec, env) => {
      const pricelist = env.db.get('product.pricelist', Number(rec.pricelist_id));
      return pricelist?.currency_id ?? env.db.get('res.company', 1)?.currency_id ?? false;
    }),
    fiscal_position_id: m2o('account.fiscal.position', 'Fiscal Position', {
      default: (env, v) => pickFiscalPosition(env, v),
    }),
    amount_untaxed: computed(float('Untaxed Amount'), (rec, env) => total(env, rec, (a) => a.untaxed)),
    amount_tax: computed(float('Taxes'), (rec, env) => total(env, rec, (a) => a.tax)),
    amount_total: computed(float('Total'), (rec, env) => total(env, rec, (a) => a.untaxed + a.tax)),
    delivery_status: computed(
      selection('Delivery Status', [
        ['pending', 'Not Delivered'],
        ['started', 'Started'],
        ['partial', 'Partially Delivered'],
        ['full', 'Fully Delivered'],
      ]),
      (rec, env) => deliveryStatus(env, rec),
    ),
    invoice_status: computed(
      selection('Invoice Status', [
        ['upselling', 'Upselling Opportunity'],
        ['invoiced', 'Fully Invoiced'],
        ['to invoice', 'To Invoice'],
        ['no', 'Nothing to Invoice'],
      ]),
      (rec, env) => orderInvoiceStatus(env, rec),
    ),
    invoice_ids: computed(m2m('account.move', 'Invoices'), (rec, env) => invoicesOfOrder(env, rec)),
    invoice_count: computed(integer('Invoice Count'), (rec, env) => invoicesOfOrder(env, rec).length),
  },
  methods: {
    action_confirm: { params: [], run: (env, ids) => confirmOrders(env, ids) },
    action_cancel: { params: [], run: (env, ids) => cancelOrders(env, ids) },
  },
};

export function saleOrderLine(version: SandboxVersion): ModelDef {
  const product = (env: Env, vals: Record<string, unknown>) =>
    env.db.get('product.product', Number(vals.product_id));
  return {
    name: 'sale.order.line',
    description: 'Sales Order Line',
    order: 'order_id, sequence, id',
    fields: {
      ...baseFields(),
      order_id: m2o('sale.order', 'Order Reference', { required: true, index: true }),
      sequence: float('Sequence', { default: () => 10 }),
      product_id: m2o('product.product', 'Product'),
      name: text('Description', {
        default: (env, v) => {
          const p = product(env, v);
          return p ? productLabel(p) : false;
        },
      }),
      product_uom_qty: float('Quantity', { default: () => 1 }),
      price_unit: float('Unit Price', { digits: 2, default: (env, v) => product(env, v)?.list_price ?? 0 }),
      discount: float('Discount (%)'),
      [taxField(version)]: m2m('account.tax', 'Taxes', {
        default: (env, v) =>
          mapTaxes(
            env,
            env.db.get('sale.order', Number(v.order_id))?.fiscal_position_id,
            (product(env, v)?.taxes_id as number[] | undefined) ?? [],
          ),
      }),
      price_subtotal: computed(
        float('Subtotal'),
        (rec, env) => lineAmounts(env, rec, taxField(version)).untaxed,
      ),
      price_total: computed(float('Total'), (rec, env) => {
        const a = lineAmounts(env, rec, taxField(version));
        return floatRound(a.untaxed + a.tax, 2);
      }),
      qty_delivered: computed(float('Delivery Quantity'), (rec, env) => qtyDelivered(env, rec.id)),
      qty_invoiced: computed(float('Invoiced Quantity'), (rec, env) => qtyInvoiced(env, rec.id)),
      qty_to_invoice: computed(float('Quantity To Invoice'), (rec, env) => qtyToInvoice(env, rec)),
      invoice_lines: computed(m2m('account.move.line', 'Invoice Lines'), (rec, env) =>
        env.db
          .all('account.move.line')
          .filter((l) => ((l.sale_line_ids as number[] | undefined) ?? []).includes(rec.id))
          .map((l) => l.id),
      ),
      invoice_status: computed(
        selection('Invoice Status', [
          ['upselling', 'Upselling Opportunity'],
          ['invoiced', 'Fully Invoiced'],
          ['to invoice', 'To Invoice'],
          ['no', 'Nothing to Invoice'],
        ]),
        (rec, env) => lineInvoiceStatus(env, rec),
      ),
    },
  };
}

export const saleOrderCancel: ModelDef = {
  name: 'sale.order.cancel',
  description: 'Sales Order Cancel',
  order: 'id',
  fields: { ...baseFields(), order_id: m2o('sale.order', 'Sale Order', { required: true }) },
  methods: {
    action_cancel: {
      params: [],
      run: (env, ids) => {
        const orders = ids.map((id) => Number(env.db.get('sale.order.cancel', id)?.order_id));
        return cancelOrders(env.withContext({ disable_cancel_warning: true }), orders);
      },
    },
  },
};
