import type { AccountSettings } from '../../../accounts/account-settings.ts';
import { MAX_OFFER_AMOUNT, type DesiredOffer } from '../../../core/offer.ts';
import type { ErpSettings } from '../../../erp/erp-settings.ts';
import { channelPriceMinor, type ChannelPrice } from './channel-price.ts';

/** The catalog fields an offer is computed from. */
export interface CatalogItem {
  sku: string;
  ean: string | null;
  priceMinor: number;
  freeQty: number;
  /** Pieces sold on a marketplace (any account) that the ERP has not reserved yet: see reservations.ts. */
  reservedQty: number;
  active: boolean;
}

/** What an account holds back and how it prices: the inputs besides the catalog. */
export interface OfferRules {
  erpSafetyBuffer: number;
  accountSafetyBuffer: number;
  /** The account's share of the sellable quantity, percent; null or absent = all of it. */
  allocationPercent?: number | null;
  /** The most the account offers of one SKU; null or absent = no maximum. */
  allocationMax?: number | null;
  priceRule: AccountSettings['priceRule'];
  /**
   * The channel's currency, rate and rule (channel-prices.ts); null while its currency has no usable rate.
   * Absent: the account's price rule on the ERP price as it is.
   */
  price?: ChannelPrice | null;
  handlingTimeDays: number;
  shippingGroupId: number | null;
}

export function offerRules(account: AccountSettings, erp: ErpSettings): OfferRules {
  return {
    erpSafetyBuffer: erp.safetyBuffer,
    accountSafetyBuffer: account.safetyBuffer,
    allocationPercent: account.allocationPercent,
    allocationMax: account.allocationMax,
    priceRule: account.priceRule,
    handlingTimeDays: account.handlingTimeDays,
    shippingGroupId: account.shippingGroupId,
  };
}

/**
 * Sellable quantity: whole free pieces (2.7 kg of a fractional product sells as 2) minus the pieces sold on a
 * marketplace that the ERP has not reserved yet, minus both safety buffers, 0–99,999. An archived product sells
 * nothing; its offer stays, at 0, so the seller keeps its history.
 *
 * The account the buyer bought from needs no special case: the marketplace lowered that offer itself at the
 * sale, but the ERP's free quantity still holds the piece, so free − reserved is that offer's right amount too
 * (1 free, 1 sold and not in the ERP → 0, which is what the marketplace already shows).
 */
export function desiredAmount(freeQty: number, active: boolean, rules: OfferRules, reservedQty = 0): number {
  if (!active || !Number.isFinite(freeQty)) return 0;
  const sellable = Math.floor(freeQty) - reservedQty - rules.erpSafetyBuffer - rules.accountSafetyBuffer;
  return Math.min(MAX_OFFER_AMOUNT, allocated(Math.max(0, sellable), rules));
}

/**
 * The account's allocation of the sellable quantity (off by default): a share, rounded down so that shares
 * adding up to 100 % never offer more than there is (50 % of 3 is 1 on each of two accounts), then a maximum.
 */
function allocated(sellable: number, rules: OfferRules): number {
  const { allocationPercent: percent = null, allocationMax: max = null } = rules;
  const share = percent === null ? sellable : Math.floor((sellable * percent) / 100);
  return max === null ? share : Math.min(share, max);
}

/**
 * The offer the hub wants. Without a usable rate (`rules.price` null) the price stays what the marketplace last
 * confirmed (`knownPriceMinor`), so amounts still sync; with neither there is no offer to make (null).
 */
export function desiredOffer(
  item: CatalogItem,
  rules: OfferRules,
  knownPriceMinor: number | null = null,
): DesiredOffer | null {
  const price = rules.price === undefined ? identityPrice(rules) : rules.price;
  const priceMinor = price === null ? knownPriceMinor : channelPriceMinor(item.priceMinor, price);
  if (priceMinor === null) return null;
  return {
    sku: item.sku,
    ean: item.ean,
    amount: desiredAmount(item.freeQty, item.active, rules, item.reservedQty),
    priceMinor,
    handlingTimeDays: rules.handlingTimeDays,
    shippingGroupId: rules.shippingGroupId,
  };
}

/**
 * A fingerprint of what the amount, price and handling time of every offer depend on besides the catalog:
 * when it changes, every offer of the channel is compared again, not only the changed products.
 * The shipping group is left out: it is only sent when an offer is created.
 */
export function rulesKey(rules: OfferRules): string {
  const { erpSafetyBuffer, accountSafetyBuffer, priceRule, handlingTimeDays } = rules;
  const key: unknown[] = [erpSafetyBuffer, accountSafetyBuffer, priceRule, handlingTimeDays];
  // Currency, rate and the channel's rule: a new rate compares every offer again (only changed prices are
  // sent, 150 per bulk call), and so does a held price becoming usable. Appended only when set.
  if (rules.price !== undefined) key.push({ price: rules.price });
  // Allocation likewise: cursors written before it existed keep their key while it is off.
  const { allocationPercent = null, allocationMax = null } = rules;
  if (allocationPercent !== null || allocationMax !== null)
    key.push({ allocation: [allocationPercent, allocationMax] });
  return JSON.stringify(key);
}

/** No currency given (tests, older callers): the account's rule on the ERP price, 1:1. */
function identityPrice(rules: OfferRules): ChannelPrice {
  return { currency: '', rate: 1, rounding: 0.01, rule: rules.priceRule };
}
