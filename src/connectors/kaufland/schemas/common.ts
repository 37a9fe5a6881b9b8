import { z } from 'zod';
import type { components } from '../generated/openapi.d.ts';

/**
 * Shapes every Kaufland answer shares. Objects are `looseObject`: fields we do not read pass through untouched
 * (Kaufland adds fields between spec versions), fields we read are checked against the 2.27.0 spec.
 */
type Schemas = components['schemas'];

/**
 * A z.enum over exactly the members of a generated string union: compiling fails if the spec gains or loses one,
 * so a regenerated openapi.d.ts cannot drift from what the client accepts.
 */
export function enumOf<T extends string>() {
  return <const V extends readonly [T, ...T[]]>(values: V & ([T] extends [V[number]] ? unknown : never)) =>
    z.enum(values);
}

export const storefrontSchema = enumOf<Schemas['Storefront']>()(['de', 'cz', 'sk', 'pl', 'at', 'fr', 'it']);
export const currencySchema = enumOf<Schemas['Currency']>()(['EUR', 'CZK', 'PLN']);
export const fulfillmentTypeSchema = enumOf<Schemas['FulfillmentType']>()([
  'fulfilled_by_kaufland',
  'fulfilled_by_merchant',
]);

/** Money is integer cents of the storefront's currency; ids are integers (order-unit ids reach 15 digits, < 2^53). */
export const intSchema = z.number().int();

export const paginationSchema = z.looseObject({
  offset: intSchema.nonnegative(),
  limit: intSchema.nonnegative(),
  total: intSchema.nonnegative(),
}) satisfies z.ZodType<Schemas['Pagination']>;

export function dataOf<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: item });
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: z.array(item), pagination: paginationSchema.optional() });
}

/** Kaufland's error body; some 404s carry only `message`, so everything is optional here. */
export const errorBodySchema = z.looseObject({
  type: z.string().optional(),
  message: z.string().optional(),
  errors: z.array(z.looseObject({ field: z.string(), message: z.string() })).optional(),
});

export type Pagination = z.infer<typeof paginationSchema>;

export interface Page<T> {
  items: T[];
  /** Missing when Kaufland sends a list without `pagination`: then the list is complete. */
  pagination: Pagination | undefined;
}
