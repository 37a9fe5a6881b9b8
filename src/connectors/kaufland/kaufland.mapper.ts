import { AppError } from '../../core/errors.ts';
import type { DesiredOffer, OfferChange, OfferChangeResult, OfferState } from '../../core/offer.ts';
import type { OrderLine, OrderLineStatus, PostalAddress } from '../../core/order.ts';
import type { CancelReason, OrderUnit, OrderUnitStatus } from './resources/order-units.ts';
import type { BulkUnitResult, BulkUnitUpdate, NewUnit, Storefront, Unit } from './resources/units.ts';
import { enumOf, storefrontSchema } from './schemas/common.ts';

/** Kaufland's words ⇄ the hub's (core/glossary.ts). Pure: no I/O, every vendor name stays in this folder. */

const LINE_STATUS: Record<OrderUnitStatus, OrderLineStatus> = {
  open: 'open',
  need_to_be_sent: 'to_ship',
  sent: 'shipped',
  received: 'received',
  // Sent, and Kaufland paid out without waiting for a delivery confirmation: for the hub, as good as received.
  sent_and_autopaid: 'received',
  cancelled: 'cancelled',
  returned: 'returned',
  returned_paid: 'returned',
};

const UNIT_STATUSES: Record<OrderLineStatus, OrderUnitStatus[]> = {
  open: ['open'],
  to_ship: ['need_to_be_sent'],
  shipped: ['sent'],
  received: ['received', 'sent_and_autopaid'],
  cancelled: ['cancelled'],
  returned: ['returned', 'returned_paid'],
};

export function toOrderUnitStatuses(statuses: readonly OrderLineStatus[]): OrderUnitStatus[] {
  return [...new Set(statuses.flatMap((status) => UNIT_STATUSES[status]))];
}

export function toOrderLine(unit: OrderUnit): OrderLine {
  return {
    lineId: String(unit.id_order_unit),
    orderId: unit.id_order,
    channel: unit.storefront,
    sku: blankToNull(unit.id_offer),
    title: blankToNull(unit.product?.title),
    status: LINE_STATUS[unit.status],
    currency: unit.currency,
    priceMinor: unit.price,
    shippingMinor: unit.shipping_rate,
    vatPercent: unit.vat,
    deemedSupplier: unit.is_marketplace_deemed_supplier,
    createdAt: unit.ts_created_iso,
    updatedAt: unit.ts_updated_iso,
    buyer: unit.buyer && { externalId: String(unit.buyer.id_buyer), email: blankToNull(unit.buyer.email) },
    billingAddress: unit.billing_address && toPostalAddress(unit.billing_address),
    shippingAddress: unit.shipping_address && toPostalAddress(unit.shipping_address),
  };
}

type VendorAddress = NonNullable<OrderUnit['shipping_address']>;

function toPostalAddress(address: VendorAddress): PostalAddress {
  return {
    firstName: address.first_name.trim(),
    lastName: address.last_name.trim(),
    company: blankToNull(address.company_name),
    street: address.street.trim(),
    houseNumber: address.house_number.trim(),
    extra: blankToNull(address.additional_field),
    postcode: address.postcode.trim(),
    city: address.city.trim(),
    country: toCountryCode(address.country),
    phone: blankToNull(address.phone),
  };
}

/**
 * The sandbox and integrations report ISO-2 ("DE"), but the spec's own example is "USA": alpha-3 codes of the
 * EU countries and their neighbours are translated; anything else passes through upper-cased.
 */
// prettier-ignore
const ALPHA3_TO_ALPHA2: Readonly<Record<string, string>> = {
  DEU: 'DE', AUT: 'AT', CZE: 'CZ', SVK: 'SK', POL: 'PL', FRA: 'FR', ITA: 'IT', ESP: 'ES', NLD: 'NL',
  BEL: 'BE', LUX: 'LU', DNK: 'DK', SWE: 'SE', FIN: 'FI', IRL: 'IE', PRT: 'PT', GRC: 'GR', HUN: 'HU',
  ROU: 'RO', BGR: 'BG', HRV: 'HR', SVN: 'SI', EST: 'EE', LVA: 'LV', LTU: 'LT', CYP: 'CY', MLT: 'MT',
  CHE: 'CH', LIE: 'LI', NOR: 'NO', GBR: 'GB', USA: 'US',
};

export function toCountryCode(country: string): string {
  const code = country.trim().toUpperCase();
  return ALPHA3_TO_ALPHA2[code] ?? code;
}

const OFFER_STATUS: Record<Unit['status'], OfferState['status']> = {
  AVAILABLE: 'available',
  ONHOLD: 'on_hold',
  INCOMPLETE: 'other',
};

/** Undefined for a unit without `id_offer` (set up in the Seller Portal without a SKU): it cannot join the ERP. */
export function toOfferState(unit: Unit): OfferState | undefined {
  const sku = blankToNull(unit.id_offer);
  if (sku === null) return undefined;
  return {
    offerId: String(unit.id_unit),
    sku,
    channel: unit.storefront,
    amount: unit.amount,
    priceMinor: unit.listing_price,
    handlingTimeDays: unit.handling_time,
    status: OFFER_STATUS[unit.status],
  };
}

/** POST /units body. Kaufland creates a unit from an EAN (or its own id_product, which the hub does not know). */
export function toNewUnit(offer: DesiredOffer): NewUnit {
  const ean = blankToNull(offer.ean);
  if (ean === null) {
    throw new AppError(
      'rejected',
      'kaufland.ean_required',
      `SKU ${offer.sku} has no EAN: Kaufland lists an offer only for a product it knows by EAN. Add the barcode in the ERP.`,
      { fields: [{ field: 'ean', message: 'Required to list the SKU on Kaufland.' }] },
    );
  }
  return {
    id_offer: offer.sku,
    ean,
    amount: offer.amount,
    listing_price: offer.priceMinor,
    handling_time: offer.handlingTimeDays,
    condition: 'NEW',
    ...(offer.shippingGroupId === null ? {} : { id_shipping_group: offer.shippingGroupId }),
  };
}

/** `{id_unit, unit_data}` with only the fields that change: an absent field stays as Kaufland has it. */
export function toBulkUpdate(change: OfferChange): BulkUnitUpdate {
  const unitData: BulkUnitUpdate['unit_data'] = {};
  if (change.amount !== undefined) unitData.amount = change.amount;
  if (change.priceMinor !== undefined) unitData.listing_price = change.priceMinor;
  if (change.handlingTimeDays !== undefined) unitData.handling_time = change.handlingTimeDays;
  return { id_unit: toVendorId(change.offerId, 'offer'), unit_data: unitData };
}

const BULK_FAILURE_CODES: Readonly<Record<number, string>> = {
  400: 'kaufland.bad_request',
  403: 'kaufland.forbidden',
  404: 'kaufland.not_found',
  422: 'kaufland.validation_failed',
  423: 'kaufland.locked',
};

/** One entry of the 207 answer of POST /units/bulk (or its absence) as the result of one change. */
export function toOfferChangeResult(
  change: OfferChange,
  result: BulkUnitResult | undefined,
): OfferChangeResult {
  const { offerId, sku } = change;
  if (result === undefined) {
    return {
      offerId,
      sku,
      ok: false,
      code: 'kaufland.no_result',
      message: `Kaufland's answer to the bulk update had no result for unit ${offerId}; it is sent again next run.`,
    };
  }
  if (result.ok) return { offerId, sku, ok: true };
  const code =
    BULK_FAILURE_CODES[result.status_code] ??
    (result.status_code >= 500 ? 'kaufland.server_error' : 'kaufland.rejected');
  const fields = result.fields.map((field) => `${field.field}: ${field.message}`).join('; ');
  const message = fields === '' ? result.message : `${result.message} (${fields})`;
  return { offerId, sku, ok: false, code, message };
}

export function failedChange(change: OfferChange, error: AppError): OfferChangeResult {
  return { offerId: change.offerId, sku: change.sku, ok: false, code: error.code, message: error.message };
}

export const cancelReasonSchema = enumOf<CancelReason>()([
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
]);

/** Case-insensitive, sent in Kaufland's spelling; anything else would come back as a 400 after the call. */
export function toCancelReason(reason: string): CancelReason {
  const wanted = reason.trim().toLowerCase();
  const match = cancelReasonSchema.options.find((option) => option.toLowerCase() === wanted);
  if (match !== undefined) return match;
  const known = cancelReasonSchema.options.join(', ');
  throw new AppError(
    'rejected',
    'kaufland.unknown_cancel_reason',
    `"${reason}" is not a reason Kaufland accepts for cancelling an order line. Use one of: ${known}.`,
    { fields: [{ field: 'reason', message: `Use one of: ${known}.` }] },
  );
}

/** The hub's channel is Kaufland's storefront; an account configured with anything else cannot sync. */
export function toStorefront(channel: string): Storefront {
  const parsed = storefrontSchema.safeParse(channel.trim().toLowerCase());
  if (parsed.success) return parsed.data;
  throw new AppError(
    'config',
    'kaufland.unknown_storefront',
    `"${channel}" is not a Kaufland storefront. Use one of: ${storefrontSchema.options.join(', ')}.`,
    { fields: [{ field: 'channel', message: 'Not a Kaufland storefront.' }] },
  );
}

/** The hub keeps vendor ids as strings; Kaufland's are integers (order-unit ids reach 15 digits, below 2^53). */
const VENDOR_ID_WORDS = {
  offer: { code: 'kaufland.invalid_offer_id', noun: 'unit' },
  'order line': { code: 'kaufland.invalid_line_id', noun: 'order unit' },
  'return line': { code: 'kaufland.invalid_return_line_id', noun: 'return unit' },
} as const;

export function toVendorId(id: string, what: keyof typeof VENDOR_ID_WORDS): number {
  const value = /^\d{1,16}$/.test(id) ? Number(id) : NaN;
  if (Number.isSafeInteger(value) && value > 0) return value;
  const words = VENDOR_ID_WORDS[what];
  throw new AppError(
    'rejected',
    words.code,
    `"${id}" is not a Kaufland ${words.noun} id (a positive integer).`,
  );
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * `YYYY-MM-ddTHH:mm:ssZ`, the form the spec asks for in `*_from_iso` filters. Milliseconds are cut, not rounded:
 * the filter includes its second, so a line at the cursor's second is read again rather than missed.
 */
export function toKauflandTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    throw new AppError(
      'bug',
      'kaufland.invalid_time',
      `"${iso}" is not an ISO-8601 time to filter order lines by.`,
    );
  }
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
