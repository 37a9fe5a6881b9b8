import { z } from 'zod';

/**
 * Ids from URLs and query strings, checked before any query sees them: PostgreSQL answers a malformed `uuid` or a
 * `bigint` out of range with an error, which used to surface as a 500.
 */
export function uuidId(what: string) {
  return z.uuid({
    error: `Not ${what} id: AdlerDo ids are UUIDs such as 0b7e3c1a-5d2f-4e8a-9c61-3f0d2a4b5c6e.`,
  });
}

const BIGINT_MAX = 9_223_372_036_854_775_807n;

/** A positive PostgreSQL `bigint` id as text (`bigint` values come back from pg as strings). */
export function bigintId(what: string) {
  return z
    .string({ error: `Not ${what} id.` })
    .regex(/^[1-9]\d{0,18}$/, `Not ${what} id (a whole number).`)
    .refine(
      // Refinements run even after the regex failed: only a run of digits may reach BigInt().
      (value) => !/^\d+$/.test(value) || BigInt(value) <= BIGINT_MAX,
      `Not ${what} id (too large).`,
    );
}
