import type { Env, ModelDef, Rec } from '../models/types.ts';
import { fieldReader } from './registry.ts';

type Compare = (a: number, b: number) => number;

/** Every column holds one kind of value (strings, or numbers without NaN) besides nulls: `<` is then a total order. */
function totalOrder(columns: unknown[][]): boolean {
  return columns.every((column) => {
    let kind: string | undefined;
    for (const value of column) {
      if (value === null) continue;
      if (typeof value !== 'string' && (typeof value !== 'number' || Number.isNaN(value))) return false;
      if (kind !== undefined && typeof value !== kind) return false;
      kind = typeof value;
    }
    return true;
  });
}

/** The first `k` of `0..n-1` in order, through a heap of k: ~n comparisons instead of the ~n·log n of a sort. */
function smallest(n: number, k: number, compare: Compare): number[] {
  const heap: number[] = [];
  const swap = (i: number, j: number) => {
    [heap[i], heap[j]] = [heap[j] as number, heap[i] as number];
  };
  const after = (i: number, j: number) => compare(heap[i] as number, heap[j] as number) > 0;
  for (let item = 0; item < n; item += 1) {
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && after(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (compare(item, heap[0] as number) < 0) {
      heap[0] = item;
      for (let i = 0; ;) {
        const [left, right] = [2 * i + 1, 2 * i + 2];
        let last = i;
        if (left < k && after(left, last)) last = left;
        if (right < k && after(right, last)) last = right;
        if (last === i) break;
        swap(i, last);
        i = last;
      }
    }
  }
  return heap.sort(compare);
}

/**
 * `order` as PostgreSQL applies it, `id` last. Keys are read once per record, not twice per comparison, and
 * when only the first `wanted` records are needed and the keys are totally ordered (the id term makes every
 * record distinct) they are picked with a heap: the sorted order is then unique, so the page is the one a full
 * sort gives. 100,000 products by `list_price, id`: ~190 ms before, ~40 ms with keys read once, ~20 ms for a
 * page of 500 (reading the keys is most of it).
 */
export function sortRecords(
  env: Env,
  model: ModelDef,
  recs: Rec[],
  order?: string | null,
  wanted?: number,
): Rec[] {
  const terms = `${order || model.order}, id`.split(',').map((term) => {
    const [name = 'id', direction = 'asc'] = term.trim().split(/\s+/);
    return { name, desc: direction.toLowerCase() === 'desc' };
  });
  const columns = terms.map(({ name }) => {
    const read = fieldReader(env, model, name);
    return recs.map((rec) => {
      const value = read(rec);
      return value === false || value === undefined ? null : value;
    });
  });
  const compare: Compare = (a, b) => {
    for (let t = 0; t < terms.length; t += 1) {
      const column = columns[t] as unknown[];
      const x = column[a];
      const y = column[b];
      if (x === y) continue;
      // PostgreSQL: NULLS LAST ascending, NULLS FIRST descending.
      const cmp = x === null ? 1 : y === null ? -1 : (x as number | string) < (y as number | string) ? -1 : 1;
      return terms[t]?.desc ? -cmp : cmp;
    }
    return 0;
  };
  const n = recs.length;
  const picked =
    wanted !== undefined && Number.isInteger(wanted) && wanted > 0 && wanted * 4 < n && totalOrder(columns)
      ? smallest(n, wanted, compare)
      : Array.from({ length: n }, (_, i) => i).sort(compare);
  return picked.map((i) => recs[i] as Rec);
}
