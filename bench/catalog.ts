/** The bench catalog: SKU i is BENCH-000000i with a valid EAN-13, so Kaufland accepts every offer. */

export function skuOf(index: number): string {
  return `BENCH-${String(index).padStart(6, '0')}`;
}

/** 12 digits (prefix 400, a German GS1 range, then the index) plus the EAN-13 check digit. */
export function eanOf(index: number): string {
  const first12 = `400${String(index).padStart(9, '0')}`;
  const sum = [...first12].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

/** mulberry32: a small seeded generator, so two runs with the same --seed change and order the same SKUs. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
