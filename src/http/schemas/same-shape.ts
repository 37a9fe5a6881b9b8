import type { z } from 'zod';

/** A type with intersections flattened, readonly dropped and arrays normalised, so equal shapes compare equal. */
type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends Date
    ? T
    : T extends object
      ? { -readonly [K in keyof T]: Plain<T[K]> }
      : T;

/** True only when A and B have exactly the same keys and value types (mutual assignability lets extra optional keys through). */
export type SameShape<A, B> =
  (<V>() => V extends Plain<A> ? 1 : 2) extends <V>() => V extends Plain<B> ? 1 : 2 ? true : false;

/**
 * A response schema bound to the TypeScript type the handler returns: `responseOf<OrderList>()(z.object(…))`
 * compiles only while the schema's output is exactly that type. The serializer drops keys a zod object does not
 * list and answers 500 for a value that does not fit, so a field added to (or changed in) the type without the
 * schema must fail tsc rather than vanish from the answer.
 */
export function responseOf<T>() {
  return <S extends z.ZodType>(
    schema: S &
      (SameShape<T, z.output<S>> extends true
        ? unknown
        : { schemaDiffersFrom: T; schemaOutput: z.output<S> }),
  ): S => schema;
}
