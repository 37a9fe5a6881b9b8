import { z } from 'zod';
import type { ErpDocument, ErpPage } from '../../../core/ports/erp.port.ts';
import { changeCursorSchema, changedSince, decodeCursor, START } from '../cursor.ts';
import { many2one, text, type OdooClient } from '../odoo.client.ts';
import { toMinor } from '../odoo.mapper.ts';
import { hubRefOf } from './hub-ref.ts';

export const MOVE_FIELDS = [
  'name',
  'state',
  'move_type',
  'amount_total',
  'currency_id',
  'invoice_date',
  'invoice_origin',
  'ref',
  'journal_id',
];

/** Customer invoices and credit notes; vendor bills and journal entries are none of the hub's business. */
export const CUSTOMER_DOCUMENT = ['move_type', 'in', ['out_invoice', 'out_refund']];

export const moveSchema = z.looseObject({
  id: z.number(),
  // "/" while a draft on 17, false on 19.
  name: text,
  state: z.string(),
  move_type: z.string(),
  amount_total: z.number(),
  currency_id: many2one,
  invoice_date: text,
  invoice_origin: text,
  ref: text,
  journal_id: many2one,
});
export type OdooMove = z.infer<typeof moveSchema>;

export function toErpDocument(move: OdooMove, saleOrderId: number): ErpDocument {
  return {
    id: String(move.id),
    saleOrderId: String(saleOrderId),
    kind: move.move_type === 'out_refund' ? 'credit_note' : 'invoice',
    number: move.name ?? '/',
    posted: move.state === 'posted',
    totalMinor: toMinor(move.amount_total),
    currency: move.currency_id ? move.currency_id[1] : '',
    date: move.state === 'posted' ? move.invoice_date : null,
    ref: move.move_type === 'out_refund' ? hubRefOf(move.ref) : null,
  };
}

/** "S00025" or, for one invoice of several orders, "S00025, S00026": the first that names a sale order. */
const origins = (origin: string | null): string[] =>
  (origin ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Which sale order each document belongs to. Odoo fills `invoice_origin` with the order's name when it
 * invoices an order, and copies it onto a reversal; the connector sets it on the credit notes it makes itself.
 */
export async function saleOrdersOf(
  client: OdooClient,
  moves: readonly OdooMove[],
): Promise<Map<number, number>> {
  const names = [...new Set(moves.flatMap((m) => origins(m.invoice_origin)))];
  const orders = names.length
    ? await client.searchRead(
        'sale.order',
        { domain: [['name', 'in', names]], fields: ['name'] },
        z.looseObject({ id: z.number(), name: z.string() }),
      )
    : [];
  const byName = new Map(orders.map((o) => [o.name, o.id]));
  const out = new Map<number, number>();
  for (const move of moves) {
    const order = origins(move.invoice_origin)
      .map((name) => byName.get(name))
      .find((id) => id !== undefined);
    if (order !== undefined) out.set(move.id, order);
  }
  return out;
}

export async function readDocuments(client: OdooClient, ids: readonly number[]): Promise<ErpDocument[]> {
  const moves = await client.read('account.move', ids, MOVE_FIELDS, undefined, moveSchema);
  const orders = await saleOrdersOf(client, moves);
  return moves.flatMap((m) => {
    const order = orders.get(m.id);
    return order === undefined ? [] : [toErpDocument(m, order)];
  });
}

export async function readDocument(client: OdooClient, id: number): Promise<ErpDocument | undefined> {
  return (await readDocuments(client, [id]))[0];
}

/** Posted customer documents of sale orders, changed since the cursor (posting, payment, a PDF stored). */
export async function documentsChangedSince(
  client: OdooClient,
  cursor: string | null,
  limit = 200,
): Promise<ErpPage<ErpDocument>> {
  const from = decodeCursor(cursor, changeCursorSchema, START);
  const changed = await changedSince(
    client,
    {
      model: 'account.move',
      domain: [CUSTOMER_DOCUMENT, ['state', '=', 'posted'], ['invoice_origin', '!=', false]],
      fields: MOVE_FIELDS,
      dateField: 'write_date',
      limit,
    },
    from,
  );
  const moves = changed.rows.map((row) => moveSchema.parse(row));
  const orders = await saleOrdersOf(client, moves);
  const items = moves.flatMap((m) => {
    const order = orders.get(m.id);
    return order === undefined ? [] : [toErpDocument(m, order)];
  });
  return { items, cursor: JSON.stringify(changed.cursor), hasMore: changed.hasMore };
}

/** Every customer document of these orders (drafts too, cancelled ones not), oldest first. */
export async function saleOrderDocuments(
  client: OdooClient,
  saleOrderIds: readonly string[],
): Promise<ErpDocument[]> {
  const ids = saleOrderIds.map(Number).filter((id) => Number.isSafeInteger(id) && id > 0);
  if (ids.length === 0) return [];
  const orders = await client.read(
    'sale.order',
    ids,
    ['name'],
    undefined,
    z.looseObject({ id: z.number(), name: z.string() }),
  );
  return documentsOfOrders(client, orders);
}

export async function documentsOfOrders(
  client: OdooClient,
  orders: readonly { id: number; name: string }[],
): Promise<ErpDocument[]> {
  if (orders.length === 0) return [];
  const names = orders.map((o) => o.name);
  const moves = await client.searchRead(
    'account.move',
    {
      // Exact names: one invoice for several orders ("S00025, S00026") is not the hub's way and is left out.
      domain: [CUSTOMER_DOCUMENT, ['state', '!=', 'cancel'], ['invoice_origin', 'in', names]],
      fields: MOVE_FIELDS,
      order: 'id',
    },
    moveSchema,
  );
  const byName = new Map(orders.map((o) => [o.name, o.id]));
  return moves.flatMap((m) => {
    const order = origins(m.invoice_origin)
      .map((name) => byName.get(name))
      .find((id) => id !== undefined);
    return order === undefined ? [] : [toErpDocument(m, order)];
  });
}
