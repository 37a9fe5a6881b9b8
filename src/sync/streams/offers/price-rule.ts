import type { AccountSettings } from '../../../accounts/account-settings.ts';

export type PriceRule = AccountSettings['priceRule'];

/**
 * The channel price in minor units: ERP price × factor + surcharge, rounded to whole cents first (so float
 * noise such as 1000 × 1.1 = 1100.0000000000002 cannot push `whole` up to 12.00 from 11.00), then moved up to
 * the chosen ending, then raised to the floor. Never below 1 cent: marketplaces refuse a price of 0.
 */
export function applyPriceRule(erpPriceMinor: number, rule: PriceRule): number {
  const cents = Math.round(erpPriceMinor * rule.factor + rule.surchargeMinor);
  const ended = withEnding(cents, rule.rounding);
  return Math.max(ended, rule.minimumMinor ?? 1, 1);
}

/** Rounds up (never down) to the next price ending in .99 / .95 / .90 / .00; 12.96 → 13.95 for up_95. */
function withEnding(cents: number, rounding: PriceRule['rounding']): number {
  const remainder = ((cents % 100) + 100) % 100;
  const base = cents - remainder;
  switch (rounding) {
    case 'none':
      return cents;
    case 'up_99':
      return base + 99;
    case 'up_95':
      return remainder <= 95 ? base + 95 : base + 195;
    case 'up_90':
      return remainder <= 90 ? base + 90 : base + 190;
    case 'whole':
      return remainder === 0 ? cents : base + 100;
  }
}
