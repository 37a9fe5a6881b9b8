import { marketplaceConnectors } from '../../../connectors/index.ts';
import type { ErpCurrencies } from '../../../core/ports/erp.port.ts';
import type { StepContext } from '../../step-context.ts';
import type { ChannelPrice } from './channel-price.ts';
import type { StockCursor } from './stock-cursor.ts';
import type { SystemNames } from './system-names.ts';

export const CURRENCY_UNUSABLE = 'price.currency_without_rate';
export const RATE_HELD = 'price.rate_held';

/** A rate moving more than 50 % between cycles is more likely a typo (25.21 → 2.521) than a market move. */
const MAX_RATE_JUMP = 0.5;
/** A held rate that stays unchanged this long is taken as meant (a seller who corrected it meanwhile wins). */
const HOLD_MS = 24 * 3_600_000;

type Rates = NonNullable<StockCursor['rates']>;

/**
 * Each channel's price: its currency (from the marketplace connector), the ERP's rate into it (one ERP call per
 * cycle for all channels) and its price rule (the storefront's own, else the account's). A channel whose
 * currency the ERP lacks, has inactive or without a rate gets null — no new offers, no price changes — and one
 * issue per currency says what to do; it clears once the rate is usable. A rate of 0 or one that jumped > 50 %
 * keeps pricing at the last accepted rate (so nothing is repriced) with an issue of its own.
 * The stock cursor `state` is updated in place: the rates accepted and the ERP's currency (for the views).
 */
export async function channelPrices(
  ctx: StepContext,
  state: StockCursor,
  names: SystemNames,
  now = new Date(),
): Promise<Map<string, ChannelPrice | null>> {
  const rates = (state.rates ??= {});
  const connector = marketplaceConnectors[ctx.account.type];
  const currencyOf = new Map(ctx.channels.map((c) => [c, connector?.channelCurrency(c) ?? null]));
  const codes = [...new Set([...currencyOf.values()].filter((c): c is string => c !== null))];
  const erp = codes.length > 0 ? await ctx.erp.currencies(codes) : { companyCurrency: '', currencies: [] };
  if (erp.companyCurrency) state.erpCurrency = erp.companyCurrency;
  const usable = new Map<string, { rate: number; rounding: number }>();
  for (const code of codes) {
    const rate = await usableRate(ctx, erp, code, rates, names, now);
    if (rate !== null) usable.set(code, rate);
  }
  const prices = new Map<string, ChannelPrice | null>();
  for (const [channel, currency] of currencyOf) {
    const rate = currency === null ? undefined : usable.get(currency);
    const rule = ctx.account.settings.storefrontPriceRules[channel] ?? ctx.account.settings.priceRule;
    prices.set(channel, rate === undefined || currency === null ? null : { currency, ...rate, rule });
  }
  return prices;
}

async function usableRate(
  ctx: StepContext,
  erp: ErpCurrencies,
  code: string,
  rates: Rates,
  names: SystemNames,
  now: Date,
): Promise<{ rate: number; rounding: number } | null> {
  const currency = erp.currencies.find((c) => c.code === code);
  if (code === erp.companyCurrency) {
    await ctx.issues.resolve(CURRENCY_UNUSABLE, [code]);
    return { rate: 1, rounding: currency?.rounding ?? 0.01 };
  }
  if (currency === undefined || !currency.active || currency.rate === null) {
    const what =
      currency === undefined ? 'unknown' : !currency.active ? 'inactive' : `active but has no rate`;
    await ctx.issues.raise({
      code: CURRENCY_UNUSABLE,
      subject: code,
      message: `${code} is ${what} in ${names.erp}: ${names.marketplace} offers in ${code} get no new offers and no price changes (stock still syncs).`,
      hint: `Activate ${code} in ${names.erp}, Accounting → Configuration → Currencies, and give it a rate.`,
      details: {
        currency: code,
        companyCurrency: erp.companyCurrency,
        state: currency === undefined ? 'unknown' : !currency.active ? 'inactive' : 'no_rate',
        erp: names.erp,
        marketplace: names.marketplace,
      },
    });
    return null;
  }
  await ctx.issues.resolve(CURRENCY_UNUSABLE, [code]);
  const known = rates[code];
  const jump = known === undefined ? 0 : Math.abs(currency.rate / known.accepted - 1);
  if (currency.rate > 0 && jump <= MAX_RATE_JUMP) return accept(ctx, rates, code, currency);
  const heldSince = known?.held?.rate === currency.rate ? Date.parse(known.held.since) : now.getTime();
  if (known !== undefined && currency.rate > 0 && now.getTime() - heldSince >= HOLD_MS)
    return accept(ctx, rates, code, currency);
  if (known !== undefined)
    rates[code] = { ...known, held: { rate: currency.rate, since: new Date(heldSince).toISOString() } };
  const from = known === undefined ? 'no rate yet' : String(known.accepted);
  await ctx.issues.raise({
    code: RATE_HELD,
    subject: code,
    message:
      currency.rate <= 0
        ? `The ${code} rate in ${names.erp} is ${currency.rate}: prices in ${code} are held.`
        : `The ${code} rate in ${names.erp} moved from ${from} to ${currency.rate} (more than 50 %) since the last cycle: prices in ${code} are held, not repriced.`,
    hint: `Correct the ${code} rate in ${names.erp} if it is a mistake; a rate above 0 left unchanged for 24 hours is taken as meant.`,
    details: {
      currency: code,
      accepted: known?.accepted ?? null,
      rate: currency.rate,
      erp: names.erp,
      marketplace: names.marketplace,
    },
  });
  // A jump keeps pricing at the last accepted rate (so new offers still list); a first rate of 0 has none.
  return known === undefined ? null : { rate: known.accepted, rounding: currency.rounding };
}

async function accept(
  ctx: StepContext,
  rates: Rates,
  code: string,
  currency: { rate: number | null; rounding: number },
): Promise<{ rate: number; rounding: number }> {
  const rate = currency.rate ?? 1;
  rates[code] = { accepted: rate, rounding: currency.rounding };
  await ctx.issues.resolve(RATE_HELD, [code]);
  return { rate, rounding: currency.rounding };
}

/**
 * A channel's price as the last stock run would compute it, from the stock cursor alone (for the views):
 * null while its currency has no accepted rate.
 */
export function storedChannelPrice(
  state: StockCursor,
  currency: string,
  rule: ChannelPrice['rule'],
): ChannelPrice | null {
  if (state.erpCurrency === undefined || currency === state.erpCurrency)
    return { currency, rate: 1, rounding: 0.01, rule };
  const known = state.rates?.[currency];
  return known === undefined
    ? null
    : { currency, rate: known.accepted, rounding: known.rounding ?? 0.01, rule };
}
