/**
 * The protocol between the bench (the hub's process) and its sandbox host (a child process), so the hub's CPU
 * time and memory are its own: both sandboxes hold the whole catalog in memory (~0.5 GB at 100,000 SKUs) and
 * answer every call, which in one process would be counted as the hub's.
 */

export interface StartInput {
  skus: number;
  /** Added to every Odoo RPC and Kaufland /v2 answer. */
  latencyMs: number;
  /** Seed of the pseudo-random choices (stock levels, prices, ordered SKUs), so runs are comparable. */
  seed: number;
  /** How the catalog got into Odoo: grown over time (`history`) or one import transaction (`import`). */
  seedMode: 'history' | 'import';
  /** The seller's one storefront; not `de`: its currency is activated in Odoo at the bench's starting rate. */
  storefront: BenchStorefront;
  /** Every SKU already on sale on Kaufland, as after a first listing (`--listed`, bench/host/kaufland-listed.ts). */
  listed?: boolean;
  /** Seed and measure this real Odoo instead of the Odoo sandbox (`--odoo real`). */
  realOdoo?: RealOdoo;
}

/** A real Odoo's connection (bench/real-odoo.ts reads it from the environment); `secret`: password or API key. */
export interface RealOdoo {
  url: string;
  database: string;
  login: string;
  secret: string;
}

/** Storefronts the bench can list on, and the currency each prices in (EUR is the Odoo company's). */
export const BENCH_CURRENCIES = { de: 'EUR', cz: 'CZK', pl: 'PLN' } as const;
export type BenchStorefront = keyof typeof BENCH_CURRENCIES;
/** Units per 1 EUR the bench starts from: round numbers near the real ones. */
export const START_RATES: Record<string, number> = { CZK: 25, PLN: 4.3 };

export interface Connection {
  kaufland: { baseUrl: string; clientKey: string; secretKey: string };
  odoo: { url: string; database: string; login: string; apiKey: string };
  seedMs: number;
  /** With `listed`: where the consecutive ids start (SKU i is Odoo product firstProductId + i, unit firstUnitId + i). */
  listed?: ListedCatalog;
}

export interface ListedCatalog {
  firstProductId: number;
  firstUnitId: number;
}

/** A stock change made in Odoo: what Kaufland's amount must become, and when it was made (epoch ms). */
export interface StockChange {
  sku: string;
  freeQty: number;
  at: number;
}

export interface CreatedOrder {
  idOrder: string;
  /** Epoch ms just before the order was created on Kaufland. */
  at: number;
  /** The SKU of every piece bought. */
  skus: string[];
}

export interface Usage {
  cpuMs: number;
  rssBytes: number;
  maxRssBytes: number;
}

/** Every request the host answers; `result` is what it answers with. */
export interface HostApi {
  start: { input: StartInput; result: Connection };
  /** Sets a new on-hand quantity, as a stock count in Odoo does (inventory adjustment, done move). */
  changeStock: { input: { skus: string[] }; result: StockChange[] };
  /** `status: 'open'`: bought but not released to ship yet (no address; the hub only reserves their pieces). */
  createOrders: { input: { count: number; units: number; status?: 'open' }; result: CreatedOrder[] };
  /** Odoo's free quantity of these SKUs. */
  odooFree: { input: { skus: string[] }; result: Record<string, number> };
  /** Kaufland's current amounts of these SKUs (absent: no unit). */
  kauflandAmounts: { input: { skus: string[] }; result: Record<string, number> };
  kauflandUnitCount: { input: Record<string, never>; result: number };
  /** Which of these marketplace order ids have an Odoo sale order (by client_order_ref). */
  saleOrders: { input: { refs: string[] }; result: string[] };
  usage: { input: Record<string, never>; result: Usage };
  /** A new rate of the day for `currency` in Odoo (units per 1 EUR), as the seller's accountant enters it. */
  setRate: { input: { currency: string; rate: number }; result: null };
  /** Kaufland's listing price (minor units) per SKU of every unit. */
  kauflandPrices: { input: Record<string, never>; result: Record<string, number> };
  /** Offers on Kaufland, and how many listing prices differ from the previous call's (all on the first). */
  priceChanges: { input: Record<string, never>; result: { offers: number; changed: number } };
  stop: { input: Record<string, never>; result: null };
}

export type Op = keyof HostApi;

export interface Request<K extends Op = Op> {
  id: number;
  op: K;
  input: HostApi[K]['input'];
}

export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
