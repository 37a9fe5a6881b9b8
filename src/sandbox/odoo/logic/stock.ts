import type { Env, Rec } from '../models/types.ts';

/** Ids as a fresh Odoo 17 database has them (the recording shows WH/Stock = 8). */
export const LOCATION = { customers: 5, stock: 8, inventoryLoss: 14 } as const;
export const PICKING_TYPE_IN = 1;
export const PICKING_TYPE_OUT = 2;

export const isInternal = (env: Env, locationId: unknown): boolean =>
  env.db.get('stock.location', Number(locationId))?.usage === 'internal';

export function isStorable(env: Env, productId: number): boolean {
  const product = env.db.get('product.product', productId);
  if (!product) return false;
  return env.version >= 18 ? product.is_storable === true : product.type === 'product';
}

export function quantFor(env: Env, productId: number, locationId: number): Rec {
  const found = env.db
    .findBy('stock.quant', 'product_id', productId)
    .find((q) => q.location_id === locationId);
  if (found) return found;
  const now = env.now();
  return env.db.insert('stock.quant', {
    product_id: productId,
    location_id: locationId,
    quantity: 0,
    reserved_quantity: 0,
    inventory_quantity: 0,
    inventory_quantity_set: false,
    create_date: now,
    write_date: now,
  });
}

function touch(env: Env, rec: Rec, changes: Record<string, unknown>): void {
  Object.assign(rec, changes, { write_date: env.now() });
}

/** Whether a location is one of `roots` or below one of them (Odoo's `child_of`). */
function within(env: Env, locationId: unknown, roots: ReadonlySet<number>): boolean {
  for (let id = Number(locationId), hops = 0; id && hops < 20; hops += 1) {
    if (roots.has(id)) return true;
    const parent = env.db.get('stock.location', id)?.location_id;
    id = typeof parent === 'number' ? parent : 0;
  }
  return false;
}

/**
 * Which locations count, as Odoo's `_get_domain_locations` decides: the context's `location` (an id or a list
 * of ids) and everything below it; without one, every internal location of the company.
 */
function countsIn(env: Env): (locationId: unknown) => boolean {
  const wanted = env.context.location;
  const ids = (Array.isArray(wanted) ? wanted : [wanted]).filter(
    (id): id is number => typeof id === 'number',
  );
  if (ids.length === 0) return (locationId) => isInternal(env, locationId);
  const roots = new Set(ids);
  return (locationId) => within(env, locationId, roots);
}

export function productQuantities(env: Env, productId: number) {
  const inside = countsIn(env);
  let onHand = 0;
  let reserved = 0;
  for (const quant of env.db.findBy('stock.quant', 'product_id', productId)) {
    if (!inside(quant.location_id)) continue;
    onHand += Number(quant.quantity);
    reserved += Number(quant.reserved_quantity);
  }
  let incoming = 0;
  let outgoing = 0;
  for (const move of env.db.findBy('stock.move', 'product_id', productId)) {
    if (['done', 'cancel', 'draft'].includes(String(move.state))) continue;
    const [from, to] = [inside(move.location_id), inside(move.location_dest_id)];
    if (from && !to) outgoing += Number(move.product_uom_qty);
    if (!from && to) incoming += Number(move.product_uom_qty);
  }
  return { onHand, free: onHand - reserved, incoming, outgoing, forecast: onHand + incoming - outgoing };
}

/** Moves stock between two quants, the way a done move does; internal quants keep the counts that matter. */
export function transfer(
  env: Env,
  productId: number,
  from: number,
  to: number,
  qty: number,
  reserved = 0,
): void {
  const source = quantFor(env, productId, from);
  touch(env, source, {
    quantity: Number(source.quantity) - qty,
    reserved_quantity: Math.max(0, Number(source.reserved_quantity) - reserved),
  });
  const target = quantFor(env, productId, to);
  touch(env, target, { quantity: Number(target.quantity) + qty });
}

export function createMoveLine(env: Env, move: Rec, quantity: number, state: string): Rec {
  const now = env.now();
  return env.db.insert('stock.move.line', {
    move_id: move.id,
    picking_id: move.picking_id ?? false,
    product_id: move.product_id,
    quantity,
    picked: state === 'done' || move.picked === true,
    location_id: move.location_id,
    location_dest_id: move.location_dest_id,
    state,
    date: now,
    reference: move.reference ?? move.name,
    create_date: now,
    write_date: now,
  });
}

/** An already-done move (inventory adjustments). */
export function doneMove(
  env: Env,
  productId: number,
  from: number,
  to: number,
  qty: number,
  name: string,
): Rec {
  const now = env.now();
  const move = env.db.insert('stock.move', {
    name,
    reference: name,
    product_id: productId,
    product_uom_qty: qty,
    quantity: qty,
    picked: true,
    state: 'done',
    location_id: from,
    location_dest_id: to,
    picking_id: false,
    date: now,
    create_date: now,
    write_date: now,
  });
  createMoveLine(env, move, qty, 'done');
  transfer(env, productId, from, to, qty);
  return move;
}

/** Reserves what the source location can give; consumables are always available (Odoo does not track them). */
export function reserveMove(env: Env, move: Rec): void {
  const demand = Number(move.product_uom_qty);
  const have = Number(move.quantity ?? 0);
  const productId = Number(move.product_id);
  let quantity = demand;
  if (isStorable(env, productId)) {
    const quant = quantFor(env, productId, Number(move.location_id));
    const free = Math.max(0, Number(quant.quantity) - Number(quant.reserved_quantity));
    const take = Math.min(free, Math.max(0, demand - have));
    if (take > 0) touch(env, quant, { reserved_quantity: Number(quant.reserved_quantity) + take });
    move._reserved = Number(move._reserved ?? 0) + take;
    quantity = have + take;
  }
  if (quantity > have) createMoveLine(env, move, quantity - have, 'assigned');
  const state = quantity >= demand ? 'assigned' : quantity > 0 ? 'partially_available' : 'confirmed';
  touch(env, move, { quantity, state });
}

/** Gives back reserved stock (quantity lowered by hand, move cancelled). */
export function unreserve(env: Env, move: Rec, amount: number): void {
  const reserved = Number(move._reserved ?? 0);
  const give = Math.min(reserved, Math.max(0, amount));
  if (give <= 0) return;
  const quant = quantFor(env, Number(move.product_id), Number(move.location_id));
  touch(env, quant, { reserved_quantity: Math.max(0, Number(quant.reserved_quantity) - give) });
  move._reserved = reserved - give;
}
