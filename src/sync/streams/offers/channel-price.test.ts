import { describe, expect, it } from 'vitest';
import { channelPriceMinor, type ChannelPrice } from './channel-price.ts';

const rule = { factor: 1, surchargeMinor: 0, rounding: 'none', minimumMinor: null } as const;
const czk = (over: Partial<ChannelPrice> = {}): ChannelPrice => ({
  currency: 'CZK',
  rate: 25.21,
  rounding: 0.01,
  rule,
  ...over,
});

describe('channelPriceMinor', () => {
  it('converts as Odoo does: amount × rate, rounded half up to the currency rounding', () => {
    expect(channelPriceMinor(5749, czk())).toBe(144932); // 1,449.3229
    expect(channelPriceMinor(5749, czk({ rate: 4.285 }))).toBe(24634); // 246.34465
    expect(channelPriceMinor(1, czk({ rate: 0.5 }))).toBe(1); // 0.005 → 0.01, half up
    expect(channelPriceMinor(5749, czk({ rate: 1 }))).toBe(5749);
  });

  it('rounds to a coarser currency rounding (1.00) before the rule', () => {
    expect(channelPriceMinor(5749, czk({ rounding: 1 }))).toBe(144900);
  });

  it('applies the rule in the storefront currency and never goes below the minimum or to 0', () => {
    expect(channelPriceMinor(5749, czk({ rule: { ...rule, rounding: 'up_99' } }))).toBe(144999);
    expect(channelPriceMinor(1, czk({ rule: { ...rule, minimumMinor: 4900 } }))).toBe(4900);
    // A tiny price at a tiny rate rounds to 0 CZK: still 1 haléř, never 0.
    expect(channelPriceMinor(1, czk({ rate: 0.001 }))).toBe(1);
  });
});
