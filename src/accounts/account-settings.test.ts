import { describe, expect, it } from 'vitest';
import {
  accountSettingsPatchSchema,
  applySettingsPatch,
  defaultSettings,
  readSettings,
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
});
