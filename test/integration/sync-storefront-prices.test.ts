import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CallCounts } from '../../src/sync/run-counts.ts';
import { signedInClient } from '../helpers/app.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/** One Odoo price in EUR, listed on de (EUR), cz (CZK) and pl (PLN). */
const PACK = { sku: 'PACK-1', ean: '4006381333931', name: 'Daypack', price: 57.49, qty: 5 };
const CUP = { sku: 'CUP-1', ean: '4006381333948', name: 'Cup', price: 1, qty: 5 };
const BOX = { sku: 'BOX-1', ean: '4006381333955', name: 'Box', price: 100, qty: 5 };

const callsTo = (calls: CallCounts, system: string) =>
  Object.entries(calls)
    .filter(([key]) => key.startsWith(`${system} `))
    .reduce((sum, [, n]) => sum + n, 0);

const today = () => new Date().toISOString().slice(0, 10);

describe('offers priced per storefront in its currency at Odoo’s rate', () => {
  let world: SyncWorld;
  let api: Awaited<ReturnType<typeof signedInClient>>;

  const units = (storefront: string) =>
    new Map(
      world.kaufland
        .state()
        .units.filter((unit) => unit.storefront === storefront)
        .map((unit) => [unit.id_offer, unit]),
    );
  const issues = (code: string) =>
    world.app.ctx.db
      .selectFrom('sync_issues')
      .selectAll()
      .where('code', '=', code)
      .where('resolved_at', 'is', null)
      .orderBy('subject')
      .execute();

  /** The seller's side, through Odoo's normal API over HTTP: find a currency (active or not) by code. */
  async function currencyId(code: string): Promise<number> {
    const client = await world.odooClient();
    const [row] = await client.searchRead(
      'res.currency',
      { domain: [['name', '=', code]], fields: ['name'], context: { active_test: false } },
      z.looseObject({ id: z.number() }),
    );
    return row!.id;
  }
  async function setRate(code: string, rate: number): Promise<void> {
    const client = await world.odooClient();
    const id = await currencyId(code);
    await client.write('res.currency', [id], { active: true });
    const existing = await client.search('res.currency.rate', [
      ['currency_id', '=', id],
      ['name', '=', today()],
    ]);
    if (existing.length > 0) await client.write('res.currency.rate', existing, { rate });
    else await client.create('res.currency.rate', { name: today(), rate, currency_id: id, company_id: 1 });
  }

  beforeAll(async () => {
    world = await startSyncWorld({
      products: [PACK, CUP, BOX],
      storefronts: ['de', 'cz', 'pl'],
      settings: { productStockSync: true },
    });
    api = await signedInClient(world.app);
  });
  afterAll(() => world?.close());

  it('no rate, no guess: CZK and PLN inactive in Odoo list only DE, with one issue per currency', async () => {
    const outcome = await world.run('stock');
    expect(outcome.status).toBe('succeeded');
    expect(units('de').get('PACK-1')).toMatchObject({ listing_price: 5749, amount: 5 });
    expect(units('cz').size).toBe(0);
    expect(units('pl').size).toBe(0);
    await world.run('stock');
    const open = await issues('price.currency_without_rate');
    expect(open.map((issue) => issue.subject)).toEqual(['CZK', 'PLN']);
    expect(open[0]?.hint).toBe(
      'Activate CZK in Odoo, Accounting → Configuration → Currencies, and give it a rate.',
    );
    expect(open[0]?.message).toContain('CZK is inactive in Odoo');
  });

  it('an active currency still without a rate is no rate either (Odoo would read 1.0)', async () => {
    const client = await world.odooClient();
    await client.write('res.currency', [await currencyId('PLN')], { active: true });
    await world.run('stock');
    expect(units('pl').size).toBe(0);
    const pln = (await issues('price.currency_without_rate')).find((issue) => issue.subject === 'PLN');
    expect(pln?.message).toContain('PLN is active but has no rate in Odoo');
  });

  it('DE, CZ and PL prices from one Odoo price and rate; the issues clear when the rates appear', async () => {
    await setRate('CZK', 25.21);
    await setRate('PLN', 4.285);
    const outcome = await world.run('stock');
    expect(outcome.status).toBe('succeeded');
    expect(units('de').get('PACK-1')).toMatchObject({ listing_price: 5749 });
    // 57.49 EUR × 25.21 = 1,449.3229 → 1,449.32 CZK; × 4.285 = 246.34465 → 246.34 PLN (Odoo's rounding).
    expect(units('cz').get('PACK-1')).toMatchObject({ listing_price: 144932, amount: 5 });
    expect(units('pl').get('PACK-1')).toMatchObject({ listing_price: 24634, amount: 5 });
    expect(await issues('price.currency_without_rate')).toEqual([]);
  });

  it('storefront price rules apply in the storefront’s currency, never below the minimum', async () => {
    const patched = await api('PATCH', `/api/accounts/${world.account.id}`, {
      settings: { storefrontPriceRules: { cz: { rounding: 'whole', minimumMinor: 5000 } } },
    });
    expect(patched.status).toBe(200);
    // The storefront's rule starts from the account's (factor 1, no surcharge) and keeps its own fields.
    expect(patched.json.account.settings.storefrontPriceRules).toEqual({
      cz: { factor: 1, surchargeMinor: 0, rounding: 'whole', minimumMinor: 5000 },
    });
    const outcome = await world.run('stock');
    // Only CZ changes: 1 bulk call. 1,449.32 → 1,450.00 CZK; the 1 EUR cup (25.21) rises to the 50.00 minimum.
    expect(callsTo(outcome.apiCalls, 'kaufland')).toBe(1);
    expect(units('cz').get('PACK-1')).toMatchObject({ listing_price: 145000 });
    expect(units('cz').get('CUP-1')).toMatchObject({ listing_price: 5000 });
    expect(units('cz').get('BOX-1')).toMatchObject({ listing_price: 252100 });
    expect(units('de').get('CUP-1')).toMatchObject({ listing_price: 100 });
  });

  it('the offers API shows each amount with its currency: EUR in Odoo, CZK on kaufland.cz', async () => {
    const page = await api('GET', `/api/offers?account=${world.account.id}&channel=cz&q=PACK-1`);
    expect(page.status).toBe(200);
    expect(page.json.offers[0]).toMatchObject({
      sku: 'PACK-1',
      erpPriceMinor: 5749,
      erpCurrency: 'EUR',
      currency: 'CZK',
      offeredPriceMinor: 145000,
      marketplacePriceMinor: 145000,
    });
    const de = await api('GET', `/api/offers?account=${world.account.id}&channel=de&q=PACK-1`);
    expect(de.json.offers[0]).toMatchObject({ erpCurrency: 'EUR', currency: 'EUR', offeredPriceMinor: 5749 });
  });

  it('a new rate reprices only the offers whose price changes', async () => {
    await setRate('CZK', 25.22);
    const before = units('cz');
    const outcome = await world.run('stock');
    // 100 EUR: 2,521 → 2,522 CZK; the pack (1,449.90 → 1,450.00) and the cup (the minimum) keep their prices.
    expect(outcome.apiCalls['kaufland POST /units/bulk']).toBe(1);
    expect(callsTo(outcome.apiCalls, 'kaufland')).toBe(1);
    expect(outcome.counts).toMatchObject({ updated: 1, failed: 0 });
    const after = units('cz');
    expect(after.get('BOX-1')).toMatchObject({ listing_price: 252200 });
    expect(after.get('PACK-1')?.listing_price).toBe(before.get('PACK-1')?.listing_price);
    expect(callsTo((await world.run('stock')).apiCalls, 'kaufland')).toBe(0);
  });

  it('a jump of more than 50 % holds CZK prices with an issue while amounts still sync', async () => {
    await setRate('CZK', 2.522); // a slipped decimal point
    world.odoo.seed({ products: [{ ...BOX, qty: 2 }] });
    const outcome = await world.run('stock');
    expect(outcome.status).toBe('succeeded');
    expect(units('cz').get('BOX-1')).toMatchObject({ listing_price: 252200, amount: 2 });
    expect(units('cz').get('PACK-1')).toMatchObject({ listing_price: 145000 });
    const [held] = await issues('price.rate_held');
    expect(held?.subject).toBe('CZK');
    expect(held?.message).toContain('moved from 25.22 to 2.522');
    // Held: the offers view keeps showing the price at the last accepted rate.
    const page = await api('GET', `/api/offers?account=${world.account.id}&channel=cz&q=BOX-1`);
    expect(page.json.offers[0]).toMatchObject({ currency: 'CZK', offeredPriceMinor: 252200 });
    // Corrected in Odoo: the issue clears and nothing is repriced.
    await setRate('CZK', 25.22);
    const fixed = await world.run('stock');
    expect(callsTo(fixed.apiCalls, 'kaufland')).toBe(0);
    expect(await issues('price.rate_held')).toEqual([]);
  });
});
