import { desiredAmount } from '../../src/sync/streams/offers/desired-offer.ts';
import { ACCOUNT_SAFETY_BUFFER, CARRIERS, ERP_SAFETY_BUFFER, type CrashWorld } from './crash-world.ts';
import { unitsPerSku, type PlannedOrder } from './plan.ts';

/** An order as placed on Kaufland, with how many of its planned deliveries the warehouse has made. */
export interface LiveOrder {
  plan: PlannedOrder;
  idOrder: string;
  units: { id: number; sku: string }[];
  delivered: number;
  lastDeliveryAt: number;
}

/** Units moved by the deliveries made so far. */
export function shippedUnitCount(order: LiveOrder): number {
  let n = 0;
  for (const delivery of order.plan.deliveries.slice(0, order.delivered))
    for (const qty of delivery.lines.values()) n += qty;
  return n;
}

export interface EndState {
  /** Empty when everything is exactly as it must be. */
  problems: string[];
  /** What was checked, for the printed summary. */
  summary: string[];
  stockChecked: number;
}

/**
 * Compares both sandboxes and the hub's books with what happened: one confirmed sale order per Kaufland order
 * with the order's quantities; per order and SKU, as many units sent with each delivery's carrier and tracking
 * number as that delivery moved, each unit at most once, and nothing else sent; no buyer or address contact
 * created twice; hub orders `shipped` exactly when all their units are; Kaufland amounts, on every account,
 * equal to Odoo's free quantity minus what is still reserved (`other.reserved`: pieces of orders Odoo has not
 * got) minus both safety buffers. `other.refs`: orders placed besides `live` (see shared-stock.ts).
 */
export async function checkEndState(
  w: CrashWorld,
  live: readonly LiveOrder[],
  other: { refs: readonly string[]; reserved: ReadonlyMap<string, number> } = {
    refs: [],
    reserved: new Map(),
  },
): Promise<EndState> {
  const problems: string[] = [];
  const kaufland = w.kaufland.state();
  const store = w.odoo.instance.store;
  const unitsById = new Map(kaufland.order_units.map((u) => [u.id_order_unit, u]));
  const shipmentsByUnit = groupBy(kaufland.shipments, (s) => s.id_order_unit);
  const saleOrders = store.all('sale.order');
  const saleOrdersByRef = groupBy(saleOrders, (so) => String(so.client_order_ref));
  const saleLinesByOrder = groupBy(store.all('sale.order.line'), (l) => Number(l.order_id));
  const skuOfProduct = new Map(store.all('product.product').map((p) => [p.id, String(p.default_code)]));

  let linesChecked = 0;
  let unitsSent = 0;
  let unitsNotSent = 0;
  let deliveries = 0;
  let exactlyOne = 0;
  for (const order of live) {
    const found = saleOrdersByRef.get(order.idOrder) ?? [];
    if (found.length !== 1) {
      problems.push(`order ${order.idOrder}: ${found.length} sale orders in Odoo`);
      continue;
    }
    exactlyOne++;
    const saleOrder = found[0]!;
    if (saleOrder.state !== 'sale')
      problems.push(`order ${order.idOrder}: sale order is ${JSON.stringify(saleOrder.state)}`);
    const odooQty = new Map<string, number>();
    for (const line of saleLinesByOrder.get(saleOrder.id) ?? []) {
      const sku = skuOfProduct.get(Number(line.product_id)) ?? '?';
      odooQty.set(sku, (odooQty.get(sku) ?? 0) + Number(line.product_uom_qty));
    }
    const wanted = unitsPerSku(order.plan.items);
    linesChecked += wanted.size;
    if (!sameEntries(odooQty, wanted))
      problems.push(`order ${order.idOrder}: Odoo lines ${show(odooQty)}, ordered ${show(wanted)}`);

    // Per SKU: how many units each carrier + tracking number must have confirmed (units of a SKU are alike).
    const expected = new Map<string, Map<string, number>>();
    for (const delivery of order.plan.deliveries) {
      deliveries++;
      for (const [sku, qty] of delivery.lines) {
        if (qty === 0) continue;
        const bySku = expected.get(sku) ?? new Map<string, number>();
        bySku.set(`${CARRIERS[delivery.carrier]} ${delivery.trackingRef}`, qty);
        expected.set(sku, bySku);
      }
    }
    for (const sku of wanted.keys()) {
      const actual = new Map<string, number>();
      for (const unit of order.units.filter((u) => u.sku === sku)) {
        const shipments = shipmentsByUnit.get(unit.id) ?? [];
        const status = unitsById.get(unit.id)?.status;
        if (shipments.length > 1)
          problems.push(`unit ${unit.id} of ${order.idOrder}: ${shipments.length} shipments`);
        const first = shipments[0];
        if (!first) {
          unitsNotSent++;
          if (status !== 'need_to_be_sent')
            problems.push(`unit ${unit.id} of ${order.idOrder}: ${status} without a shipment`);
          continue;
        }
        unitsSent++;
        if (status !== 'sent') problems.push(`unit ${unit.id} of ${order.idOrder}: shipped but ${status}`);
        const key = `${first.carrier_code} ${first.tracking_numbers.join(',')}`;
        actual.set(key, (actual.get(key) ?? 0) + 1);
      }
      const want = expected.get(sku) ?? new Map<string, number>();
      if (!sameEntries(actual, want))
        problems.push(`order ${order.idOrder} ${sku}: confirmed ${show(actual)}, shipped ${show(want)}`);
    }
  }
  const known = new Set([...live.map((o) => o.idOrder), ...other.refs]);
  const stray = [...saleOrdersByRef.keys()].filter((ref) => !known.has(ref));
  if (stray.length > 0) problems.push(`sale orders for unknown references: ${stray.join(', ')}`);

  // Customers are looked up before they are created: each buyer once, each address contact once.
  const partners = store.all('res.partner').filter((p) => p.id > 6);
  const buyers = partners.filter((p) => !p.parent_id && typeof p.ref === 'string' && p.ref);
  const contacts = partners.filter((p) => p.parent_id);
  for (const [ref, rows] of groupBy(buyers, (b) => String(b.ref)))
    if (rows.length > 1) problems.push(`buyer ${ref} ${rows.length} times in Odoo`);
  const contactKey = (c: (typeof contacts)[number]) =>
    [c.parent_id, c.type, c.name, c.street, c.zip, c.city].map((v) => JSON.stringify(v)).join('|');
  for (const [key, rows] of groupBy(contacts, contactKey))
    if (rows.length > 1) problems.push(`address contact ${rows.length} times in Odoo: ${key}`);

  // The hub's own books: an order is `shipped` once all its units are confirmed, `in_erp` until then.
  const { rows: hubRows } = await w.database.pool.query<{ ref: string; state: string }>(
    'SELECT marketplace_order_id AS ref, state FROM hub_orders',
  );
  const hubState = new Map(hubRows.map((r) => [r.ref, r.state]));
  for (const order of live) {
    const want = order.units.length === shippedUnitCount(order) ? 'shipped' : 'in_erp';
    const state = hubState.get(order.idOrder);
    if (state !== want) problems.push(`hub order ${order.idOrder}: ${state}, expected ${want}`);
  }

  let stockChecked = 0;
  const odooProducts = new Map(w.odoo.state().products.map((p) => [p.sku, p]));
  for (const unit of kaufland.units) {
    const product = odooProducts.get(unit.id_offer);
    if (!product) continue;
    stockChecked++;
    const reserved = other.reserved.get(unit.id_offer ?? '') ?? 0;
    const want = desiredAmount(
      product.free,
      product.active,
      {
        erpSafetyBuffer: ERP_SAFETY_BUFFER,
        accountSafetyBuffer: ACCOUNT_SAFETY_BUFFER,
        priceRule: { factor: 1, surchargeMinor: 0, rounding: 'none', minimumMinor: null },
        handlingTimeDays: 1,
        shippingGroupId: null,
      },
      reserved,
    );
    if (unit.amount !== want)
      problems.push(
        `stock ${unit.id_offer} on ${unit.storefront}: Kaufland ${unit.amount}, Odoo free ${product.free}, still reserved ${reserved} → ${want}`,
      );
  }

  const shipped = live.filter((o) => o.plan.deliveries.length > 0);
  const hubStates = [...groupBy(hubRows, (r) => r.state)].map(([state, rows]) => `${state} ${rows.length}`);
  return {
    problems,
    stockChecked,
    summary: [
      `Kaufland orders ${live.length} → Odoo sale orders ${saleOrders.length}, exactly one for ${exactlyOne}; SKU lines compared ${linesChecked}`,
      `deliveries ${deliveries} (orders shipped ${shipped.length}, in two parts ${shipped.filter((o) => o.plan.deliveries.length > 1).length}); units sent ${unitsSent} (shipments on Kaufland ${kaufland.shipments.length}), units not shipped and not sent ${unitsNotSent}`,
      `Odoo buyers ${buyers.length}, address contacts ${contacts.length}; hub orders ${hubStates.join(', ')}; Kaufland amounts compared ${stockChecked}`,
    ],
  };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const show = (map: Map<string, number>) => JSON.stringify([...map].sort());
const sameEntries = (a: Map<string, number>, b: Map<string, number>) => show(a) === show(b);
