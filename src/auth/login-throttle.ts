import { isIPv6 } from 'node:net';

/**
 * Password guessing is throttled three ways, checked before any hash is computed:
 * - per (username, client address): 5 free failures, then the next attempt must wait 1 s, 2 s, 4 s, … up to
 *   15 min (429 with Retry-After). This is the strong limit, and it only ever blocks the address that guessed.
 * - per client address (any username): 20 free failures, then the same growing waits. An IPv6 client counts
 *   by its /64, since one host usually holds a whole /64.
 * - per username (any address): after 10 failures each further attempt on that username is answered only after
 *   a pause (250 ms, doubling, at most 3 s). It slows a guesser spread over many addresses but never refuses,
 *   so nobody can keep the owner out by failing on the owner's name.
 * Every attempt counts as a failure from the moment it starts (so 200 parallel guesses cannot all slip past the
 * check before the first one fails); a successful sign-in clears all three counts. Failures are forgotten
 * an hour after the last one.
 *
 * The state lives in memory, not in PostgreSQL: only the process that serves HTTP sees sign-ins, a table
 * would turn every guess into a database write (a guesser could load the database with them), and losing the
 * counts on a restart costs little since a stranger cannot cause one. Several `adlerdo start` processes behind
 * one load balancer each count on their own, so the limits multiply by their number.
 */
export interface ThrottleVerdict {
  /** Refused: seconds until this client may try this username again. */
  retryAfterSeconds?: number;
  /** Allowed, after this pause (the per-username slow-down). */
  delayMs: number;
}

export interface ThrottleLimits {
  pairFree: number;
  addressFree: number;
  usernameFree: number;
  maxLockSeconds: number;
  usernameBaseDelayMs: number;
  usernameMaxDelayMs: number;
  forgetAfterMs: number;
  /** Each map keeps at most this many entries (the oldest go first), so rotating addresses cannot fill memory. */
  maxEntries: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = {
  pairFree: 5,
  addressFree: 20,
  usernameFree: 10,
  maxLockSeconds: 15 * 60,
  usernameBaseDelayMs: 250,
  usernameMaxDelayMs: 3000,
  forgetAfterMs: 60 * 60 * 1000,
  maxEntries: 10_000,
};

interface Entry {
  failures: number;
  /** Epoch ms before which the next attempt is refused. */
  lockedUntil: number;
  lastFailure: number;
}

export class LoginThrottle {
  private readonly pairs = new Map<string, Entry>();
  private readonly addresses = new Map<string, Entry>();
  private readonly usernames = new Map<string, Entry>();

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Decides on one attempt and, if it is allowed, counts it as a failure until `succeeded` says otherwise.
   */
  attempt(username: string, address: string): ThrottleVerdict {
    const now = this.now();
    const keys = this.keys(username, address);
    const locks = [this.entry(this.pairs, keys.pair, now), this.entry(this.addresses, keys.address, now)];
    const lockedUntil = Math.max(...locks.map((entry) => entry?.lockedUntil ?? 0));
    if (lockedUntil > now) return { retryAfterSeconds: Math.ceil((lockedUntil - now) / 1000), delayMs: 0 };

    this.fail(this.pairs, keys.pair, now, this.limits.pairFree);
    this.fail(this.addresses, keys.address, now, this.limits.addressFree);
    const byName = this.fail(this.usernames, keys.username, now, Number.POSITIVE_INFINITY);
    const over = byName.failures - this.limits.usernameFree;
    const delayMs =
      over <= 0
        ? 0
        : Math.min(
            this.limits.usernameMaxDelayMs,
            this.limits.usernameBaseDelayMs * 2 ** Math.min(over - 1, 20),
          );
    return { delayMs };
  }

  /** The right password: this client and this username start afresh. */
  succeeded(username: string, address: string): void {
    const keys = this.keys(username, address);
    this.pairs.delete(keys.pair);
    this.addresses.delete(keys.address);
    this.usernames.delete(keys.username);
  }

  private keys(username: string, address: string) {
    const name = username.trim().toLowerCase();
    const client = clientKey(address);
    return { pair: `${name}\u0000${client}`, address: client, username: name };
  }

  private entry(map: Map<string, Entry>, key: string, now: number): Entry | undefined {
    const entry = map.get(key);
    if (entry && now - Math.max(entry.lastFailure, entry.lockedUntil) > this.limits.forgetAfterMs) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  private fail(map: Map<string, Entry>, key: string, now: number, free: number): Entry {
    const entry = this.entry(map, key, now) ?? { failures: 0, lockedUntil: 0, lastFailure: now };
    entry.failures += 1;
    entry.lastFailure = now;
    if (entry.failures >= free) {
      const seconds = Math.min(this.limits.maxLockSeconds, 2 ** Math.min(entry.failures - free, 20));
      entry.lockedUntil = now + seconds * 1000;
    }
    // Re-inserted, so the map's order is least recently failed first and eviction drops the stalest entry.
    map.delete(key);
    map.set(key, entry);
    if (map.size > this.limits.maxEntries) {
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
    }
    return entry;
  }
}

/** IPv4 as is; IPv6 by its /64 (the first four groups of the expanded address). */
export function clientKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!isIPv6(plain)) return plain;
  const [head = '', tail = ''] = plain.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = plain.includes('::') ? 8 - headGroups.length - tailGroups.length : 0;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((g) => g.padStart(4, '0'))
    .join(':')}::/64`;
}
