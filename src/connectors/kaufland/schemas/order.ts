import { z } from 'zod';
import type { components } from '../generated/openapi.d.ts';
import { fulfillmentTypeSchema, intSchema, storefrontSchema } from './common.ts';
import { addressSchema, buyerSchema, orderUnitCoreSchema, type CoreKeys } from './order-unit.ts';

type Schemas = components['schemas'];
type OrderDetailsUnit = Schemas['OrderDetails']['order_units'][number];

/** An order header from GET /orders: one checkout at one seller. */
export const orderSchema = z.looseObject({
  id_order: z.string(),
  storefront: storefrontSchema,
  fulfillment_type: fulfillmentTypeSchema,
  order_units_count: intSchema.nonnegative(),
  ts_created_iso: z.string(),
  ts_units_updated_iso: z.string(),
}) satisfies z.ZodType<
  Pick<
    Schemas['Order'],
    | 'id_order'
    | 'storefront'
    | 'fulfillment_type'
    | 'order_units_count'
    | 'ts_created_iso'
    | 'ts_units_updated_iso'
  >
>;

/** GET /orders/{id_order}: the order with all its units; buyer and addresses sit on the order here. */
export const orderDetailsSchema = z.looseObject({
  id_order: z.string(),
  storefront: storefrontSchema,
  fulfillment_type: fulfillmentTypeSchema,
  ts_created_iso: z.string(),
  order_units: z.array(orderUnitCoreSchema satisfies z.ZodType<Pick<OrderDetailsUnit, CoreKeys>>),
  buyer: buyerSchema.nullable(),
  billing_address: addressSchema.nullable(),
  shipping_address: addressSchema.nullable(),
}) satisfies z.ZodType<
  Pick<
    Schemas['OrderDetails'],
    | 'id_order'
    | 'storefront'
    | 'fulfillment_type'
    | 'ts_created_iso'
    | 'order_units'
    | 'buyer'
    | 'billing_address'
    | 'shipping_address'
  > extends infer T
    ? Omit<T, 'order_units'>
    : never
>;

export type Order = z.infer<typeof orderSchema>;
export type OrderDetails = z.infer<typeof orderDetailsSchema>;
