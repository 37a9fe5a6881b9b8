import { z } from 'zod';
import type { components } from '../generated/openapi.d.ts';
import { enumOf, fulfillmentTypeSchema, intSchema, storefrontSchema } from './common.ts';
import { orderUnitCoreSchema } from './order-unit.ts';

type Schemas = components['schemas'];

export const returnStatusSchema = enumOf<Schemas['ReturnStatus']>()([
  'return_requested',
  'label_generated',
  'package_sent',
  'package_received',
  'label_deleted',
]);

export const returnUnitStatusSchema = enumOf<Schemas['ReturnUnitStatus']>()([
  'need_to_be_returned',
  'return_arrived',
  'return_accepted',
  'return_rejected',
  'return_closed',
  'return_in_repair',
  'return_in_clarification',
]);

export const returnReasonSchema = enumOf<Schemas['ReturnReason']>()([
  'accidentally_ordered',
  'bad_quality',
  'better_price',
  'defect',
  'delivered_damaged',
  'dislike',
  'misleading_description',
  'missing_parts',
  'no_reason',
  'too_late',
  'wrong_article',
  'wrong_size',
]);

export const refundReasonSchema = enumOf<Schemas['OrderUnitRefundReason']>()([
  'delivery_damage',
  'delivery_delay',
  'incomplete_delivery',
  'incorrect_delivery',
  'refund_postage_fee',
  'defect',
  'other_refund',
  'refund_return_postage_fee',
]);

/** One parcel back to the seller; its `ts_updated_iso` also moves when one of its units changes. */
export const returnSchema = z.looseObject({
  id_return: intSchema,
  ts_created_iso: z.string(),
  ts_updated_iso: z.string(),
  storefront: storefrontSchema,
  tracking_provider: z.string().nullable(),
  tracking_code: z.string().nullable(),
  status: returnStatusSchema,
  fulfillment_type: fulfillmentTypeSchema,
}) satisfies z.ZodType<Schemas['Return']>;

/** One returned order unit. `reason` is read as a plain string: a reason added later must not fail a listing. */
export const returnUnitSchema = z.looseObject({
  id_return_unit: intSchema,
  id_return: intSchema,
  id_order_unit: intSchema,
  ts_created_iso: z.string(),
  status: returnUnitStatusSchema,
  note: z.string().nullable(),
  reason: z.string().nullable(),
  storefront: storefrontSchema,
});

/** GET /returns/{id_return}?embedded=return_units. */
export const returnDetailsSchema = returnSchema.extend({
  return_units: z.array(returnUnitSchema).optional(),
});

/** POST /returns answers the new return with its units. */
export const initializedReturnSchema = returnSchema.extend({ return_units: z.array(returnUnitSchema) });

/** GET /return-units/{id}?embedded=order_unit: the unit, its return (always sent) and its order unit (asked for). */
export const returnUnitDetailsSchema = returnUnitSchema.extend({
  return: returnSchema,
  order_unit: orderUnitCoreSchema,
});

export type Return = z.infer<typeof returnSchema>;
export type ReturnDetails = z.infer<typeof returnDetailsSchema>;
export type ReturnUnit = z.infer<typeof returnUnitSchema>;
export type ReturnUnitDetails = z.infer<typeof returnUnitDetailsSchema>;
export type ReturnUnitStatus = z.infer<typeof returnUnitStatusSchema>;
