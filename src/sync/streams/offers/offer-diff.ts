import type { DesiredOffer, OfferChange } from '../../../core/offer.ts';

/** An offer as the hub last recorded it for one channel (the `offers` row). */
export interface KnownOffer {
  offerId: string | null;
  amount: number | null;
  priceMinor: number | null;
  handlingTimeDays: number | null;
  pendingSince: Date | null;
  lastError: string | null;
}

export type NotOfferable = 'inactive' | 'no_ean' | 'duplicate_ean';

export type OfferPlan =
  | { kind: 'create' }
  | { kind: 'update'; change: OfferChange }
  | { kind: 'unchanged' }
  /** Created, not listed back yet: found later, never created twice. */
  | { kind: 'waiting' }
  | { kind: 'skip'; reason: NotOfferable };

/**
 * What one SKU needs on one channel. A confirmed offer gets only the fields that differ; a SKU without an
 * offer is created when it can be (active, with an EAN no other active SKU uses: the marketplace knows a
 * product by its EAN, so two SKUs on one EAN would compete for the same listing).
 */
export function planOffer(
  desired: DesiredOffer,
  known: KnownOffer | undefined,
  product: { active: boolean; eanShared: boolean },
): OfferPlan {
  if (known?.offerId) return planUpdate(desired, known.offerId, known);
  if (known?.pendingSince) return { kind: 'waiting' };
  if (!product.active) return { kind: 'skip', reason: 'inactive' };
  if (!desired.ean) return { kind: 'skip', reason: 'no_ean' };
  if (product.eanShared) return { kind: 'skip', reason: 'duplicate_ean' };
  return { kind: 'create' };
}

function planUpdate(desired: DesiredOffer, offerId: string, known: KnownOffer): OfferPlan {
  const change: OfferChange = { offerId, sku: desired.sku };
  if (known.amount !== desired.amount) change.amount = desired.amount;
  if (known.priceMinor !== desired.priceMinor) change.priceMinor = desired.priceMinor;
  if (known.handlingTimeDays !== desired.handlingTimeDays) change.handlingTimeDays = desired.handlingTimeDays;
  const changed = Object.keys(change).length > 2;
  return changed ? { kind: 'update', change } : { kind: 'unchanged' };
}
