import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../accounts/account-settings.ts';
import { MAX_OFFER_AMOUNT } from '../../../core/offer.ts';
import { readErpSettings } from '../../../erp/erp-settings.ts';
import { desiredAmount, desiredOffer, offerRules, rulesKey, type OfferRules } from './desired-offer.ts';

const rules = (erpSafetyBuffer = 0, accountSafetyBuffer = 0): OfferRules => ({
  ...offerRules(defaultSettings(), readErpSettings({})),
  erpSafetyBuffer,
  accountSafetyBuffer,
});

describe('desiredAmount', () => {
  it('offers the whole free pieces', () => {
    expect(desiredAmount(10, true, rules())).toBe(10);
    expect(desiredAmount(10.9, true, rules())).toBe(10);
  });

  it('holds back the ERP and the account safety buffers', () => {
    expect(desiredAmount(10, true, rules(2, 3))).toBe(5);
    expect(desiredAmount(5.5, true, rules(2, 3))).toBe(0);
    expect(desiredAmount(3, true, rules(2, 3))).toBe(0);
  });

  it('never goes below 0 or above the marketplace limit', () => {
    expect(desiredAmount(-4, true, rules())).toBe(0);
    expect(desiredAmount(250_000, true, rules())).toBe(MAX_OFFER_AMOUNT);
    expect(desiredAmount(Number.NaN, true, rules())).toBe(0);
  });

  it('offers nothing of an archived product', () => {
    expect(desiredAmount(40, false, rules())).toBe(0);
  });

  it('gives an account with an allocation its share (rounded down) and at most its maximum', () => {
    const allocation = (allocationPercent: number | null, allocationMax: number | null) => ({
      ...rules(),
      allocationPercent,
      allocationMax,
    });
    // Two accounts at 50 % each never offer more than there is: 3 sellable → 1 + 1.
    expect(desiredAmount(3, true, allocation(50, null))).toBe(1);
    expect(desiredAmount(10, true, allocation(null, 4))).toBe(4);
    expect(desiredAmount(10, true, allocation(50, 4))).toBe(4);
    expect(desiredAmount(6, true, allocation(50, 4))).toBe(3);
    // After reservations and buffers: (10 − 2 reserved − 2 buffer) × 50 % = 3.
    expect(desiredAmount(10, true, { ...allocation(50, null), erpSafetyBuffer: 2 }, 2)).toBe(3);
    expect(desiredAmount(10, true, allocation(null, null))).toBe(10);
  });

  it('holds back the pieces sold but not reserved in the ERP yet, before the buffers', () => {
    // 2 free in the ERP, 1 owed to an order the ERP has not got yet → 1.
    expect(desiredAmount(2, true, rules(), 1)).toBe(1);
    expect(desiredAmount(10, true, rules(2, 3), 4)).toBe(1);
    expect(desiredAmount(1, true, rules(), 3)).toBe(0);
  });
});

describe('desiredOffer', () => {
  it('combines amount, price rule, handling time and shipping group', () => {
    const settings = {
      ...defaultSettings(),
      safetyBuffer: 1,
      handlingTimeDays: 3,
      shippingGroupId: 42,
      priceRule: { factor: 1.1, surchargeMinor: 0, rounding: 'up_99' as const, minimumMinor: null },
    };
    const offer = desiredOffer(
      { sku: 'MUG-1', ean: '4006381333931', priceMinor: 1250, freeQty: 8, reservedQty: 0, active: true },
      offerRules(settings, readErpSettings({ safetyBuffer: 2 })),
    );
    expect(offer).toEqual({
      sku: 'MUG-1',
      ean: '4006381333931',
      amount: 5,
      priceMinor: 1399, // 1375 → .99
      handlingTimeDays: 3,
      shippingGroupId: 42,
    });
  });
});

describe('rulesKey', () => {
  it('changes with what every offer depends on, not with the shipping group', () => {
    const base = rules();
    expect(rulesKey({ ...base, shippingGroupId: 7 })).toBe(rulesKey(base));
    expect(rulesKey({ ...base, accountSafetyBuffer: 1 })).not.toBe(rulesKey(base));
    expect(rulesKey({ ...base, priceRule: { ...base.priceRule, factor: 1.2 } })).not.toBe(rulesKey(base));
    expect(rulesKey({ ...base, allocationPercent: 50 })).not.toBe(rulesKey(base));
    expect(rulesKey({ ...base, allocationMax: 3 })).not.toBe(rulesKey({ ...base, allocationMax: 4 }));
    // Off: the key cursors were written with before allocation existed, so nothing is compared again.
    expect(rulesKey({ ...base, allocationPercent: null, allocationMax: null })).toBe(
      rulesKey({ ...base, allocationPercent: undefined, allocationMax: undefined }),
    );
  });
});
