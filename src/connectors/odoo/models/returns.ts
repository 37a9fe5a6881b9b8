import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type {
  ErpPage,
  ErpQuantityLine,
  ErpReturnInput,
  ErpReturnReceipt,
} from '../../../core/ports/erp.port.ts';
import { changeCursorSchema, changedSince, decodeCursor, START } from '../cursor.ts';
import { many2one, text, type OdooClient } from '../odoo.client.ts';
import { odooDateToIso } from '../odoo.mapper.ts';
import { hubRefOf, withHubRef } from './hub-ref.ts';
import { readSaleOrder } from './invoicing.ts';
import { createdRecordId } from './wizard-action.ts';

const pickingSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  state: z.string(),
  origin: text,
  sale_id: many2one,
  return_id: many2one,
  date_done: text,
});
const PICKING_FIELDS = ['name', 'state', 'origin', 'sale_id', 'return_id', 'date_done'];
const moveSchema = z.looseObject({
  id: z.number(),
  picking_id: many2one,
  product_id: many2one,
  product_uom_qty: z.number(),
  quantity: z.number().optional(),
  quantity_done: z.number().optional(),
  state: z.string(),
});

/** Return receipts: incoming pickings Odoo's return wizard made from a sale order's delivery. */
const RETURN_RECEIPTS = [
  ['picking_type_code', '=', 'incoming'],
  ['return_id', '!=', false],
  ['sale_id', '!=', false],
];

async function movesOf(client: OdooClient, pickingIds: readonly number[], extra: unknown[] = []) {
  if (pickingIds.length === 0) return [];
  const qty = client.dialect.moveDoneField;
  return client.searchRead(
    'stock.move',
    {
      domain: [['picking_id', 'in', [...pickingIds]], ['state', '!=', 'cancel'], ...extra],
      fields: ['picking_id', 'product_id', 'product_uom_qty', qty, 'state'],
    },
    moveSchema,
  );
}

async function skusOf(
  client: OdooClient,
  productIds: readonly number[],
): Promise<Map<number, string | null>> {
  const rows = await client.read(
    'product.product',
    [...new Set(productIds)],
    ['default_code'],
    { active_test: false },
    z.looseObject({ id: z.number(), default_code: text }),
  );
  return new Map(rows.map((p) => [p.id, p.default_code]));
}

/** A many2one's id, or undefined for false. */
const idOf = (value: [number, string] | false): number | undefined => (value ? value[0] : undefined);

const refused = (message: string) => new AppError('rejected', 'odoo.return_not_possible', message);

/** Per SKU, in the order asked: quantities must be positive and each SKU named once. */
function wanted(lines: readonly ErpQuantityLine[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of lines) {
    if (!(line.quantity > 0)) throw refused(`Return quantity of ${line.sku} must be above 0.`);
    out.set(line.sku, (out.get(line.sku) ?? 0) + line.quantity);
  }
  if (out.size === 0) throw refused('A return needs at least one line.');
  return out;
}

/**
 * Odoo's return wizard (`stock.return.picking`) on the order's done deliveries, one receipt per delivery the
 * units left with, each tagged with the hub's reference in its `origin` ("Return of WH/OUT/00007 [ref]").
 * Looked up by that tag first; what the tagged receipts do not cover yet (a run cut off between two deliveries)
 * is made now. A receipt the wizard made but a cut-off run did not tag (untagged, the same quantities on that
 * delivery) is adopted instead of made twice, open or already validated: the warehouse books a receipt as soon
 * as it appears, so by the retry it may be done, and its units are this return's, not units still out. Left
 * ready (`assigned`) for the warehouse.
 */
export async function prepareReturn(
  client: OdooClient,
  saleOrderId: string,
  input: ErpReturnInput,
): Promise<{ id: string; name: string }> {
  const order = await readSaleOrder(client, saleOrderId);
  const want = wanted(input.lines);
  const deliveries = await client.searchRead(
    'stock.picking',
    {
      domain: [
        ['sale_id', '=', order.id],
        ['picking_type_code', '=', 'outgoing'],
        ['state', '=', 'done'],
      ],
      fields: PICKING_FIELDS,
      order: 'id',
    },
    pickingSchema,
  );
  const returns = deliveries.length
    ? await client.searchRead(
        'stock.picking',
        {
          domain: [
            ...RETURN_RECEIPTS,
            ['return_id', 'in', deliveries.map((d) => d.id)],
            ['state', '!=', 'cancel'],
          ],
          fields: PICKING_FIELDS,
          order: 'id',
        },
        pickingSchema,
      )
    : [];
  const mine = returns.filter((p) => hubRefOf(p.origin) === input.ref);
  const moves = await movesOf(
    client,
    [...deliveries, ...returns].map((p) => p.id),
  );
  const skus = await skusOf(
    client,
    moves.flatMap((m) => (m.product_id ? [m.product_id[0]] : [])),
  );
  const qtyOf = (m: z.infer<typeof moveSchema>) =>
    m.state === 'done' ? Number(m[client.dialect.moveDoneField] ?? m.product_uom_qty) : m.product_uom_qty;
  const skuOf = (m: z.infer<typeof moveSchema>) =>
    m.product_id ? (skus.get(m.product_id[0]) ?? null) : null;
  const quantitiesOf = (picking: number) => {
    const out = new Map<string, number>();
    for (const m of moves.filter((move) => idOf(move.picking_id) === picking)) {
      const sku = skuOf(m);
      if (sku) out.set(sku, (out.get(sku) ?? 0) + m.product_uom_qty);
    }
    return out;
  };

  // What the tagged receipts already take back is not asked again.
  for (const receipt of mine)
    for (const [sku, qty] of quantitiesOf(receipt.id)) if (want.has(sku)) want.set(sku, want.get(sku)! - qty);
  for (const [sku, qty] of want) if (qty <= 0) want.delete(sku);
  if (mine.length > 0 && want.size === 0)
    return { id: String(mine[0]!.id), name: mine.map((p) => p.name).join(', ') };
  if (deliveries.length === 0)
    throw refused(`Odoo sale order ${order.name} has no done delivery to return from.`);

  // What is still out per delivery and SKU: delivered minus what other returns (open or done) take back;
  // `untaggedFree` counts the untagged ones as still out, since one of them may be this return's orphan.
  const untagged = returns.filter((r) => hubRefOf(r.origin) === null);
  const out = (countUntagged: boolean) => {
    const left = new Map<number, Map<string, number>>();
    for (const delivery of deliveries) left.set(delivery.id, new Map());
    for (const move of moves) {
      const sku = skuOf(move);
      const picking = idOf(move.picking_id) ?? 0;
      const returned = returns.find((r) => r.id === picking);
      if (returned && !countUntagged && untagged.includes(returned)) continue;
      const delivery = left.has(picking) ? picking : returned && idOf(returned.return_id);
      const perSku = delivery === undefined ? undefined : left.get(delivery);
      if (!sku || !perSku) continue;
      const sign = left.has(picking) ? (move.state === 'done' ? 1 : 0) : -1;
      perSku.set(sku, (perSku.get(sku) ?? 0) + sign * qtyOf(move));
    }
    return left;
  };
  const untaggedFree = out(false);
  const stillOut = out(true);
  // Allocate the wanted units, newest delivery first (the likeliest parcel).
  const plan = new Map<number, Map<string, number>>();
  for (const [sku, qty] of want) {
    let rest = qty;
    for (const delivery of [...deliveries].reverse()) {
      const free = untaggedFree.get(delivery.id)?.get(sku) ?? 0;
      const take = Math.min(free, rest);
      if (take <= 0) continue;
      const perSku = plan.get(delivery.id) ?? new Map<string, number>();
      perSku.set(sku, take);
      plan.set(delivery.id, perSku);
      rest -= take;
    }
    if (rest > 0) throw notLeft(order.name, sku, qty - rest, qty);
  }

  // Each planned delivery: its orphan if there is one, else a new receipt for units really still out.
  const adopted = new Set<number>();
  const orphanFor = (deliveryId: number, quantities: Map<string, number>) =>
    untagged.find(
      (r) =>
        idOf(r.return_id) === deliveryId &&
        !adopted.has(r.id) &&
        sameQuantities([...quantitiesOf(r.id)], quantities),
    );
  const todo: { delivery: (typeof deliveries)[number]; quantities: Map<string, number>; orphan?: number }[] =
    [];
  for (const delivery of deliveries.filter((d) => plan.has(d.id))) {
    const quantities = plan.get(delivery.id)!;
    const orphan = orphanFor(delivery.id, quantities);
    if (orphan) {
      adopted.add(orphan.id);
      todo.push({ delivery, quantities, orphan: orphan.id });
      continue;
    }
    for (const [sku, qty] of quantities) {
      const left = stillOut.get(delivery.id)?.get(sku) ?? 0;
      if (qty > left) throw notLeft(order.name, sku, Math.max(0, left), qty);
    }
    todo.push({ delivery, quantities });
  }

  const made: { id: number; name: string }[] = [...mine];
  for (const { delivery, quantities, orphan } of todo) {
    const receipt =
      (orphan !== undefined ? returns.find((r) => r.id === orphan) : undefined) ??
      (await runReturnWizard(client, delivery.id, quantities, skus));
    await client.write('stock.picking', [receipt.id], {
      origin: withHubRef(receipt.origin ?? `Return of ${delivery.name}`, input.ref),
    });
    made.push(receipt);
  }
  return { id: String(made[0]?.id), name: made.map((p) => p.name).join(', ') };
}

const notLeft = (orderName: string, sku: string, left: number, asked: number) =>
  refused(
    `Odoo sale order ${orderName} has ${left} of ${sku} delivered and not yet returned; ${asked} asked back.`,
  );

function sameQuantities(lines: [string | null, number][], want: Map<string, number>): boolean {
  const have = new Map<string, number>();
  for (const [sku, qty] of lines) if (sku) have.set(sku, (have.get(sku) ?? 0) + qty);
  return have.size === want.size && [...want].every(([sku, qty]) => have.get(sku) === qty);
}

async function runReturnWizard(
  client: OdooClient,
  deliveryId: number,
  quantities: Map<string, number>,
  skus: Map<number, string | null>,
): Promise<z.infer<typeof pickingSchema>> {
  const context = { active_model: 'stock.picking', active_id: deliveryId, active_ids: [deliveryId] };
  const wizardId = await client.create('stock.return.picking', {}, context);
  const [wizard] = await client.read(
    'stock.return.picking',
    [wizardId],
    ['product_return_moves'],
    undefined,
    z.looseObject({ product_return_moves: z.array(z.number()) }),
  );
  const lines = await client.read(
    'stock.return.picking.line',
    wizard?.product_return_moves ?? [],
    ['product_id'],
    undefined,
    z.looseObject({ id: z.number(), product_id: many2one }),
  );
  // Every line is set: 17 starts each at the delivered quantity, 18+ at 0.
  const left = new Map(quantities);
  const commands = lines.map((line) => {
    const sku = line.product_id ? skus.get(line.product_id[0]) : undefined;
    const qty = sku ? (left.get(sku) ?? 0) : 0;
    if (sku) left.set(sku, 0);
    return [1, line.id, { quantity: qty }];
  });
  await client.write('stock.return.picking', [wizardId], { product_return_moves: commands }, context);
  const answer = await client.call('stock.return.picking', client.dialect.createReturnsMethod, [wizardId], {
    context,
  });
  const receiptId = createdRecordId(answer, 'stock.picking', 'the return wizard');
  const [receipt] = receiptId
    ? await client.read('stock.picking', [receiptId], PICKING_FIELDS, undefined, pickingSchema)
    : [];
  if (!receipt)
    throw new AppError('bug', 'odoo.unexpected_response', "Odoo's return wizard made no receipt.");
  return receipt;
}

/** Return receipts of sale orders validated since the cursor, with the SKUs and quantities that came back. */
export async function returnReceiptsDoneSince(
  client: OdooClient,
  cursor: string | null,
  limit = 200,
): Promise<ErpPage<ErpReturnReceipt>> {
  const from = decodeCursor(cursor, changeCursorSchema, START);
  const changed = await changedSince(
    client,
    {
      model: 'stock.picking',
      domain: [...RETURN_RECEIPTS, ['state', '=', 'done']],
      fields: PICKING_FIELDS,
      dateField: 'write_date',
      limit,
    },
    from,
  );
  const receipts = changed.rows.map((row) => pickingSchema.parse(row));
  const moves = await movesOf(
    client,
    receipts.map((r) => r.id),
    [['state', '=', 'done']],
  );
  const skus = await skusOf(
    client,
    moves.flatMap((m) => (m.product_id ? [m.product_id[0]] : [])),
  );
  const qty = client.dialect.moveDoneField;
  const items = receipts.map((receipt): ErpReturnReceipt => {
    const lines = new Map<string, number>();
    for (const move of moves.filter((m) => idOf(m.picking_id) === receipt.id)) {
      const sku = move.product_id ? skus.get(move.product_id[0]) : null;
      if (sku) lines.set(sku, (lines.get(sku) ?? 0) + Number(move[qty] ?? 0));
    }
    return {
      receiptId: String(receipt.id),
      name: receipt.name,
      saleOrderId: String(receipt.sale_id ? receipt.sale_id[0] : ''),
      ref: hubRefOf(receipt.origin),
      lines: [...lines].map(([sku, quantity]) => ({ sku, quantity })),
      doneAt: odooDateToIso(receipt.date_done) ?? '',
    };
  });
  return { items, cursor: JSON.stringify(changed.cursor), hasMore: changed.hasMore };
}
