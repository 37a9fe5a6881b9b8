import type { Rec } from '../models/types.ts';

/**
 * One model's rows in id order (ids only grow, so insertion order is id order; scans such as `quantFor`'s
 * "first match" rely on it). Holds each record twice: the proxy the models get and the object behind it,
 * which the store's bookkeeping reads and writes without being trapped.
 */
export class Table {
  private rows = new Map<number, Rec>();
  /** By id: ids are dense per model (a sequence each), so an array serves, cheaper than a second Map. */
  private readonly targets: (Rec | undefined)[] = [];

  get(id: number): Rec | undefined {
    return this.rows.get(id);
  }

  target(id: number): Rec | undefined {
    return this.rows.has(id) ? this.targets[id] : undefined;
  }

  /** True while this object is the stored row of its id (not deleted, not a stale copy). */
  holds(target: Rec): boolean {
    return this.targets[target.id] === target;
  }

  values(): IterableIterator<Rec> {
    return this.rows.values();
  }

  set(proxy: Rec, target: Rec): void {
    this.rows.set(target.id, proxy);
    this.targets[target.id] = target;
  }

  delete(id: number): void {
    if (!this.rows.delete(id)) return;
    this.targets[id] = undefined;
  }

  /** After a rolled-back delete put a row back at the end: id order again (rare, O(n log n)). */
  sortById(): void {
    const ids = [...this.rows.keys()].sort((a, b) => a - b);
    this.rows = new Map(ids.map((id) => [id, this.rows.get(id) as Rec]));
  }
}
