/**
 * What a session learns once about order money and reuses for every later batch: the pricelist per marketplace
 * and currency, each tax's kind and each excluded tax's price-included twin. Without it every 50-order batch
 * re-read them (~5 calls); with it a batch costs 2 calls for its line taxes (read lines, write the swaps).
 * A session lives for one sync run, and a worker's runs share what it learnt for up to a minute
 * (src/core/session-memory.ts): a tax or pricelist changed in Odoo is seen within that, or on the run after one
 * it made fail or refuse an order.
 */
export class OrderMoneyCache {
  readonly pricelists = new Map<string, number>();
  readonly taxes = new Map<number, CachedTax>();
  readonly twins = new Map<number, CachedTax>();
  /** The "Rounding difference <marketplace>" service product per marketplace (rounding-line.ts). */
  readonly roundingProducts = new Map<string, number>();
}

export interface CachedTax {
  id: number;
  name: string;
  amount: number;
  amount_type: string;
  price_include: boolean;
  company_id: [number, string] | false;
}
