import {
  DEFAULT_INCOME_ACCOUNT,
  isCustomerDocument,
  moveLineAmounts,
  moveTotals,
  paymentState,
  postMoves,
  residual,
  SALES_JOURNAL,
} from '../logic/invoice.ts';
import { floatRound } from '../orm/write.ts';
import {
  baseFields,
  binary,
  boolean,
  char,
  computed,
  date,
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

export const accountJournal: ModelDef = {
  name: 'account.journal',
  description: 'Journal',
  order: 'sequence, type, code',
  fields: {
    ...baseFields(),
    name: char('Journal Name', { required: true }),
    code: char('Short Code'),
    type: selection('Type', [
      ['sale', 'Sales'],
      ['purchase', 'Purchase'],
      ['cash', 'Cash'],
      ['bank', 'Bank'],
      ['general', 'Miscellaneous'],
    ]),
    default_account_id: m2o('account.account', 'Default Account'),
    active: boolean('Active', { default: () => true }),
  },
};

export const accountAccount: ModelDef = {
  name: 'account.account',
  description: 'Account',
  order: 'code, id',
  displayName: (rec) => `${String(rec.code)} ${String(rec.name)}`,
  fields: {
    ...baseFields(),
    name: char('Account Name', { required: true }),
    code: char('Code'),
    account_type: char('Type'),
  },
};

const total = (pick: (t: ReturnType<typeof moveTotals>) => number) =>
  computed(float('Total'), (rec, env) => pick(moveTotals(env, rec)));

/**
 * Customer invoices and credit notes as the recording shows them: "/" as the name of a draft (false on 19),
 * INV/2026/00004 or RINV/2026/00003 once posted, totals from the product lines, the PDF as a field attachment.
 */
export function accountMove(version: SandboxVersion): ModelDef {
  return {
    name: 'account.move',
    description: 'Journal Entry',
    order: 'date desc, name desc, invoice_date desc, id desc',
    // Recorded: a posted invoice reads "INV/2026/00004 (MP-MNY26KBP-INV)" with its customer reference.
    displayName: (rec) => {
      const name = typeof rec.name === 'string' && rec.name ? rec.name : 'Draft';
      const ref = typeof rec.ref === 'string' && rec.ref && isCustomerDocument(rec) ? ` (${rec.ref})` : '';
      return `${name}${ref}`;
    },
    fields: {
      ...baseFields(),
      name: char('Number', { default: () => (version >= 19 ? false : '/') }),
      move_type: selection(
        'Type',
        [
          ['entry', 'Journal Entry'],
          ['out_invoice', 'Customer Invoice'],
          ['out_refund', 'Customer Credit Note'],
          ['in_invoice', 'Vendor Bill'],
          ['in_refund', 'Vendor Credit Note'],
        ],
        { default: () => 'entry' },
      ),
      state: selection(
        'Status',
        [
          ['draft', 'Draft'],
          ['posted', 'Posted'],
          ['cancel', 'Cancelled'],
        ],
        { default: () => 'draft' },
      ),
      date: date('Date', { default: (env) => env.now().slice(0, 10) }),
      journal_id: m2o('account.journal', 'Journal', { default: () => SALES_JOURNAL }),
      partner_id: m2o('res.partner', 'Partner'),
      partner_shipping_id: m2o('res.partner', 'Delivery Address'),
      currency_id: m2o('res.currency', 'Currency', {
        default: (env) => env.db.get('res.company', 1)?.currency_id ?? 1,
      }),
      fiscal_position_id: m2o('account.fiscal.position', 'Fiscal Position'),
      invoice_origin: char('Origin'),
      ref: char('Reference'),
      payment_reference: char('Payment Reference'),
      invoice_date: date('Invoice/Bill Date'),
      invoice_date_due: date('Due Date', { default: (env) => env.now().slice(0, 10) }),
      invoice_line_ids: o2m('account.move.line', 'move_id', 'Invoice lines'),
      line_ids: o2m('account.move.line', 'move_id', 'Journal Items'),
      amount_untaxed: total((t) => t.untaxed),
      amount_tax: total((t) => t.tax),
      amount_total: total((t) => t.total),
      amount_total_signed: computed(float('Total Signed'), (rec, env) => {
        const sum = moveTotals(env, rec).total;
        return rec.move_type === 'out_refund' ? -sum : sum;
      }),
      amount_residual: computed(float('Amount Due'), (rec, env) =>
        rec.state === 'posted' ? residual(env, rec) : moveTotals(env, rec).total,
      ),
      payment_state: computed(
        selection('Payment Status', [
          ['not_paid', 'Not Paid'],
          ['in_payment', 'In Payment'],
          ['paid', 'Paid'],
          ['partial', 'Partially Paid'],
          ['reversed', 'Reversed'],
        ]),
        (rec, env) => paymentState(env, rec),
      ),
      reversed_entry_id: m2o('account.move', 'Reversal of', { index: true }),
      reversal_move_id: o2m('account.move', 'reversed_entry_id', 'Reversal Move'),
      invoice_pdf_report_id: m2o('ir.attachment', 'PDF Attachment'),
      invoice_pdf_report_file: computed(binary('PDF File'), (rec, env) => {
        const attachment = env.db.get('ir.attachment', Number(rec.invoice_pdf_report_id));
        return attachment?.datas ?? false;
      }),
      message_main_attachment_id: m2o('ir.attachment', 'Main Attachment'),
      is_move_sent: boolean('Is Move Sent'),
    },
    methods: {
      action_post: { params: [], run: (env, ids) => postMoves(env, ids) },
      action_invoice_sent: { params: [], run: (env, ids) => sendAction(env, ids) },
    },
  };
}

/** The "Send" wizard action: `account.move.send` on 17, `account.move.send.wizard` from 18 (real 19.0). */
function sendAction(env: Env, ids: number[]) {
  if (env.version >= 18) {
    return {
      name: 'Send',
      type: 'ir.actions.act_window',
      view_mode: 'form',
      res_model: 'account.move.send.wizard',
      target: 'new',
      context: { active_model: 'account.move', active_ids: ids, allow_partners_without_mail: true },
    };
  }
  return {
    name: 'Send',
    type: 'ir.actions.act_window',
    view_type: 'form',
    view_mode: 'form',
    res_model: 'account.move.send',
    target: 'new',
    context: { active_ids: ids, default_mail_template_id: 7 },
  };
}

const lineAmount = (pick: (a: { untaxed: number; tax: number }) => number) =>
  computed(float('Amount'), (rec: Rec, env: Env) => floatRound(pick(moveLineAmounts(env, rec)), 2));

export const accountMoveLine: ModelDef = {
  name: 'account.move.line',
  description: 'Journal Item',
  order: 'date desc, move_name desc, id',
  fields: {
    ...baseFields(),
    move_id: m2o('account.move', 'Journal Entry', { required: true, index: true }),
    move_name: computed(char('Number'), (rec, env) => env.db.get('account.move', Number(rec.move_id))?.name),
    date: computed(date('Date'), (rec, env) => env.db.get('account.move', Number(rec.move_id))?.date),
    sequence: integer('Sequence', { default: () => 10 }),
    display_type: selection(
      'Display Type',
      [
        ['product', 'Product'],
        ['line_section', 'Section'],
        ['line_note', 'Note'],
      ],
      { default: () => 'product' },
    ),
    product_id: m2o('product.product', 'Product'),
    name: text('Label'),
    quantity: float('Quantity', { default: () => 1 }),
    price_unit: float('Unit Price', { digits: 2 }),
    discount: float('Discount (%)'),
    tax_ids: m2m('account.tax', 'Taxes'),
    account_id: m2o('account.account', 'Account', { default: () => DEFAULT_INCOME_ACCOUNT }),
    sale_line_ids: m2m('sale.order.line', 'Sales Order Lines'),
    price_subtotal: lineAmount((a) => a.untaxed),
    price_total: lineAmount((a) => a.untaxed + a.tax),
  },
};

/** Only what invoice PDFs need: a binary kept in `datas` (base64), tied to a record and maybe to one of its fields. */
export const irAttachment: ModelDef = {
  name: 'ir.attachment',
  description: 'Attachment',
  order: 'id desc',
  // Recorded: an invoice's PDF is found only when the domain names `res_field` (or `id`).
  hiddenFromSearch: { unless: ['res_field', 'id'], hidden: (rec) => Boolean(rec.res_field) },
  fields: {
    ...baseFields(),
    name: char('Name', { required: true }),
    type: selection(
      'Type',
      [
        ['url', 'URL'],
        ['binary', 'File'],
      ],
      { default: () => 'binary' },
    ),
    mimetype: char('Mime Type'),
    file_size: integer('File Size'),
    res_model: char('Resource Model'),
    res_id: integer('Resource ID'),
    res_field: char('Resource Field'),
    checksum: char('Checksum/SHA1'),
    datas: binary('File Content (base64)'),
  },
};
