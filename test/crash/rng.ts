import { ean13 as completeEan } from '../../src/core/ean.ts';
import { createRandom } from '../../src/core/random.ts';

/** Seeded: the same seed gives the same orders, shipments, faults and kill times. */
export function seededRandom(seed: number): () => number {
  return createRandom(seed).next;
}

/** An integer in [min, max], both included. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A valid EAN-13 (GS1 check digit) from a stem of up to 12 digits. */
export function ean13(stem: string): string {
  return completeEan(stem.padStart(12, '0').slice(-12));
}
