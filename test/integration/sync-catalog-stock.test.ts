import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRecords } from '../../src/sandbox/odoo/orm/write.ts';
import type { CallCounts } from '../../src/sync/run-counts.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

const MUG = { sku: 'MUG-1', ean: '4006381333931', name: 'Mug', price: 12.5, qty: 10 };
const PLATE = { sku: 'PLATE-1', ean: '4006381333948', name: 'Plate', price: 5, qty: 3 };
const BOWL = { sku: 'BOWL-1', name: 'Bowl without barcode', price: 7, qty: 7 };

const callsTo = (calls: CallCounts, system: string) =>
  Object.entries(calls)
    .filter(([key]) => key.startsWith(`${system} `))
    .reduce((sum, [, n]) => sum + n, 0);

function unitsBySku(world: SyncWorld) {
  return new Map(world.kaufland.state().units.map((unit) => [unit.id_offer, unit]));
}

/**
 * Odoo's change cursors work to the second and skip records already delivered in that second (see
 * src/connectors/odoo/cursor.ts), so a product edit lands in the next second, as it would between real runs.
 */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1_010 - (Date.now() % 1_000)));

function openIssues(world: SyncWorld, code: string) {
  return world.app.ctx.db
    .selectFrom('sync_issues')
    .selectAll()
    .where('code', '=', code)
    .where('resolved_at', 'is', null)
    .execute();
}

describe('catalog and stock steps against both sandboxes', () => {
  let world: SyncWorld;

  beforeAll(async () => {
    world = await startSyncWorld({ products: [MUG, PLATE, BOWL], settings: { productStockSync: true } });
    // Listed on Kaufland by hand, with a SKU Odoo does not have.
    await world.kauflandClient.units.create('de', {
      id_offer: 'GHOST-1',
      ean: '4006381333955',
      amount: 2,
      listing_price: 999,
      handling_time: 1,
      condition: 'NEW',
    });
  });
  afterAll(() => world?.close());

  it('first run: offers every SKU with an EAN at its free quantity and price in cents', async () => {
    const outcome = await world.run('stock');
    expect(outcome.status).toBe('succeeded');
    const units = unitsBySku(world);
    expect(units.get('MUG-1')).toMatchObject({ amount: 10, listing_price: 1250, handling_time: 1 });
    expect(units.get('PLATE-1')).toMatchObject({ amount: 3, listing_price: 500 });
    expect(units.has('BOWL-1')).toBe(false);
    expect(outcome.counts).toMatchObject({ created: 2, failed: 0 });
    expect(outcome.apiCalls['kaufland POST /units']).toBe(2);
    expect(outcome.apiCalls['kaufland GET /units']).toBe(1); // the one listing of the first run
  });

  it('raises sku.no_ean for the product without EAN and leaves it unoffered', async () => {
    const issues = await openIssues(world, 'sku.no_ean');
    expect(issues.map((issue) => issue.subject)).toEqual(['BOWL-1']);
    expect(issues[0]?.message).toContain(
      'SKU BOWL-1 has no EAN in Odoo, so it cannot be offered on Kaufland',
    );
    expect(issues[0]?.hint).toContain('Add the EAN (barcode) to the product in Odoo');
  });

  it('raises an issue for the Kaufland offer whose SKU is unknown to Odoo', async () => {
    const issues = await openIssues(world, 'sku.not_in_erp_offer');
    expect(issues.map((issue) => issue.subject)).toEqual(['GHOST-1']);
    expect(issues[0]?.message).toBe('Kaufland offer GHOST-1 has no product in Odoo.');
    expect(unitsBySku(world).get('GHOST-1')).toMatchObject({ amount: 2, listing_price: 999 }); // left alone
  });

  it('second run without a change makes no Kaufland call at all', async () => {
    const outcome = await world.run('stock');
    expect(outcome.status).toBe('succeeded');
    expect(callsTo(outcome.apiCalls, 'kaufland')).toBe(0);
    expect(callsTo(outcome.apiCalls, 'odoo')).toBeLessThanOrEqual(10);
  });

  it('a stock change in Odoo goes out in one bulk call with the new sellable quantity', async () => {
    world.odoo.seed({ products: [{ ...MUG, qty: 4 }] });
    const outcome = await world.run('stock');
    expect(outcome.apiCalls).toMatchObject({ 'kaufland POST /units/bulk': 1 });
    expect(callsTo(outcome.apiCalls, 'kaufland')).toBe(1);
    expect(outcome.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(unitsBySku(world).get('MUG-1')).toMatchObject({ amount: 4, listing_price: 1250 });
    expect(unitsBySku(world).get('PLATE-1')).toMatchObject({ amount: 3 });
  });

  it('applies both safety buffers and the price rule to every offer when they change', async () => {
    await world.app.ctx.erp.patch({ settings: { safetyBuffer: 1 } });
    await world.app.ctx.accounts.patch(world.account.id, {
      settings: { safetyBuffer: 1, priceRule: { factor: 1.1, rounding: 'up_99', minimumMinor: 600 } },
    });
    const outcome = await world.run('stock');
    expect(outcome.apiCalls).toMatchObject({ 'kaufland POST /units/bulk': 1 });
    expect(callsTo(outcome.apiCalls, 'kaufland')).toBe(1);
    const units = unitsBySku(world);
    // 4 free − 1 − 1; 12.50 × 1.1 = 13.75 → 13.99.
    expect(units.get('MUG-1')).toMatchObject({ amount: 2, listing_price: 1399 });
    // 3 free − 2 = 1; 5.00 × 1.1 = 5.50 → 5.99, raised to the 6.00 minimum.
    expect(units.get('PLATE-1')).toMatchObject({ amount: 1, listing_price: 600 });
    expect(callsTo((await world.run('stock')).apiCalls, 'kaufland')).toBe(0);
  });

  it('offers a product once its EAN appears, and closes its sku.no_ean issue', async () => {
    await nextSecond();
    world.odoo.seed({ products: [{ ...BOWL, ean: '4006381333962' }] });
    const catalog = await world.run('catalog');
    expect(catalog.status).toBe('succeeded');
    // Read may include MUG-1 too (the seed above rewrote its fields); only BOWL-1 changed in the catalog.
    expect(catalog.counts).toMatchObject({ created: 0, updated: 1 });
    expect(await openIssues(world, 'sku.no_ean')).toEqual([]);
    const stock = await world.run('stock');
    expect(stock.apiCalls['kaufland POST /units']).toBe(1);
    // 7 free − 2; 7.00 × 1.1 = 7.70 → 7.99.
    expect(unitsBySku(world).get('BOWL-1')).toMatchObject({ amount: 5, listing_price: 799 });
  });

  it('an archived product keeps its offer at amount 0', async () => {
    await nextSecond();
    const env = world.odoo.instance.env(2);
    const plate = env.db.all('product.product').find((p) => p.default_code === PLATE.sku);
    writeRecords(env, 'product.product', [plate!.id], { active: false });
    expect((await world.run('catalog')).counts).toMatchObject({ created: 0, updated: 1 });
    const outcome = await world.run('stock');
    expect(outcome.apiCalls).toMatchObject({ 'kaufland POST /units/bulk': 1 });
    expect(unitsBySku(world).get('PLATE-1')).toMatchObject({ amount: 0 });
    expect(
      world.kaufland
        .state()
        .units.map((unit) => unit.id_offer)
        .sort(),
    ).toContain(PLATE.sku); // never deleted
  });
});

describe('stock step at volume', () => {
  const COUNT = 320;
  let world: SyncWorld;
  const products = Array.from({ length: COUNT }, (_, i) => ({
    sku: `SKU-${String(i).padStart(4, '0')}`,
    ean: String(4_000_000_000_000 + i),
    price: 10,
    qty: 20,
  }));

  beforeAll(async () => {
    world = await startSyncWorld({ products, settings: { productStockSync: true } });
  });
  afterAll(() => world?.close());

  it('sends 320 changed SKUs in ⌈320/150⌉ = 3 bulk calls and nothing else', async () => {
    const first = await world.run('stock');
    expect(first.counts.created).toBe(COUNT);
    expect(world.kaufland.state().units).toHaveLength(COUNT);

    world.odoo.seed({ products: products.map((p, i) => ({ ...p, qty: i % 7 })) });
    const outcome = await world.run('stock');
    expect(outcome.apiCalls).toEqual(expect.objectContaining({ 'kaufland POST /units/bulk': 3 }));
    expect(callsTo(outcome.apiCalls, 'kaufland')).toBe(3);
    expect(callsTo(outcome.apiCalls, 'odoo')).toBeLessThanOrEqual(10);
    expect(outcome.counts).toMatchObject({ updated: COUNT, failed: 0 });
    const units = unitsBySku(world);
    expect(products.every((p, i) => units.get(p.sku)?.amount === i % 7)).toBe(true);
  });
});
