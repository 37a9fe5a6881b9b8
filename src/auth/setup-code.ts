import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/config.ts';

// No 0/O, 1/I/L: the code is read off a terminal and typed in.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * The one-time setup code. On loopback only the machine's own users can reach the setup page, so it needs no
 * code; on any other interface (or behind a proxy, which makes remote visitors look local) whoever first
 * opens the page would own the instance, so setup also asks for a code that only someone who can read the
 * server's log knows. A new code is made at every start; it is useless once an administrator exists.
 */
export class SetupCode {
  readonly required: boolean;
  private readonly code: string | undefined;

  constructor(required: boolean) {
    this.required = required;
    this.code = required ? generate() : undefined;
  }

  /** For the start-up log line only. */
  get value(): string | undefined {
    return this.code;
  }

  matches(given: string | undefined): boolean {
    if (!this.required || this.code === undefined) return true;
    const a = Buffer.from(normalise(given ?? ''));
    const b = Buffer.from(this.code);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

export function setupCodeRequired(config: Pick<Config, 'HOST' | 'ADLERDO_TRUST_PROXY'>): boolean {
  return !isLoopback(config.HOST) || config.ADLERDO_TRUST_PROXY !== false;
}

function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** 12 characters in groups of four, ~59 bits: e.g. K7QM-3XWP-9TRD. */
function generate(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** Forgiving about case, spaces and missing dashes. */
function normalise(code: string): string {
  const chars = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return chars.length === 12 ? `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}` : chars;
}
