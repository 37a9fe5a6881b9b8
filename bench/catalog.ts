import { ean13 } from '../src/core/ean.ts';
import { createRandom } from '../src/core/random.ts';

/** The bench catalog: SKU i is BENCH-000000i with a valid EAN-13, so Kaufland accepts every offer. */

export function skuOf(index: number): string {
  return `BENCH-${String(index).padStart(6, '0')}`;
}

/** 12 digits (prefix 400, a German GS1 range, then the index) plus the EAN-13 check digit. */
export function eanOf(index: number): string {
  return ean13(`400${String(index).padStart(9, '0')}`);
}

/** Seeded, so two runs with the same --seed change and order the same SKUs. */
export function random(seed: number): () => number {
  return createRandom(seed).next;
}

export interface BenchProduct {
  sku: string;
  ean: string;
  name: string;
  /** EUR, 1.00–100.99. */
  price: number;
  /** On hand, 1–50. */
  qty: number;
}

/**
 * The catalog, product by product, from one seeded random source: the sandbox host seeds Odoo from it and the
 * hub's side (bench/seed-hub.ts) rebuilds the same values one chunk at a time, never the whole list at once.
 */
export function* benchProducts(count: number, rng: () => number): Generator<BenchProduct> {
  for (let i = 0; i < count; i += 1) {
    const price = 1 + Math.floor(rng() * 10_000) / 100;
    const qty = 1 + Math.floor(rng() * 50);
    yield { sku: skuOf(i), ean: eanOf(i), name: `Bench product ${i}`, price, qty };
  }
}
