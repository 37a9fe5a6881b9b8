import { describe, expect, it } from 'vitest';
import { SessionMemory } from './session-memory.ts';

describe('SessionMemory', () => {
  it('answers the same entry for a key until it expires, then a new one', () => {
    let now = 1_000;
    const memory = new SessionMemory(60_000, () => now);
    let made = 0;
    const make = () => ({ n: ++made });
    const first = memory.recall('a', make);
    now += 59_999;
    expect(memory.recall('a', make)).toBe(first);
    now += 1;
    const second = memory.recall('a', make);
    expect(second).not.toBe(first);
    expect(second.n).toBe(2);
  });

  it('keeps entries of different keys apart', () => {
    const memory = new SessionMemory(60_000);
    const a = memory.recall('a', () => ({ key: 'a' }));
    const b = memory.recall('b', () => ({ key: 'b' }));
    expect(memory.recall('a', () => ({ key: 'new' }))).toBe(a);
    expect(memory.recall('b', () => ({ key: 'new' }))).toBe(b);
  });

  it('forgets an entry only while it is still the one given', () => {
    const memory = new SessionMemory(60_000);
    const old = memory.recall('a', () => ({ v: 1 }));
    memory.forget('a', old);
    const renewed = memory.recall('a', () => ({ v: 2 }));
    expect(renewed).not.toBe(old);
    // A run that still holds the old entry fails late: the entry another run made meanwhile stays.
    memory.forget('a', old);
    expect(memory.recall('a', () => ({ v: 3 }))).toBe(renewed);
  });
});
