import { describe, expect, it } from 'vitest';
import { applyPriceRule, type PriceRule } from './price-rule.ts';

const rule = (overrides: Partial<PriceRule> = {}): PriceRule => ({
  factor: 1,
  surchargeMinor: 0,
  rounding: 'none',
  minimumMinor: null,
  ...overrides,
});

describe('applyPriceRule', () => {
  it('keeps the ERP price under the default rule', () => {
    expect(applyPriceRule(1999, rule())).toBe(1999);
  });

  it('multiplies, adds the surcharge and rounds half up to whole cents', () => {
    expect(applyPriceRule(1999, rule({ factor: 1.1 }))).toBe(2199); // 2198.9
    expect(applyPriceRule(1005, rule({ factor: 1.5 }))).toBe(1508); // 1507.5
    expect(applyPriceRule(1000, rule({ factor: 1.2, surchargeMinor: 250 }))).toBe(1450);
  });

  it.each([
    ['up_99', 1250, 1299],
    ['up_99', 1299, 1299],
    ['up_99', 1300, 1399],
    ['up_95', 1200, 1295],
    ['up_95', 1295, 1295],
    ['up_95', 1296, 1395],
    ['up_90', 1290, 1290],
    ['up_90', 1291, 1390],
    ['whole', 1200, 1200],
    ['whole', 1201, 1300],
  ] as const)('rounds up to the %s ending: %i → %i', (rounding, price, expected) => {
    expect(applyPriceRule(price, rule({ rounding }))).toBe(expected);
  });

  it('rounds to cents before the ending, so float noise never adds a whole euro', () => {
    // 1000 × 1.1 = 1100.0000000000002 in floating point.
    expect(applyPriceRule(1000, rule({ factor: 1.1, rounding: 'whole' }))).toBe(1100);
    expect(applyPriceRule(1000, rule({ factor: 1.1, rounding: 'up_99' }))).toBe(1199);
  });

  it('applies the minimum after the ending, and never goes below 1 cent', () => {
    expect(applyPriceRule(500, rule({ rounding: 'up_99', minimumMinor: 700 }))).toBe(700);
    expect(applyPriceRule(900, rule({ rounding: 'up_99', minimumMinor: 700 }))).toBe(999);
    expect(applyPriceRule(0, rule())).toBe(1);
  });
});
