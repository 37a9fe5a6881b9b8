import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallCounts } from '../../src/sync/run-counts.ts';
import { signedInClient } from '../helpers/app.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

// Issue 15, "never oversell": pieces sold on Kaufland that Odoo has not reserved yet are held back from every
// account's offers, from the first poll that sees the sale until Odoo confirms the sale order.
const LAST = { sku: 'LAST-1', ean: '4006381333931', name: 'Last lamp', price: 30, qty: 1 };
const BACK = { sku: 'BACK-1', ean: '4006381333955', name: 'Returned rug', price: 50, qty: 2 };
const DOWN = { sku: 'DOWN-1', ean: '4006381333962', name: 'Desk', price: 80, qty: 4 };
const CALM = { sku: 'CALM-1', ean: '4006381333986', name: 'Candle', price: 8, qty: 5 };

const callsTo = (calls: CallCounts, system: string) =>
  Object.entries(calls)
    .filter(([key]) => key.startsWith(`${system} `))
    .reduce((sum, [, n]) => sum + n, 0);

describe('the reservation ledger keeps sold pieces off every offer until Odoo reserves them', () => {
  let world: SyncWorld;
  let second: Awaited<ReturnType<SyncWorld['addAccount']>>;
  let api: Awaited<ReturnType<typeof signedInClient>>;

  /** What Kaufland offers now: the sandbox's unit of this seller (the shared amount of all its storefronts). */
  const offered = (clientKey: string, sku: string) =>
    world.kaufland.state().units.find((u) => u.client_key === clientKey && u.id_offer === sku)?.amount;
  const onFirst = (sku: string) => offered(world.keys.client_key, sku);
  const onSecond = (sku: string) => offered(second.keys.client_key, sku);
  const reserved = async (sku: string) =>
    (
      await world.app.ctx.db
        .selectFrom('catalog_products')
        .select('reserved_qty')
        .where('sku', '=', sku)
        .executeTakeFirstOrThrow()
    ).reserved_qty;
  const hubOrder = (ref: string) =>
    world.app.ctx.db
      .selectFrom('hub_orders')
      .selectAll()
      .where('marketplace_order_id', '=', ref)
      .executeTakeFirstOrThrow();
  const saleOrders = (ref: string) => world.odoo.state().orders.filter((o) => o.clientOrderRef === ref);
  const buy = (sku: string, status: 'open' | 'need_to_be_sent' = 'open') =>
    world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items: [{ id_offer: sku, quantity: 1 }],
      status,
    });
  /** The order's reservation as its timeline in the dashboard API shows it. */
  const reservationTimeline = async (ref: string) => {
    const { id } = await hubOrder(ref);
    const detail = await api('GET', `/api/orders/${id}`);
    expect(detail.status).toBe(200);
    return (detail.json.timeline as { event: string; detail: string }[])
      .filter((e) => e.event === 'reserved' || e.event === 'released')
      .map((e) => `${e.event}: ${e.detail}`);
  };
  const offersPage = async (sku: string) => {
    const page = await api('GET', `/api/offers?account=${world.account.id}&channel=de&q=${sku}`);
    expect(page.status).toBe(200);
    return page.json.offers[0];
  };
  const stockEverywhere = async () => {
    expect((await world.run('stock')).status).toBe('succeeded');
    expect((await second.run('stock')).status).toBe('succeeded');
  };

  beforeAll(async () => {
    world = await startSyncWorld({
      products: [LAST, BACK, DOWN, CALM],
      settings: { productStockSync: true },
    });
    second = await world.addAccount({ name: 'Second Store', settings: { productStockSync: true } });
    api = await signedInClient(world.app);
    await stockEverywhere();
    // The cancellations step starts from its first run: cancellations before it concern no hub order.
    await world.run('cancellations');
  });
  afterAll(() => world?.close());

  it('both accounts offer the whole free quantity before any sale', () => {
    for (const { sku, qty } of [LAST, BACK, DOWN, CALM]) {
      expect(onFirst(sku), sku).toBe(qty);
      expect(onSecond(sku), sku).toBe(qty);
    }
  });

  let lastSale: ReturnType<typeof buy>;
  it('the last piece sold on one account (unit open) drops the other account to 0 within one stock run, without Odoo', async () => {
    lastSale = buy(LAST.sku);
    expect(onFirst(LAST.sku)).toBe(0); // Kaufland lowers the buyer's account itself

    const orders = await world.run('orders');
    expect(orders.status).toBe('succeeded');
    expect(await hubOrder(lastSale.id_order)).toMatchObject({ state: 'open', erp_order_id: null });
    expect(saleOrders(lastSale.id_order)).toEqual([]); // open orders are never imported

    const run = await second.run('stock');
    expect(run.status).toBe('succeeded');
    expect(await reserved(LAST.sku)).toBe(1);
    expect(onSecond(LAST.sku)).toBe(0);
    expect(run.apiCalls['kaufland POST /units/bulk']).toBe(1);
    expect(callsTo(run.apiCalls, 'kaufland')).toBe(1);
    // Odoo still counts the piece as free: the hub alone knows it is sold.
    expect(world.odoo.state().products.find((p) => p.sku === LAST.sku)!.free).toBe(1);
    expect(await reservationTimeline(lastSale.id_order)).toEqual([`reserved: 1 × ${LAST.sku}`]);
  });

  it('when Odoo receives one more piece (2 free, 1 owed to the open order), Kaufland is offered 1, not 2', async () => {
    world.odoo.seed({ products: [{ ...LAST, qty: 2 }] });
    await stockEverywhere();
    // The buyer's account too: Kaufland lowered it to 0 at the sale while the hub had last confirmed 1, the
    // amount it wants now; the sale made the hub forget its number, so 1 is sent.
    expect(onFirst(LAST.sku)).toBe(1);
    expect(onSecond(LAST.sku)).toBe(1);
    // Nothing changed since: no call.
    expect(callsTo((await second.run('stock')).apiCalls, 'kaufland')).toBe(0);
    expect(await offersPage(LAST.sku)).toMatchObject({
      erpQuantity: 2,
      reservedQty: 1,
      bufferQty: 0,
      offeredQty: 1,
      marketplaceAmount: 1,
    });
  });

  it('once the order is released and in Odoo, Odoo holds the reservation and the amounts stay right', async () => {
    await world.kauflandClient.orderUnits.fulfil(lastSale.order_units[0]!.id_order_unit);
    await world.run('orders');
    expect(saleOrders(lastSale.id_order)).toHaveLength(1);
    expect(await hubOrder(lastSale.id_order)).toMatchObject({ state: 'in_erp' });
    expect(world.odoo.state().products.find((p) => p.sku === LAST.sku)!.free).toBe(1);

    await stockEverywhere();
    expect(await reserved(LAST.sku)).toBe(0);
    expect(onFirst(LAST.sku)).toBe(1);
    expect(onSecond(LAST.sku)).toBe(1);
    const { erp_order_name } = await hubOrder(lastSale.id_order);
    expect(await reservationTimeline(lastSale.id_order)).toEqual([
      `reserved: 1 × ${LAST.sku}`,
      `released: Taken over by the ERP: sale order ${erp_order_name} confirmed`,
    ]);
    expect(await offersPage(LAST.sku)).toMatchObject({ erpQuantity: 1, reservedQty: 0, offeredQty: 1 });
  });

  it('a held order keeps its pieces reserved until it goes through', async () => {
    // A SKU on Kaufland that Odoo does not know: the order is held, and its piece stays reserved once the
    // product exists, until the held order is in Odoo.
    await world.kauflandClient.units.create('de', {
      id_offer: 'LATE-1',
      ean: '4006381333979',
      listing_price: 999,
      amount: 5,
      handling_time: 1,
      condition: 'NEW',
    });
    const held = buy('LATE-1', 'need_to_be_sent');
    await world.run('orders');
    expect(await hubOrder(held.id_order)).toMatchObject({ state: 'held' });

    world.odoo.seed({
      products: [{ sku: 'LATE-1', ean: '4006381333979', name: 'Late', price: 9.99, qty: 3 }],
    });
    await world.run('catalog');
    await stockEverywhere();
    expect(await reserved('LATE-1')).toBe(1);
    expect(onFirst('LATE-1')).toBe(2); // 3 free − 1 held
    expect(onSecond('LATE-1')).toBe(2);

    await world.run('orders');
    expect(await hubOrder(held.id_order)).toMatchObject({ state: 'in_erp' });
    await stockEverywhere();
    expect(await reserved('LATE-1')).toBe(0);
    expect(onFirst('LATE-1')).toBe(2); // now 2 free in Odoo
    expect(onSecond('LATE-1')).toBe(2);
  });

  it('an order in flight while Odoo is down keeps its pieces reserved', async () => {
    const sale = buy(DOWN.sku, 'need_to_be_sent');
    world.odoo.setFaults({ rate: 1, kinds: ['http503'] });
    await expect(world.run('orders')).rejects.toMatchObject({ kind: 'transient' });
    world.odoo.setFaults({ rate: 0 });
    expect(await hubOrder(sale.id_order)).toMatchObject({ state: 'received' });

    // A shop sale in Odoo meanwhile (4 → 3 free): Odoo's number alone would give the Kaufland piece back.
    world.odoo.seed({ products: [{ ...DOWN, qty: 3 }] });
    await stockEverywhere();
    expect(onFirst(DOWN.sku)).toBe(2);
    expect(onSecond(DOWN.sku)).toBe(2);

    await world.run('orders');
    await stockEverywhere();
    expect(await reserved(DOWN.sku)).toBe(0);
    expect(onFirst(DOWN.sku)).toBe(2);
    expect(onSecond(DOWN.sku)).toBe(2);
  });

  it('a cancelled open order gives its pieces back on every account', async () => {
    const sale = buy(BACK.sku);
    await world.run('orders');
    await stockEverywhere();
    expect(onFirst(BACK.sku)).toBe(1);
    expect(onSecond(BACK.sku)).toBe(1);

    await world.kauflandClient.orderUnits.cancel(sale.order_units[0]!.id_order_unit, 'BuyerCancelled');
    expect((await world.run('cancellations')).status).toBe('succeeded');
    expect(await hubOrder(sale.id_order)).toMatchObject({ state: 'cancelled' });
    await stockEverywhere();
    expect(await reserved(BACK.sku)).toBe(0);
    // Kaufland does not restore the amount of a cancelled unit; the hub sends it.
    expect(onFirst(BACK.sku)).toBe(2);
    expect(onSecond(BACK.sku)).toBe(2);
    expect(saleOrders(sale.id_order)).toEqual([]);
    expect(await reservationTimeline(sale.id_order)).toEqual([
      `reserved: 1 × ${BACK.sku}`,
      'released: Given back: the order was cancelled before it reached the ERP',
    ]);
  });

  it('a unit cancelled while its order is open gives its piece back, raises nothing, and the rest goes to Odoo', async () => {
    // 2 free in Odoo since the in-flight test; both bought, one cancelled before the order is released.
    const sale = world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items: [{ id_offer: DOWN.sku, quantity: 2 }],
      status: 'open',
    });
    await world.run('orders');
    await stockEverywhere();
    expect(onSecond(DOWN.sku)).toBe(0);

    const [kept, dropped] = sale.order_units;
    await world.kauflandClient.orderUnits.cancel(dropped!.id_order_unit, 'BuyerCancelled');
    await world.run('cancellations');
    const issues = await world.app.ctx.db
      .selectFrom('sync_issues')
      .select('code')
      .where('subject', '=', sale.id_order)
      .execute();
    expect(issues).toEqual([]); // not in Odoo yet: nothing for the seller to remove there
    await stockEverywhere();
    expect(await reserved(DOWN.sku)).toBe(1);
    expect(onFirst(DOWN.sku)).toBe(1);
    expect(onSecond(DOWN.sku)).toBe(1);

    await world.kauflandClient.orderUnits.fulfil(kept!.id_order_unit);
    await world.run('orders');
    const [saleOrder] = saleOrders(sale.id_order);
    const lines = world.odoo.instance.store
      .all('sale.order.line')
      .filter((l) => l.order_id === saleOrder!.id && Number(l.price_unit) > 0);
    expect(lines.map((l) => l.product_uom_qty)).toEqual([1]);
    await stockEverywhere();
    expect(await reserved(DOWN.sku)).toBe(0);
    expect(onFirst(DOWN.sku)).toBe(1);
    expect(onSecond(DOWN.sku)).toBe(1);
  });

  it("the buyer's account needs no call when Kaufland's own decrement is known, and is resent when it is not", async () => {
    // The hub confirmed the buyer account's amount (5) minutes before the sale: Kaufland now shows 5 − 1.
    await world.app.ctx.db
      .updateTable('offers')
      .set({ confirmed_at: new Date(Date.now() - 5 * 60_000) })
      .where('account_id', '=', world.account.id)
      .where('sku', '=', CALM.sku)
      .execute();
    buy(CALM.sku);
    await world.run('orders');
    const own = await world.run('stock');
    expect(callsTo(own.apiCalls, 'kaufland')).toBe(0);
    expect(onFirst(CALM.sku)).toBe(4);
    await second.run('stock');
    expect(onSecond(CALM.sku)).toBe(4);

    // A second sale, then, before the hub polls it, a stock update sends Odoo's 6 − the 1 known = 5 to the buyer's
    // account: that absolute amount overwrites Kaufland's decrement. The poll must not take 5 − 1 for granted.
    buy(CALM.sku);
    world.odoo.seed({ products: [{ ...CALM, qty: 6 }] });
    await world.run('stock');
    expect(onFirst(CALM.sku)).toBe(5);
    await world.run('orders');
    await stockEverywhere();
    expect(await reserved(CALM.sku)).toBe(2);
    expect(onFirst(CALM.sku)).toBe(4); // 6 free − 2 sold
    expect(onSecond(CALM.sku)).toBe(4);
  });

  it('an account with an allocation offers its share of what is left after the reservations, at most its maximum', async () => {
    // CALM: 6 free in Odoo, 2 sold and not in Odoo → 4 sellable; the second account may offer half, at most 3.
    await world.app.ctx.accounts.patch(second.account.id, {
      settings: { allocationPercent: 50, allocationMax: 3 },
    });
    const run = await second.run('stock');
    expect(run.status).toBe('succeeded');
    expect(onSecond(CALM.sku)).toBe(2);
    expect(onSecond(BACK.sku)).toBe(1); // 2 sellable × 50 %
    expect(onFirst(CALM.sku)).toBe(4); // the first account has none: everything sellable
    const page = await api('GET', `/api/offers?account=${second.account.id}&channel=de&q=${CALM.sku}`);
    expect(page.json.offers[0]).toMatchObject({ erpQuantity: 6, reservedQty: 2, offeredQty: 2 });

    await world.app.ctx.accounts.patch(second.account.id, {
      settings: { allocationPercent: null, allocationMax: null },
    });
    await second.run('stock');
    expect(onSecond(CALM.sku)).toBe(4);
  });
});
