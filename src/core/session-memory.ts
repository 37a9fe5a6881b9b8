/**
 * What a connector learns once per connection (its sign-in, the server's version, ids it looked up) kept across the
 * sync runs of one worker, so a run woken by push does not pay those calls again. Each entry lives `maxAgeMs` from
 * when it was made, and the connector drops it on any error, so a change made in the vendor's system (a revoked
 * key, a deleted record, an upgrade) is seen within that time or on the next run after it caused a failure.
 * Entries are keyed by the connection and its credentials: a new key or URL starts from nothing.
 */
export class SessionMemory {
  private readonly entries = new Map<string, { value: unknown; madeAt: number }>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The entry for `key`, made by `make` when there is none or it has expired. */
  recall<T>(key: string, make: () => T): T {
    const at = this.now();
    for (const [k, entry] of this.entries) if (at - entry.madeAt >= this.maxAgeMs) this.entries.delete(k);
    const found = this.entries.get(key);
    if (found) return found.value as T;
    const value = make();
    this.entries.set(key, { value, madeAt: at });
    return value;
  }

  /** Drops `value` if it is still what `key` holds (an entry made meanwhile by another run stays). */
  forget(key: string, value: unknown): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }
}
