import { userError } from '../errors.ts';
import { createReturn, returnAction, returnLines } from '../logic/returns.ts';
import {
  baseFields,
  boolean,
  float,
  m2o,
  o2m,
  type Env,
  type MethodDef,
  type ModelDef,
  type SandboxVersion,
} from './types.ts';

const button = (env: Env, ids: number[]) => {
  const wizard = env.db.get('stock.return.picking', ids[0] ?? 0);
  if (!wizard || ids.length !== 1)
    throw userError(`Expected singleton: stock.return.picking(${ids.join(', ')})`);
  const lines = env.db.findBy('stock.return.picking.line', 'wizard_id', wizard.id);
  return returnAction(env, createReturn(env, wizard, lines));
};

/**
 * The "Return" wizard on a done delivery, opened with `active_id`: its lines come from the done moves.
 * Its button is `create_returns` on 17 and `action_create_returns` from 18 (real 19.0).
 */
export function stockReturnPicking(version: SandboxVersion): ModelDef {
  const create: MethodDef = { params: [], run: button };
  return {
    name: 'stock.return.picking',
    description: 'Return Picking',
    order: 'id',
    fields: {
      ...baseFields(),
      picking_id: m2o('stock.picking', 'Picking', {
        default: (env) =>
          env.context.active_model === 'stock.picking' && typeof env.context.active_id === 'number'
            ? env.context.active_id
            : false,
      }),
      product_return_moves: o2m('stock.return.picking.line', 'wizard_id', 'Moves'),
      ...(version < 18
        ? {
            location_id: m2o('stock.location', 'Return Location', { default: () => 8 }),
            original_location_id: m2o('stock.location', 'Original Location', { default: () => 8 }),
            move_dest_exists: boolean('Chained Move Exists'),
          }
        : {}),
    },
    afterCreate: (env, rec, vals) => {
      const picking = env.db.get('stock.picking', Number(rec.picking_id));
      if (!picking || 'product_return_moves' in vals) return;
      for (const line of returnLines(env, picking)) {
        env.db.insert('stock.return.picking.line', {
          ...line,
          wizard_id: rec.id,
          create_date: env.now(),
          write_date: env.now(),
        });
      }
    },
    methods: version >= 18 ? { action_create_returns: create } : { create_returns: create },
  };
}

export const stockReturnPickingLine: ModelDef = {
  name: 'stock.return.picking.line',
  description: 'Return Picking Line',
  order: 'id',
  fields: {
    ...baseFields(),
    product_id: m2o('product.product', 'Product', { required: true }),
    quantity: float('Quantity'),
    move_quantity: float('Move Quantity'),
    wizard_id: m2o('stock.return.picking', 'Wizard', { index: true }),
    move_id: m2o('stock.move', 'Move'),
    to_refund: boolean('Update quantities on SO/PO', { default: () => true }),
  },
};
