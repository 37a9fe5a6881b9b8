import type { Rec } from '../models/types.ts';

/** What the store learns from a record being changed in place (`rec.x = …`, `Object.assign(rec, …)`, `delete`). */
export interface RecordObserver {
  /** Before any change: the moment to journal the record's previous state. */
  beforeChange(target: Rec): void;
  /** One field goes from → to (undefined when deleted): the moment to move the record between index buckets. */
  changing(target: Rec, key: string, from: unknown, to: unknown): void;
}

/**
 * Records are handed out as proxies because the models mutate them directly in many places; the traps see
 * every write without each call site having to tell the store. Reads are not trapped (no `get`), so they stay
 * close to plain-object speed.
 */
export function recordHandler(observer: RecordObserver): ProxyHandler<Rec> {
  return {
    set(target, key, value) {
      observer.beforeChange(target);
      if (typeof key === 'string') observer.changing(target, key, target[key], value);
      return Reflect.set(target, key, value);
    },
    deleteProperty(target, key) {
      observer.beforeChange(target);
      if (typeof key === 'string') observer.changing(target, key, target[key], undefined);
      return Reflect.deleteProperty(target, key);
    },
    defineProperty(target, key, descriptor) {
      observer.beforeChange(target);
      if (typeof key === 'string') observer.changing(target, key, target[key], descriptor.value);
      return Reflect.defineProperty(target, key, descriptor);
    },
  };
}
