import { buttonValidate, cancelPicking, movesOf, pickingState, setMoveQuantity } from '../logic/picking.ts';
import { reserveMove } from '../logic/stock.ts';
import {
  baseFields,
  boolean,
  char,
  computed,
  datetime,
  float,
  m2o,
  o2m,
  selection,
  type Env,
  type MethodDef,
  type ModelDef,
} from './types.ts';

const PICKING_STATES: [string, string][] = [
  ['draft', 'Draft'],
  ['waiting', 'Waiting Another Operation'],
  ['confirmed', 'Waiting'],
  ['assigned', 'Ready'],
  ['done', 'Done'],
  ['cancel', 'Cancelled'],
];
const MOVE_STATES: [string, string][] = [
  ['draft', 'New'],
  ['waiting', 'Waiting Another Move'],
  ['confirmed', 'Waiting Availability'],
  ['partially_available', 'Partially Available'],
  ['assigned', 'Available'],
  ['done', 'Done'],
  ['cancel', 'Cancelled'],
];

const recordMethod = (run: (env: Env, ids: number[]) => unknown): MethodDef => ({
  params: [],
  run: (env, ids) => run(env, ids),
});

export const stockPicking: ModelDef = {
  name: 'stock.picking',
  description: 'Transfer',
  order: 'priority desc, scheduled_date asc, id desc',
  fields: {
    ...baseFields(),
    name: char('Reference'),
    origin: char('Source Document'),
    state: computed(selection('Status', PICKING_STATES, { store: true }), (rec, env) =>
      pickingState(env, rec),
    ),
    priority: selection(
      'Priority',
      [
        ['0', 'Normal'],
        ['1', 'Urgent'],
      ],
      { default: () => '0' },
    ),
    partner_id: m2o('res.partner', 'Contact'),
    sale_id: m2o('sale.order', 'Sales Order', { index: true }),
    picking_type_id: m2o('stock.picking.type', 'Operation Type', { required: true }),
    picking_type_code: computed(
      selection('Type of Operation', [
        ['incoming', 'Receipt'],
        ['outgoing', 'Delivery'],
        ['internal', 'Internal Transfer'],
      ]),
      (rec, env) => env.db.get('stock.picking.type', Number(rec.picking_type_id))?.code ?? false,
    ),
    location_id: m2o('stock.location', 'Source Location'),
    location_dest_id: m2o('stock.location', 'Destination Location'),
    move_ids: o2m('stock.move', 'picking_id', 'Stock Moves'),
    move_line_ids: o2m('stock.move.line', 'picking_id', 'Operations'),
    carrier_id: m2o('delivery.carrier', 'Carrier'),
    carrier_tracking_ref: char('Tracking Reference'),
    scheduled_date: datetime('Scheduled Date'),
    date_done: datetime('Date of Transfer'),
    backorder_id: m2o('stock.picking', 'Back Order of', { index: true }),
    backorder_ids: o2m('stock.picking', 'backorder_id', 'Back Orders'),
    return_id: m2o('stock.picking', 'Return of', { index: true }),
  },
  methods: {
    button_validate: recordMethod(buttonValidate),
    action_assign: recordMethod((env, ids) => {
      // In id order across the pickings, as a scan of all moves reserved them: who comes first gets the stock.
      const moves = env.db.byIds(
        'stock.move',
        [...new Set(ids)].flatMap((id) => movesOf(env, id).map((m) => m.id)),
      );
      for (const move of moves) {
        if (['confirmed', 'partially_available'].includes(String(move.state))) reserveMove(env, move);
      }
      return true;
    }),
    action_cancel: recordMethod((env, ids) => {
      for (const id of ids) {
        const picking = env.db.get('stock.picking', id);
        if (picking) cancelPicking(env, picking);
      }
      return true;
    }),
  },
};

export const stockMove: ModelDef = {
  name: 'stock.move',
  description: 'Stock Move',
  order: 'sequence, id',
  // Odoo 17: "<picking origin>/<product code>: <from>><to>", e.g. "S00025/SKU-1: Stock>Customers" (recorded).
  displayName: (rec, env) => {
    const origin = env.db.get('stock.picking', Number(rec.picking_id))?.origin;
    const code = env.db.get('product.product', Number(rec.product_id))?.default_code;
    const place = (id: unknown) => env.db.get('stock.location', Number(id))?.name;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return `${origin ? `${text(origin)}/` : ''}${code ? `${text(code)}: ` : ''}${text(place(rec.location_id))}>${text(place(rec.location_dest_id))}`;
  },
  fields: {
    ...baseFields(),
    name: char('Description'),
    reference: char('Reference'),
    origin: char('Source Document'),
    sequence: float('Sequence', { default: () => 10 }),
    product_id: m2o('product.product', 'Product', { required: true, index: true }),
    product_uom_qty: float('Demand'),
    quantity: float('Quantity'),
    picked: boolean('Picked'),
    state: selection('Status', MOVE_STATES, { default: () => 'draft' }),
    picking_id: m2o('stock.picking', 'Transfer', { index: true }),
    location_id: m2o('stock.location', 'Source Location'),
    location_dest_id: m2o('stock.location', 'Destination Location'),
    sale_line_id: m2o('sale.order.line', 'Sale Line', { index: true }),
    origin_returned_move_id: m2o('stock.move', 'Origin return move'),
    to_refund: boolean('Update quantities on SO/PO'),
    move_line_ids: o2m('stock.move.line', 'move_id', 'Move Lines'),
    date: datetime('Date Scheduled'),
  },
  afterWrite: (env, recs, vals) => {
    if (typeof vals.quantity === 'number') for (const move of recs) setMoveQuantity(env, move, vals.quantity);
  },
};

export const stockMoveLine: ModelDef = {
  name: 'stock.move.line',
  description: 'Product Moves (Stock Move Line)',
  order: 'id',
  fields: {
    ...baseFields(),
    move_id: m2o('stock.move', 'Stock Operation', { index: true }),
    picking_id: m2o('stock.picking', 'Transfer', { index: true }),
    product_id: m2o('product.product', 'Product'),
    quantity: float('Quantity'),
    picked: boolean('Picked'),
    state: selection('Status', MOVE_STATES),
    location_id: m2o('stock.location', 'From'),
    location_dest_id: m2o('stock.location', 'To'),
    reference: char('Reference'),
    date: datetime('Date'),
  },
};
