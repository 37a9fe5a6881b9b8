import { describe, expect, it } from 'vitest';
import type { DesiredOffer } from '../../../core/offer.ts';
import { planOffer, type KnownOffer } from './offer-diff.ts';

const desired: DesiredOffer = {
  sku: 'MUG-1',
  ean: '4006381333931',
  amount: 5,
  priceMinor: 1299,
  handlingTimeDays: 1,
  shippingGroupId: null,
};
const confirmed: KnownOffer = {
  offerId: '101',
  amount: 5,
  priceMinor: 1299,
  handlingTimeDays: 1,
  pendingSince: null,
  lastError: null,
};
const product = { active: true, eanShared: false };

describe('planOffer', () => {
  it('sends nothing when the confirmed offer matches', () => {
    expect(planOffer(desired, confirmed, product)).toEqual({ kind: 'unchanged' });
  });

  it('sends only the fields that differ', () => {
    expect(planOffer(desired, { ...confirmed, amount: 9 }, product)).toEqual({
      kind: 'update',
      change: { offerId: '101', sku: 'MUG-1', amount: 5 },
    });
    expect(planOffer(desired, { ...confirmed, priceMinor: 1000, handlingTimeDays: 2 }, product)).toEqual({
      kind: 'update',
      change: { offerId: '101', sku: 'MUG-1', priceMinor: 1299, handlingTimeDays: 1 },
    });
  });

  it('updates an existing offer of an archived product (to amount 0 upstream) instead of skipping it', () => {
    const plan = planOffer({ ...desired, amount: 0 }, confirmed, { active: false, eanShared: false });
    expect(plan).toEqual({ kind: 'update', change: { offerId: '101', sku: 'MUG-1', amount: 0 } });
  });

  it('creates a missing offer, or one whose create was refused before', () => {
    expect(planOffer(desired, undefined, product)).toEqual({ kind: 'create' });
    const refused = { ...confirmed, offerId: null, amount: null, lastError: 'kaufland.bad_request: no' };
    expect(planOffer(desired, refused, product)).toEqual({ kind: 'create' });
  });

  it('waits for a created offer that is not listed yet', () => {
    const pending = { ...confirmed, offerId: null, pendingSince: new Date() };
    expect(planOffer(desired, pending, product)).toEqual({ kind: 'waiting' });
  });

  it('does not create offers it cannot make', () => {
    expect(planOffer({ ...desired, ean: null }, undefined, product)).toEqual({
      kind: 'skip',
      reason: 'no_ean',
    });
    expect(planOffer(desired, undefined, { active: false, eanShared: false })).toEqual({
      kind: 'skip',
      reason: 'inactive',
    });
    expect(planOffer(desired, undefined, { active: true, eanShared: true })).toEqual({
      kind: 'skip',
      reason: 'duplicate_ean',
    });
  });
});
