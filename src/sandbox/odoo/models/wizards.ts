import { buttonValidate } from '../logic/picking.ts';
import { baseFields, boolean, m2m, type MethodDef, type ModelDef } from './types.ts';

/** The wizards `button_validate` returns; confirming one validates the pickings named in its context. */
const recordMethod = (run: MethodDef['run']): MethodDef => ({ params: [], run });

const validateFrom = (extra: Record<string, unknown>, clearSms = false): MethodDef =>
  recordMethod((env, ids) => {
    if (clearSms) env.db.smsWarningPending = false;
    const wizard = env.db.get(String(env.context.__model), ids[0] ?? 0);
    const fromContext = env.context.button_validate_picking_ids as number[] | undefined;
    const pickings = fromContext ?? (wizard?.pick_ids as number[] | undefined) ?? [];
    const context = { ...extra };
    if (extra.picking_ids_not_to_backorder) context.picking_ids_not_to_backorder = pickings;
    return buttonValidate(env.withContext(context), pickings);
  });

export const confirmStockSms: ModelDef = {
  name: 'confirm.stock.sms',
  description: 'Confirm Stock SMS',
  order: 'id',
  fields: { ...baseFields(), pick_ids: m2m('stock.picking', 'Pick') },
  methods: {
    dont_send_sms: validateFrom({ skip_sms: true }, true),
    send_sms: validateFrom({ skip_sms: true }, true),
  },
};

export const stockBackorderConfirmation: ModelDef = {
  name: 'stock.backorder.confirmation',
  description: 'Backorder Confirmation',
  order: 'id',
  fields: {
    ...baseFields(),
    pick_ids: m2m('stock.picking', 'Pick'),
    show_transfers: boolean('Show Transfers'),
  },
  methods: {
    process: validateFrom({ skip_backorder: true }),
    process_cancel_backorder: validateFrom({ skip_backorder: true, picking_ids_not_to_backorder: true }),
  },
};
