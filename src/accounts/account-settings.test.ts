import { describe, expect, it } from 'vitest';
import {
  accountSettingsPatchSchema,
  applySettingsPatch,
  defaultSettings,
  readSettings,
  shippingFor,
} from './account-settings.ts';

describe('account settings', () => {
  it('defaults follow the guide: orders and shipments on, product & stock sync off', () => {
    expect(defaultSettings()).toMatchObject({
      productStockSync: false,
      orderImport: true,
      shipmentConfirmation: true,
    });
  });

  it('a partial change keeps every field it does not name', () => {
    const current = applySettingsPatch(defaultSettings(), { productStockSync: true, handlingTimeDays: 3 });
    const patch = accountSettingsPatchSchema.parse({ safetyBuffer: 2, priceRule: { factor: 1.2 } });
    const next = applySettingsPatch(current, patch);
    expect(next).toMatchObject({ productStockSync: true, handlingTimeDays: 3, safetyBuffer: 2 });
    expect(next.priceRule).toEqual({ factor: 1.2, surchargeMinor: 0, rounding: 'none', minimumMinor: null });
  });

  it('fills fields missing from older stored settings', () => {
    expect(readSettings({ productStockSync: true })).toMatchObject({
      productStockSync: true,
      defaultCarrier: 'DHL',
    });
  });

  it('refuses unknown fields and out-of-range values', () => {
    expect(accountSettingsPatchSchema.safeParse({ secret: 'x' }).success).toBe(false);
    expect(accountSettingsPatchSchema.safeParse({ handlingTimeDays: 101 }).success).toBe(false);
  });

  it('allocation is off by default and takes a whole percentage of 1–100 and a maximum of 0–99,999', () => {
    expect(readSettings({})).toMatchObject({ allocationPercent: null, allocationMax: null });
    const next = applySettingsPatch(
      defaultSettings(),
      accountSettingsPatchSchema.parse({ allocationPercent: 50, allocationMax: 0 }),
    );
    expect(next).toMatchObject({ allocationPercent: 50, allocationMax: 0 });
    for (const bad of [{ allocationPercent: 0 }, { allocationPercent: 101 }, { allocationPercent: 12.5 }])
      expect(accountSettingsPatchSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(accountSettingsPatchSchema.safeParse({ allocationMax: 100_000 }).success).toBe(false);
  });
});

describe('handling time and shipping group per storefront', () => {
  it('a storefront without its own uses the account values, also for settings stored before', () => {
    const stored = readSettings({ handlingTimeDays: 4, shippingGroupId: 9 });
    expect(stored.storefrontShipping).toEqual({});
    expect(shippingFor(stored, 'cz')).toEqual({ handlingTimeDays: 4, shippingGroupId: 9 });
  });

  it('a storefront change starts from the account values, and null drops it again', () => {
    const current = applySettingsPatch(defaultSettings(), { handlingTimeDays: 2, shippingGroupId: 5 });
    const own = applySettingsPatch(
      current,
      accountSettingsPatchSchema.parse({ storefrontShipping: { cz: { handlingTimeDays: 6 } } }),
    );
    expect(shippingFor(own, 'cz')).toEqual({ handlingTimeDays: 6, shippingGroupId: 5 });
    expect(shippingFor(own, 'de')).toEqual({ handlingTimeDays: 2, shippingGroupId: 5 });
    const dropped = applySettingsPatch(
      own,
      accountSettingsPatchSchema.parse({ storefrontShipping: { cz: null } }),
    );
    expect(shippingFor(dropped, 'cz')).toEqual({ handlingTimeDays: 2, shippingGroupId: 5 });
  });

  it('refuses out-of-range days, a shipping group that is not a positive whole number, and bad codes', () => {
    for (const bad of [
      { cz: { handlingTimeDays: 101 } },
      { cz: { handlingTimeDays: -1 } },
      { cz: { handlingTimeDays: 1.5 } },
      { cz: { shippingGroupId: 0 } },
      { cz: { shippingGroupId: 'express' } },
      { CZ: { handlingTimeDays: 1 } },
      { cz: { handlingTimeDays: 1, extra: true } },
    ])
      expect(
        accountSettingsPatchSchema.safeParse({ storefrontShipping: bad }).success,
        JSON.stringify(bad),
      ).toBe(false);
  });
});
