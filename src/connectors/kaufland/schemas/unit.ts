import { z } from 'zod';
import type { FieldError } from '../../../core/errors.ts';
import type { components } from '../generated/openapi.d.ts';
import { currencySchema, enumOf, intSchema, storefrontSchema } from './common.ts';

type Schemas = components['schemas'];

export const unitStatusSchema = enumOf<Schemas['UnitStatuses']>()(['INCOMPLETE', 'AVAILABLE', 'ONHOLD']);
export const unitConditionSchema = enumOf<Schemas['UnitCondition']>()([
  'NEW',
  'USED___AS_NEW',
  'USED___VERY_GOOD',
  'USED___GOOD',
  'USED___ACCEPTABLE',
  'REFURBISHED___AS_NEW',
  'REFURBISHED___VERY_GOOD',
  'REFURBISHED___GOOD',
  'REFURBISHED___ACCEPTABLE',
]);

/** The fields the sync reads from a unit (an offer on one storefront); the rest passes through unchecked. */
type UnitFields = Pick<
  Schemas['Unit'],
  | 'id_unit'
  | 'id_offer'
  | 'id_product'
  | 'storefront'
  | 'status'
  | 'condition'
  | 'amount'
  | 'listing_price'
  | 'minimum_price'
  | 'price'
  | 'currency'
  | 'handling_time'
  | 'note'
  | 'date_lastchange_iso'
>;

export const unitSchema = z.looseObject({
  id_unit: intSchema,
  id_offer: z.string().nullable(),
  id_product: intSchema,
  storefront: storefrontSchema,
  status: unitStatusSchema,
  condition: unitConditionSchema,
  amount: intSchema.nonnegative(),
  listing_price: intSchema,
  minimum_price: intSchema,
  price: intSchema,
  currency: currencySchema,
  handling_time: intSchema.nonnegative(),
  note: z.string().nullable(),
  date_lastchange_iso: z.string(),
}) satisfies z.ZodType<UnitFields>;

export type Unit = z.infer<typeof unitSchema>;

const fieldErrorSchema = z.looseObject({ field: z.string(), message: z.string() });

/**
 * One entry of the 207 answer of POST /units/bulk — the updated unit, a validation error, or an internal error —
 * normalised to `ok: true | false` so callers record an issue per failed unit and go on.
 */
export const bulkUnitResultSchema = z.union([
  (
    z.looseObject({ id_unit: intSchema, status_code: intSchema, unit: unitSchema }) satisfies z.ZodType<
      Omit<Schemas['UnitsBulkUpdatedUnit'], 'unit'>
    >
  ).transform(({ id_unit, status_code, unit }) => ({ id_unit, ok: true as const, status_code, unit })),
  (
    z.looseObject({
      id_unit: intSchema,
      status_code: intSchema,
      message: z.string(),
      errors: z.array(fieldErrorSchema),
    }) satisfies z.ZodType<Schemas['UnitsBulkUpdateErrorDetails']>
  ).transform(({ id_unit, status_code, message, errors }) => ({
    id_unit,
    ok: false as const,
    status_code,
    message,
    fields: errors.map(({ field, message }): FieldError => ({ field, message })),
  })),
  (
    z.looseObject({
      id_unit: intSchema,
      status_code: intSchema,
      key: z.string(),
      message: z.string(),
    }) satisfies z.ZodType<Schemas['UnitsBulkUpdateInternalError']>
  ).transform(({ id_unit, status_code, message }) => ({
    id_unit,
    ok: false as const,
    status_code,
    message,
    fields: [] as FieldError[],
  })),
]);

export const bulkUnitResponseSchema = z.looseObject({ data: z.array(bulkUnitResultSchema) });

export type BulkUnitResult = z.output<typeof bulkUnitResultSchema>;
