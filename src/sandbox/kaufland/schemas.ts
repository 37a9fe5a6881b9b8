import { z } from 'zod';
import type { CancelReason, RefundReason, UnitCondition, VatIndicator } from './records.ts';

/** Request bodies of the /v2 operations the sandbox serves, as strict as the spec: unknown fields are a 400. */
const INT32_MAX = 2_147_483_647;

const CONDITIONS = [
  'NEW',
  'USED___AS_NEW',
  'USED___VERY_GOOD',
  'USED___GOOD',
  'USED___ACCEPTABLE',
  'REFURBISHED___AS_NEW',
  'REFURBISHED___VERY_GOOD',
  'REFURBISHED___GOOD',
  'REFURBISHED___ACCEPTABLE',
] as const satisfies readonly UnitCondition[];

const WRITEABLE_VAT = [
  'standard_rate',
  'reduced_rate_1',
  'reduced_rate_2',
  'super_reduced_rate',
  'zero_rate',
] as const satisfies readonly VatIndicator[];

export const CANCEL_REASONS = [
  'BuyerCancelled',
  'ShippingAddressUndeliverable',
  'WrongCatalogData',
  'GeneralAdjustment',
  'MerchandiseNotReceived',
  'NoInventory',
  'DelayedInventory',
  'WrongPrice',
  'NoReactionBuyer',
  'UndeliverableRegion',
] as const satisfies readonly CancelReason[];

/** Cents, ≥ 1; the per-storefront maximum (1 million EUR, …) is checked where the storefront is known. */
const cents = z.int().min(1).max(INT32_MAX);
const participation = z.int().min(1).max(INT32_MAX).nullable().optional();

const unitFields = {
  amount: z.int().min(0).max(99_999).optional(),
  handling_time: z.int().min(0).max(100).optional(),
  listing_price: cents.optional(),
  minimum_price: cents.optional(),
  note: z.string().max(250).optional(),
  id_shipping_group: z.int().min(1).optional(),
  id_warehouse: z.int().min(1).optional(),
  vat_indicator: z.enum(WRITEABLE_VAT).optional(),
  eco_participation: participation,
  battery_participation: participation,
};

/** UnitRequest. `condition` also allows an integer in the spec; its meaning is undocumented, so only names are taken. */
export const unitCreateSchema = z.strictObject({
  ...unitFields,
  id_offer: z.string().trim().min(1).max(255),
  listing_price: cents,
  handling_time: z.int().min(0).max(100),
  ean: z
    .string()
    .regex(/^\d{13,14}$/, 'must be 13 or 14 digits')
    .optional(),
  id_product: z.int().min(1).optional(),
  condition: z.enum(CONDITIONS).optional(),
});
export type UnitCreateInput = z.output<typeof unitCreateSchema>;

export const unitPatchSchema = z.strictObject({
  ...unitFields,
  status: z.enum(['AVAILABLE', 'ONHOLD']).optional(),
});
export type UnitPatchInput = z.output<typeof unitPatchSchema>;

/** Per item only the envelope is checked for the whole request; each `unit_data` gets its own result in the 207. */
export const bulkItemsSchema = z.array(
  z.strictObject({ id_unit: z.int().min(1), unit_data: z.record(z.string(), z.unknown()) }),
);

export const sendSchema = z.strictObject({ carrier_code: z.string(), tracking_numbers: z.string() });

export const cancelSchema = z.strictObject({ reason: z.enum(CANCEL_REASONS) });

export const REFUND_REASONS = [
  'delivery_damage',
  'delivery_delay',
  'incomplete_delivery',
  'incorrect_delivery',
  'refund_postage_fee',
  'defect',
  'other_refund',
  'refund_return_postage_fee',
] as const satisfies readonly RefundReason[];

/** Cents of the order unit's currency; the upper bound is the unit's price, checked with the unit. */
export const refundSchema = z.strictObject({
  amount: z.int().min(1).max(INT32_MAX),
  reason: z.enum(REFUND_REASONS),
});
