/** An offer (one SKU on one channel) as the marketplace last confirmed it. */
export interface OfferState {
  offerId: string;
  sku: string;
  channel: string;
  amount: number;
  priceMinor: number;
  handlingTimeDays: number;
  status: 'available' | 'on_hold' | 'other';
}

/** What the hub wants listed, computed from the ERP and the account's settings. */
export interface DesiredOffer {
  sku: string;
  ean: string | null;
  amount: number;
  priceMinor: number;
  handlingTimeDays: number;
  shippingGroupId: number | null;
}

export interface OfferChange {
  offerId: string;
  sku: string;
  amount?: number;
  priceMinor?: number;
  handlingTimeDays?: number;
}

export type OfferChangeResult =
  | { offerId: string; sku: string; ok: true }
  | { offerId: string; sku: string; ok: false; code: string; message: string };

/** Kaufland's limit, and a sane one for any marketplace: 0–99,999 units per offer. */
export const MAX_OFFER_AMOUNT = 99_999;
