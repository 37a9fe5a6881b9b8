import { userError } from '../errors.ts';
import type { Env, Rec } from '../models/types.ts';
import { movesOf, pickingName } from './picking.ts';
import { createMoveLine, LOCATION, PICKING_TYPE_IN } from './stock.ts';

/** Units of a done delivery move not yet taken back by a return (open or done). */
export function returnableQty(env: Env, move: Rec): number {
  const returned = env.db
    .all('stock.move')
    .filter((m) => m.origin_returned_move_id === move.id && m.state !== 'cancel')
    .reduce((sum, m) => sum + Number(m.product_uom_qty), 0);
  return Math.max(0, Number(move.quantity) - returned);
}

/**
 * The return wizard's lines for a done picking, one per done move: 17 starts each at what is still out, 18+
 * at 0 with the delivered quantity beside it (`move_quantity`, real 19.0).
 */
export function returnLines(env: Env, picking: Rec): Record<string, unknown>[] {
  if (picking.state !== 'done') throw userError('You may only return Done pickings.');
  return movesOf(env, picking.id)
    .filter((m) => m.state === 'done')
    .map((move) => ({
      product_id: move.product_id,
      move_id: move.id,
      quantity: env.version >= 18 ? 0 : returnableQty(env, move),
      move_quantity: move.quantity,
      to_refund: true,
    }));
}

/** stock.return.picking's button: an incoming receipt, confirmed and ready, "Return of WH/OUT/…". */
export function createReturn(env: Env, wizard: Rec, lines: readonly Rec[]): number {
  const picking = env.db.get('stock.picking', Number(wizard.picking_id));
  if (!picking) throw userError('You may only return Done pickings.');
  const wanted = lines.filter((l) => Number(l.quantity) > 0);
  if (lines.some((l) => !l.move_id)) {
    throw userError('You have manually created product lines, please delete them to proceed.');
  }
  if (wanted.length === 0) throw userError('Please specify at least one non-zero quantity.');
  const now = env.now();
  const receipt = env.db.insert('stock.picking', {
    name: pickingName(env, PICKING_TYPE_IN),
    origin: `Return of ${String(picking.name)}`,
    partner_id: picking.partner_id ?? false,
    sale_id: picking.sale_id ?? false,
    return_id: picking.id,
    picking_type_id: PICKING_TYPE_IN,
    location_id: LOCATION.customers,
    location_dest_id: Number(wizard.location_id) || picking.location_id,
    carrier_id: false,
    carrier_tracking_ref: false,
    scheduled_date: now,
    date_done: false,
    backorder_id: false,
    priority: '0',
    state: false,
    create_date: now,
    write_date: now,
  });
  for (const line of wanted) {
    const origin = env.db.get('stock.move', Number(line.move_id));
    if (!origin) continue;
    const qty = Number(line.quantity);
    // Incoming from the customer needs no reservation: the quantity is set at once (recorded).
    const move = env.db.insert('stock.move', {
      name: origin.name,
      reference: receipt.name,
      origin: receipt.origin,
      product_id: origin.product_id,
      product_uom_qty: qty,
      quantity: qty,
      picked: false,
      sequence: 10,
      state: 'assigned',
      picking_id: receipt.id,
      location_id: LOCATION.customers,
      location_dest_id: receipt.location_dest_id,
      sale_line_id: origin.sale_line_id ?? false,
      origin_returned_move_id: origin.id,
      to_refund: line.to_refund !== false,
      date: now,
      create_date: now,
      write_date: now,
      _reserved: 0,
    });
    createMoveLine(env, move, qty, 'assigned');
  }
  return receipt.id;
}

/** The receipt's form action, with the caller's context (17 adds its list filters; 19 passes it through). */
export function returnAction(env: Env, receiptId: number) {
  const context = Object.fromEntries(Object.entries(env.context).filter(([key]) => !key.startsWith('__')));
  if (env.version >= 18) {
    return {
      name: 'Returned Picking',
      view_mode: 'form',
      res_model: 'stock.picking',
      res_id: receiptId,
      type: 'ir.actions.act_window',
      context,
    };
  }
  const receipt = env.db.get('stock.picking', receiptId);
  return {
    name: 'Returned Picking',
    view_mode: 'form,tree,calendar',
    res_model: 'stock.picking',
    res_id: receiptId,
    type: 'ir.actions.act_window',
    context: {
      ...context,
      default_partner_id: receipt?.partner_id ?? false,
      search_default_picking_type_id: PICKING_TYPE_IN,
      search_default_draft: false,
      search_default_assigned: false,
      search_default_confirmed: false,
      search_default_ready: false,
      search_default_planning_issues: false,
      search_default_available: false,
    },
  };
}
