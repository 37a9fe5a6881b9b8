import { applyPriceRule, type PriceRule } from './price-rule.ts';

/** How one channel prices: the ERP's rate into the channel's currency, then the channel's price rule. */
export interface ChannelPrice {
  /** ISO code of the channel's currency (offer prices are its minor units). */
  currency: string;
  /** Channel-currency units per 1 unit of the ERP company currency (1 when they are the same). */
  rate: number;
  /** The channel currency's smallest step as the ERP rounds it, e.g. 0.01. */
  rounding: number;
  rule: PriceRule;
}

/**
 * The ERP price converted as Odoo converts (amount × rate, rounded half up to the currency's rounding: 57.49 EUR
 * × 25.21 = 1449.3229 → 1449.32 CZK), then the channel's rule in that currency. The 1e-9 nudge is Odoo's
 * float_round epsilon: 1.005 × 100 must round to 101, not to float noise's 100.
 */
export function channelPriceMinor(erpPriceMinor: number, price: ChannelPrice): number {
  const stepMinor = Math.max(1, Math.round(price.rounding * 100));
  const converted = (erpPriceMinor * price.rate) / stepMinor;
  const convertedMinor = Math.round(converted + Math.sign(converted) * 1e-9) * stepMinor;
  return applyPriceRule(convertedMinor, price.rule);
}
