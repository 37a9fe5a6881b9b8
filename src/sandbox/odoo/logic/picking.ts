import { userError } from '../errors.ts';
import type { Env, Rec } from '../models/types.ts';
import {
  createMoveLine,
  PICKING_TYPE_IN,
  PICKING_TYPE_OUT,
  reserveMove,
  transfer,
  unreserve,
} from './stock.ts';

/** View ids of the two wizards in the recorded database; clients only pass them back. */
const SMS_VIEW = 1048;
const BACKORDER_VIEW = 843;

export const movesOf = (env: Env, pickingId: number): Rec[] =>
  env.db.findBy('stock.move', 'picking_id', pickingId);
export const moveLinesOf = (env: Env, moveId: number): Rec[] =>
  env.db.findBy('stock.move.line', 'move_id', moveId);

export function pickingState(env: Env, picking: Rec): string {
  if (picking.state === 'done' || picking.state === 'cancel') return String(picking.state);
  const moves = movesOf(env, picking.id).filter((m) => m.state !== 'cancel');
  if (moves.length === 0) return movesOf(env, picking.id).length > 0 ? 'cancel' : 'draft';
  // Odoo's default "as soon as possible" policy: ready when anything is reserved.
  if (moves.some((m) => m.state === 'assigned' || m.state === 'partially_available')) return 'assigned';
  return 'confirmed';
}

export function pickingName(env: Env, pickingTypeId: number = PICKING_TYPE_OUT): string {
  const [prefix, sequence] =
    pickingTypeId === PICKING_TYPE_IN ? ['WH/IN/', 'picking.in'] : ['WH/OUT/', 'picking.out'];
  return `${prefix}${String(env.db.nextNumber(sequence)).padStart(5, '0')}`;
}

/** The caller's context rides along in the action, as Odoo's `dict(self.env.context, …)` does (recorded on 19). */
function callerContext(env: Env): Record<string, unknown> {
  return Object.fromEntries(Object.entries(env.context).filter(([key]) => !key.startsWith('__')));
}

function backorderAction(env: Env, ids: number[]) {
  return {
    name: 'Create Backorder?',
    type: 'ir.actions.act_window',
    view_mode: 'form',
    res_model: 'stock.backorder.confirmation',
    views: [[BACKORDER_VIEW, 'form']],
    view_id: BACKORDER_VIEW,
    target: 'new',
    context: {
      ...callerContext(env),
      button_validate_picking_ids: ids,
      default_show_transfers: false,
      default_pick_ids: ids.map((id) => [4, id]),
    },
  };
}

function smsAction(env: Env, ids: number[]) {
  const wizard = env.db.insert('confirm.stock.sms', {
    pick_ids: ids,
    create_date: env.now(),
    write_date: env.now(),
  });
  return {
    name: 'SMS',
    type: 'ir.actions.act_window',
    view_mode: 'form',
    res_model: 'confirm.stock.sms',
    views: [[SMS_VIEW, 'form']],
    view_id: SMS_VIEW,
    target: 'new',
    res_id: wizard.id,
    context: { button_validate_picking_ids: ids },
  };
}

const done = (m: Rec): number => (m.picked === true ? Number(m.quantity) : 0);

/** stock.picking.button_validate: the same questions (backorder? SMS?) in the same order as Odoo 17. */
export function buttonValidate(env: Env, ids: number[]): unknown {
  const pickings = ids.map((id) => env.db.get('stock.picking', id)).filter((p): p is Rec => !!p);
  for (const picking of pickings) {
    const moves = movesOf(env, picking.id).filter((m) => !['done', 'cancel'].includes(String(m.state)));
    if (moves.every((m) => Number(m.quantity) <= 0)) {
      throw userError(
        'You cannot validate a transfer if no quantities are reserved. To force the transfer, encode quantities.',
      );
    }
    if (!moves.some((m) => m.picked === true)) for (const m of moves) m.picked = true;
  }
  const short = pickings.filter((p) =>
    movesOf(env, p.id).some(
      (m) => m.state !== 'cancel' && m.state !== 'done' && done(m) < Number(m.product_uom_qty),
    ),
  );
  if (short.length > 0 && env.context.skip_backorder !== true) return backorderAction(env, ids);
  const withPhone = pickings.some((p) => {
    const partner = env.db.get('res.partner', Number(p.partner_id));
    return Boolean(partner?.phone || partner?.mobile);
  });
  if (env.context.skip_sms !== true && env.db.smsWarningPending && withPhone) return smsAction(env, ids);
  const noBackorder = new Set((env.context.picking_ids_not_to_backorder as number[] | undefined) ?? []);
  for (const picking of pickings) finish(env, picking, !noBackorder.has(picking.id));
  return true;
}

function finish(env: Env, picking: Rec, keepRest: boolean): void {
  const now = env.now();
  const rest: { move: Rec; qty: number }[] = [];
  for (const move of movesOf(env, picking.id).filter((m) => !['done', 'cancel'].includes(String(m.state)))) {
    const qty = done(move);
    const demand = Number(move.product_uom_qty);
    if (qty < demand) rest.push({ move, qty: demand - qty });
    const reservedHere = Math.min(Number(move._reserved ?? 0), qty);
    unreserve(env, move, Number(move._reserved ?? 0) - reservedHere);
    if (qty <= 0) {
      Object.assign(move, { state: 'cancel', quantity: 0, write_date: now });
      continue;
    }
    transfer(
      env,
      Number(move.product_id),
      Number(move.location_id),
      Number(move.location_dest_id),
      qty,
      reservedHere,
    );
    Object.assign(move, {
      state: 'done',
      quantity: qty,
      product_uom_qty: qty,
      _reserved: 0,
      date: now,
      write_date: now,
    });
    for (const line of moveLinesOf(env, move.id)) {
      Object.assign(line, { state: 'done', picked: true, write_date: now, date: now });
    }
  }
  Object.assign(picking, { state: 'done', date_done: now, write_date: now });
  if (!keepRest || rest.length === 0) return;
  const backorder = env.db.insert('stock.picking', {
    ...picking,
    name: pickingName(env, Number(picking.picking_type_id)),
    state: false,
    date_done: false,
    backorder_id: picking.id,
    carrier_tracking_ref: false,
    create_date: now,
    write_date: now,
  });
  for (const { move, qty } of rest) {
    const copy = env.db.insert('stock.move', {
      ...move,
      picking_id: backorder.id,
      product_uom_qty: qty,
      quantity: 0,
      picked: false,
      state: 'confirmed',
      _reserved: 0,
      create_date: now,
      write_date: now,
    });
    reserveMove(env, copy);
  }
}

export function cancelPicking(env: Env, picking: Rec): void {
  if (picking.state === 'done') return;
  for (const move of movesOf(env, picking.id).filter((m) => m.state !== 'done')) {
    unreserve(env, move, Number(move._reserved ?? 0));
    Object.assign(move, { state: 'cancel', quantity: 0, write_date: env.now() });
  }
  Object.assign(picking, { state: 'cancel', write_date: env.now() });
}

/** Writing a move's quantity by hand moves its reservation with it, as Odoo 17's move lines do. */
export function setMoveQuantity(env: Env, move: Rec, quantity: number): void {
  const before = Number(move._reserved ?? 0);
  if (quantity < before) unreserve(env, move, before - quantity);
  for (const line of moveLinesOf(env, move.id)) env.db.remove('stock.move.line', line.id);
  if (quantity > 0) createMoveLine(env, move, quantity, 'assigned');
}
