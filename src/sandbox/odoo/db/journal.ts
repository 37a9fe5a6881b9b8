import type { Rec } from '../models/types.ts';

/**
 * The undo log of one transaction: O(records touched), where the former `structuredClone` of every table cost
 * ~1 s per write call at 100,000 products. Each record's previous state is saved once, at its first change.
 */
export class Journal {
  private readonly undos: (() => void)[] = [];
  private readonly saved = new Set<Rec>();

  record(undo: () => void): void {
    this.undos.push(undo);
  }

  /** True the first time a record is touched in this transaction (and marks it). */
  firstTouch(target: Rec): boolean {
    if (this.saved.has(target)) return false;
    this.saved.add(target);
    return true;
  }

  /** Undoes everything, newest first, so each step finds the state it was recorded in. */
  rollback(): void {
    for (let i = this.undos.length - 1; i >= 0; i -= 1) this.undos[i]?.();
  }
}

/** A record's own fields; arrays (many2many ids, api_keys) copied so a later in-place change cannot reach them. */
export function copyFields(target: Rec): Rec {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(target)) {
    const value = target[key];
    copy[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  return copy as Rec;
}
