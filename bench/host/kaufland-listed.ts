import type { KauflandSandbox } from '../../src/sandbox/kaufland/index.ts';
import { channelPriceMinor } from '../../src/sync/streams/offers/channel-price.ts';
import { type BenchProduct } from '../catalog.ts';
import { BENCH_CURRENCIES, START_RATES, type BenchStorefront, type ListedCatalog } from '../ipc.ts';
import type { World } from './world.ts';

/** What a new account's defaults offer: the whole free quantity, the ERP price as it is, 1 day handling. */
const DEFAULT_RULE = { factor: 1, surchargeMinor: 0, rounding: 'none', minimumMinor: null } as const;
const HANDLING_DAYS = 1;
const SEED_CHUNK = 50_000;

/**
 * `--listed`: every SKU is already on sale on Kaufland at the amount and price the hub would send (Odoo's
 * quantity, the EUR price at the bench's starting rate), as after a first listing. The hub's side then starts
 * from the same catalog (bench/seed-hub.ts), so a million SKUs need no hours of one `POST /units` each.
 * Odoo's product ids and Kaufland's unit ids are consecutive per SKU; the hub's catalog is built from that.
 */
export function listEverything(
  kaufland: KauflandSandbox,
  clientKey: string,
  storefront: BenchStorefront,
  products: readonly BenchProduct[],
  productIds: ReadonlyMap<string, number>,
): ListedCatalog {
  const currency = BENCH_CURRENCIES[storefront];
  const price = { currency, rate: START_RATES[currency] ?? 1, rounding: 0.01, rule: DEFAULT_RULE };
  let firstUnitId: number | null = null;
  for (let start = 0; start < products.length; start += SEED_CHUNK) {
    const chunk = products.slice(start, start + SEED_CHUNK).map((p) => ({
      id_offer: p.sku,
      ean: p.ean,
      listing_price: channelPriceMinor(Math.round(p.price * 100), price),
      amount: p.qty,
      handling_time: HANDLING_DAYS,
    }));
    const seeded = kaufland.seedUnits(clientKey, storefront, chunk);
    firstUnitId ??= seeded.firstUnitId;
  }
  const firstProductId = productIds.get(products[0]?.sku ?? '') ?? 0;
  products.forEach((p, i) => {
    if (productIds.get(p.sku) !== firstProductId + i)
      throw new Error(`bench host: Odoo product ids are not consecutive at ${p.sku}`);
  });
  return { firstProductId, firstUnitId: firstUnitId ?? 0 };
}

/** The Kaufland listing prices as of the last call, to count how many a scenario changed. */
let lastPrices: Map<string, number> | undefined;

/** Counts the offers whose listing price differs from the previous call's (all of them on the first call). */
export function priceChanges(world: World): { offers: number; changed: number } {
  const prices = new Map<string, number>();
  let changed = 0;
  for (const unit of world.kaufland.state().units) {
    if (unit.id_offer === null) continue;
    prices.set(unit.id_offer, unit.listing_price);
    if (lastPrices?.get(unit.id_offer) !== unit.listing_price) changed += 1;
  }
  lastPrices = prices;
  return { offers: prices.size, changed };
}
