import { z } from 'zod';
import type { OrderUnitStatus, ReturnReason, ReturnUnitStatus } from './records.ts';
import { STOREFRONTS } from './storefronts.ts';

/** Bodies of the control API (/_sandbox/*). Strict like the real API, so a typo in a test setup fails loudly. */
export const ORDER_UNIT_STATUSES = [
  'open',
  'need_to_be_sent',
  'sent',
  'received',
  'sent_and_autopaid',
  'cancelled',
  'returned',
  'returned_paid',
] as const satisfies readonly OrderUnitStatus[];

export const addSellerSchema = z.strictObject({
  client_key: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8-128 letters, digits, _ or -')
    .optional(),
  secret_key: z
    .string()
    .regex(/^[\x21-\x7e]{8,256}$/, 'must be 8-256 printable ASCII characters without spaces')
    .optional(),
  storefronts: z.array(z.enum(STOREFRONTS)).min(1).default(['de']),
});
export type AddSellerInput = z.input<typeof addSellerSchema>;

const addressSchema = z.strictObject({
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  company_name: z.string().nullable().optional(),
  street: z.string().optional(),
  house_number: z.string().optional(),
  postcode: z.string().optional(),
  additional_field: z.string().nullable().optional(),
  city: z.string().optional(),
  phone: z.string().nullable().optional(),
  country: z.string().optional(),
});
export type AddressInput = z.output<typeof addressSchema>;

export const createOrderSchema = z.strictObject({
  client_key: z.string().min(1),
  storefront: z.enum(STOREFRONTS),
  buyer: z
    .strictObject({ id_buyer: z.int().min(1).optional(), email: z.string().nullable().optional() })
    .optional(),
  shipping_address: addressSchema.optional(),
  billing_address: addressSchema.optional(),
  items: z
    .array(
      z.strictObject({
        id_offer: z.string().min(1),
        quantity: z.int().min(1).max(100).default(1),
        price: z.int().min(1).max(2_147_483_647).optional(),
        /** Shipping per piece in cents; defaults to the unit's (its shipping group's) rate. */
        shipping_rate: z.int().min(0).max(2_147_483_647).optional(),
      }),
    )
    .min(1)
    .max(100),
  status: z.enum(ORDER_UNIT_STATUSES).optional(),
  /** Kaufland itself is the seller of record and invoices the buyer (EU deemed supplier rules). */
  is_marketplace_deemed_supplier: z.boolean().optional(),
  /** Back-dates the order, e.g. to test `ts_created_from_iso` filters or the 15-minute address hold. */
  ts_created_iso: z.iso.datetime({ offset: true }).optional(),
});
export type CreateOrderInput = z.input<typeof createOrderSchema>;

export const setStatusSchema = z.strictObject({ status: z.enum(ORDER_UNIT_STATUSES) });

export const RETURN_REASONS = [
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
] as const satisfies readonly ReturnReason[];

const trackingFields = {
  tracking_provider: z.string().trim().min(1).max(100).optional(),
  tracking_code: z.string().trim().min(1).max(100).optional(),
};

/** A buyer starts a return for order units of one order; with a tracking code the return label exists already. */
export const buyerReturnSchema = z.strictObject({
  order_units: z
    .array(
      z.strictObject({
        id_order_unit: z.int().min(1),
        reason: z.enum(RETURN_REASONS),
        note: z.string().max(1000).nullable().optional(),
      }),
    )
    .min(1)
    .max(100),
  ...trackingFields,
});
export type BuyerReturnInput = z.input<typeof buyerReturnSchema>;

/** The return parcel reaches the seller; tracking given here replaces what the return had. */
export const returnArrivalSchema = z.strictObject(trackingFields);
export type ReturnArrivalInput = z.input<typeof returnArrivalSchema>;

export const RETURN_UNIT_STATUSES = [
  'need_to_be_returned',
  'return_arrived',
  'return_accepted',
  'return_rejected',
  'return_closed',
  'return_in_repair',
  'return_in_clarification',
] as const satisfies readonly ReturnUnitStatus[];

/** Kaufland's side of a return unit, e.g. closing it after the return window; order units are left alone. */
export const setReturnUnitStatusSchema = z.strictObject({ status: z.enum(RETURN_UNIT_STATUSES) });
