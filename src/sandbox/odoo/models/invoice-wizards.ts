import { userError } from '../errors.ts';
import { invoiceOrders, moveAction, residual, reverseMoves } from '../logic/invoice.ts';
import { storeInvoicePdf } from '../logic/invoice-pdf.ts';
import {
  baseFields,
  boolean,
  char,
  computed,
  date,
  float,
  integer,
  json,
  m2m,
  m2o,
  selection,
  type Env,
  type MethodDef,
  type ModelDef,
  type Rec,
} from './types.ts';

/** The records a wizard was opened on: `active_ids` of the context when `active_model` is that model. */
const activeIds = (env: Env, model: string | null): number[] => {
  if (model !== null && env.context.active_model !== model) return [];
  const ids = env.context.active_ids;
  return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : [];
};

const wizardOf = (env: Env, ids: number[]): Rec | undefined =>
  env.db.get(String(env.context.__model), ids[0] ?? 0);

const button = (run: (env: Env, wizard: Rec) => unknown): MethodDef => ({
  params: [],
  run: (env, ids) => {
    const wizard = wizardOf(env, ids);
    if (!wizard || ids.length !== 1)
      throw userError(`Expected singleton: ${String(env.context.__model)}(${ids.join(', ')})`);
    return run(env, wizard);
  },
});

/** "Create Invoice" on sale orders; only "delivered" (regular invoice) is imitated. */
export const saleAdvancePaymentInv: ModelDef = {
  name: 'sale.advance.payment.inv',
  description: 'Sales Advance Payment Invoice',
  order: 'id',
  fields: {
    ...baseFields(),
    advance_payment_method: selection(
      'Create Invoice',
      [
        ['delivered', 'Regular invoice'],
        ['percentage', 'Down payment (percentage)'],
        ['fixed', 'Down payment (fixed amount)'],
      ],
      { default: () => 'delivered' },
    ),
    sale_order_ids: m2m('sale.order', 'Sales Orders', { default: (env) => activeIds(env, 'sale.order') }),
    count: computed(
      integer('Order Count'),
      (rec) => ((rec.sale_order_ids as number[] | undefined) ?? []).length,
    ),
    deduct_down_payments: boolean('Deduct down payments', { default: () => true }),
    consolidated_billing: boolean('Consolidated Billing', { default: () => true }),
  },
  methods: {
    create_invoices: button((env, wizard) => {
      if (wizard.advance_payment_method !== 'delivered') {
        throw userError('The sandbox invoices delivered quantities only ("Regular invoice").');
      }
      const orders = (wizard.sale_order_ids as number[] | undefined) ?? [];
      const made = invoiceOrders(env, orders);
      return moveAction(env, made[0] ?? 0, 'invoice', env.db.get('sale.order', orders[0] ?? 0));
    }),
  },
};

/** "Send & Print": the PDF, stored on the invoice; e-mail is not imitated (the hub switches it off). */
function sendAndPrint(env: Env, moveIds: number[]) {
  const moves = moveIds.map((id) => env.db.get('account.move', id)).filter((m): m is Rec => !!m);
  if (moves.some((m) => m.state !== 'posted')) throw userError('You can only send posted documents.');
  const attachments = moves.map((move) => storeInvoicePdf(env, move));
  for (const move of moves) Object.assign(move, { is_move_sent: true, write_date: env.now() });
  return {
    type: 'ir.actions.act_url',
    url: `/web/content/${attachments[0] ?? 0}?download=true`,
    close: true,
  };
}

export const accountMoveSend: ModelDef = {
  name: 'account.move.send',
  description: 'Account Move Send',
  order: 'id',
  fields: {
    ...baseFields(),
    move_ids: m2m('account.move', 'Move', { default: (env) => activeIds(env, null) }),
    mode: computed(char('Mode'), (rec) =>
      ((rec.move_ids as number[] | undefined) ?? []).length > 1 ? 'invoice_multi' : 'invoice_single',
    ),
    checkbox_download: boolean('Download', { default: () => true }),
    checkbox_send_mail: boolean('Email', { default: () => true }),
    enable_download: computed(boolean('Enable Download'), () => true),
  },
  methods: {
    action_send_and_print: button((env, wizard) => sendAndPrint(env, (wizard.move_ids as number[]) ?? [])),
  },
};

/** 18+: one invoice per wizard, how it goes out in `sending_methods` ("manual" = download). */
export const accountMoveSendWizard: ModelDef = {
  name: 'account.move.send.wizard',
  description: 'Account Move Send Wizard',
  order: 'id',
  fields: {
    ...baseFields(),
    move_id: m2o('account.move', 'Move', { required: true }),
    sending_methods: json('Sending Methods', { default: () => ['email'] }),
  },
  methods: {
    action_send_and_print: button((env, wizard) => {
      const result = sendAndPrint(env, [Number(wizard.move_id)]);
      const methods = Array.isArray(wizard.sending_methods) ? (wizard.sending_methods as unknown[]) : [];
      return methods.includes('manual') ? result : { type: 'ir.actions.act_window_close' };
    }),
  },
};

/**
 * The "Credit Note" wizard. `journal_id` has no default: the web client fills it by onchange, and over RPC a
 * create without it fails on the mandatory field (recorded).
 */
export const accountMoveReversal: ModelDef = {
  name: 'account.move.reversal',
  description: 'Account Move Reversal',
  order: 'id',
  fields: {
    ...baseFields(),
    move_ids: m2m('account.move', 'Move', { default: (env) => activeIds(env, 'account.move') }),
    new_move_ids: m2m('account.move', 'New Move'),
    date: date('Reversal date', { default: (env) => env.now().slice(0, 10) }),
    reason: char('Reason displayed on Credit Note'),
    journal_id: m2o('account.journal', 'Journal', { required: true }),
    company_id: m2o('res.company', 'Company', { required: true, default: () => 1 }),
    move_type: computed(char('Move Type'), (rec, env) => {
      const first = env.db.get('account.move', ((rec.move_ids as number[] | undefined) ?? [])[0] ?? 0);
      return first?.move_type ?? false;
    }),
    residual: computed(float('Residual'), (rec, env) =>
      ((rec.move_ids as number[] | undefined) ?? []).reduce((sum, id) => {
        const move = env.db.get('account.move', id);
        return sum + (move ? residual(env, move) : 0);
      }, 0),
    ),
    currency_id: computed(m2o('res.currency', 'Currency'), (rec, env) => {
      const first = env.db.get('account.move', ((rec.move_ids as number[] | undefined) ?? [])[0] ?? 0);
      return first?.currency_id ?? false;
    }),
  },
  methods: {
    refund_moves: button((env, wizard) => reversal(env, wizard)),
    reverse_moves: {
      params: ['is_modify'],
      run: (env, ids, p) => {
        if (p.is_modify)
          throw userError('The sandbox reverses only (refund_moves); "modify" is not imitated.');
        const wizard = wizardOf(env, ids);
        if (!wizard) throw userError('Expected singleton: account.move.reversal()');
        return reversal(env, wizard);
      },
    },
  },
};

function reversal(env: Env, wizard: Rec) {
  const made = reverseMoves(env, (wizard.move_ids as number[] | undefined) ?? [], {
    reason: typeof wizard.reason === 'string' ? wizard.reason : false,
    journalId: Number(wizard.journal_id),
    date: typeof wizard.date === 'string' ? wizard.date : false,
  });
  wizard.new_move_ids = made;
  return moveAction(env, made[0] ?? 0, 'reversal');
}
