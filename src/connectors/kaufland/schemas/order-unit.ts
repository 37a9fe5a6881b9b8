import { z } from 'zod';
import type { components } from '../generated/openapi.d.ts';
import { currencySchema, enumOf, fulfillmentTypeSchema, intSchema, storefrontSchema } from './common.ts';

type Schemas = components['schemas'];

export const orderUnitStatusSchema = enumOf<Schemas['OrderUnitStatus']>()([
  'open',
  'need_to_be_sent',
  'sent',
  'received',
  'sent_and_autopaid',
  'cancelled',
  'returned',
  'returned_paid',
]);

export const addressSchema = z.looseObject({
  first_name: z.string(),
  last_name: z.string(),
  company_name: z.string().nullable(),
  street: z.string(),
  house_number: z.string(),
  postcode: z.string(),
  additional_field: z.string().nullable(),
  city: z.string(),
  phone: z.string().nullable(),
  country: z.string(),
}) satisfies z.ZodType<Schemas['Address']>;

export const buyerSchema = z.looseObject({
  id_buyer: intSchema,
  email: z.string().nullable(),
}) satisfies z.ZodType<Schemas['Buyer']>;

export const productSchema = z.looseObject({
  id_product: intSchema,
  title: z.string(),
  eans: z.array(z.string()),
}) satisfies z.ZodType<Pick<Schemas['Product'], 'id_product' | 'title' | 'eans'>>;

/**
 * Fields of an order unit that both GET /order-units and the units embedded in GET /orders/{id_order} carry.
 * Every order unit is quantity 1; `price` and `shipping_rate` are cents of `currency`.
 */
export const orderUnitCoreSchema = z.looseObject({
  id_order_unit: intSchema,
  id_order: z.string(),
  id_offer: z.string().nullable(),
  is_marketplace_deemed_supplier: z.boolean(),
  status: orderUnitStatusSchema,
  storefront: storefrontSchema,
  currency: currencySchema,
  price: intSchema,
  shipping_rate: intSchema,
  revenue_gross: intSchema,
  revenue_net: intSchema,
  vat: z.number().nullable(),
  note: z.string().nullable(),
  unit_condition: z.string().nullable(),
  cancel_reason: z.string().nullable(),
  delivery_time_expires_iso: z.string().nullable(),
  ts_created_iso: z.string(),
  ts_updated_iso: z.string(),
  product: productSchema.nullable(),
});

/** `product` is checked on its own above (we read 3 of its 12 fields). */
export type CoreKeys = Exclude<keyof typeof orderUnitCoreSchema.shape, 'product'>;

/** Buyer and addresses are null while a unit is `open` (Kaufland withholds them for about 15 minutes). */
export const orderUnitSchema = orderUnitCoreSchema.extend({
  fulfillment_type: fulfillmentTypeSchema,
  buyer: buyerSchema.nullable(),
  billing_address: addressSchema.nullable(),
  shipping_address: addressSchema.nullable(),
}) satisfies z.ZodType<
  Pick<Schemas['OrderUnit'], CoreKeys | 'fulfillment_type' | 'buyer' | 'billing_address' | 'shipping_address'>
>;

export type OrderUnit = z.infer<typeof orderUnitSchema>;
export type OrderUnitStatus = z.infer<typeof orderUnitStatusSchema>;
