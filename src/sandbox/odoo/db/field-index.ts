/** Bucket of the records whose value is unset (false, null, undefined; for a many2one anything but an id). */
export const UNSET: unique symbol = Symbol('unset');
/** Bucket of values a domain may match in ways a key cannot tell (true, arrays, objects): always candidates. */
export const ODD: unique symbol = Symbol('odd');
export type IndexKey = string | number | typeof UNSET | typeof ODD;

const EMPTY: readonly number[] = [];
/** Up to this many ids a bucket is an array (a linear `includes` beats a Set's memory at this size). */
const SMALL = 16;

/**
 * Record ids by the value of one field, like an Odoo `index=True` column. Keys follow the domain's `=`:
 * strings and numbers as they are, unset values together, so a search can look candidates up and a strict
 * `===` lookup (findBy) only has to filter one bucket.
 */
export class FieldIndex {
  readonly relational: boolean;
  /**
   * A lone id is kept as a number and a few as an array: 100,000 SKUs would otherwise be 100,000 one-element
   * Sets, and the two quants of each product 100,000 more (seeding took 0.6 s longer).
   */
  private readonly buckets = new Map<IndexKey, number | number[] | Set<number>>();

  constructor(relational: boolean) {
    this.relational = relational;
  }

  keyOf(value: unknown): IndexKey {
    if (this.relational) {
      if (typeof value === 'number') return value;
      // The resolver reads a many2one holding anything but an id as empty (or, for an array, as its ids).
      return Array.isArray(value) ? ODD : UNSET;
    }
    if (value === false || value === null || value === undefined) return UNSET;
    if (typeof value === 'string' || typeof value === 'number') return value;
    return ODD;
  }

  add(id: number, value: unknown): void {
    const key = this.keyOf(value);
    const bucket = this.buckets.get(key);
    if (bucket === undefined) this.buckets.set(key, id);
    else if (typeof bucket === 'number') {
      if (bucket !== id) this.buckets.set(key, [bucket, id]);
    } else if (bucket instanceof Set) bucket.add(id);
    else if (!bucket.includes(id)) {
      if (bucket.length < SMALL) bucket.push(id);
      else this.buckets.set(key, new Set([...bucket, id]));
    }
  }

  remove(id: number, value: unknown): void {
    const key = this.keyOf(value);
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return;
    if (typeof bucket === 'number') {
      if (bucket === id) this.buckets.delete(key);
      return;
    }
    if (bucket instanceof Set) bucket.delete(id);
    else {
      const at = bucket.indexOf(id);
      if (at >= 0) bucket.splice(at, 1);
    }
    const size = bucket instanceof Set ? bucket.size : bucket.length;
    if (size === 0) this.buckets.delete(key);
  }

  move(id: number, from: unknown, to: unknown): void {
    if (this.keyOf(from) === this.keyOf(to)) return;
    this.remove(id, from);
    this.add(id, to);
  }

  ids(key: IndexKey): Iterable<number> {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return EMPTY;
    return typeof bucket === 'number' ? [bucket] : bucket;
  }
}
