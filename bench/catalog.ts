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
