import type { AccountSettings, PriceRounding, PriceRule } from '../api-types.ts';
import { i18n } from '../i18n/index.ts';
import { decimalText } from './decimal-text.ts';
import type { FieldMessages } from './form-errors.ts';

/** One storefront's own rule as typed (amounts in the storefront currency's major units, e.g. "49.00" CZK). */
export interface StorefrontRuleDraft {
  factor: string;
  surcharge: string;
  rounding: PriceRounding;
  /** Empty = no minimum. */
  minimum: string;
}

/** Per storefront of the account: its own rule, or null = the account's rule. */
export type StorefrontRulesDraft = Record<string, StorefrontRuleDraft | null>;

export function ruleDraft(rule: PriceRule): StorefrontRuleDraft {
  return {
    factor: decimalText(rule.factor),
    surcharge: decimalText(rule.surchargeMinor / 100, 2),
    rounding: rule.rounding,
    minimum: rule.minimumMinor === null ? '' : decimalText(rule.minimumMinor / 100, 2),
  };
}

export function toStorefrontRulesDraft(
  settings: AccountSettings,
  storefronts: readonly string[],
): StorefrontRulesDraft {
  const codes = [...new Set([...storefronts, ...Object.keys(settings.storefrontPriceRules)])];
  return Object.fromEntries(
    codes.map((code) => {
      const own = settings.storefrontPriceRules[code];
      return [code, own ? ruleDraft(own) : null];
    }),
  );
}

/**
 * The patch for every storefront shown: its rule, or null (drop its own rule). Only number shapes are checked
 * here; ranges are the server's. Field names follow the server's paths.
 */
export function toStorefrontRulesPatch(
  draft: StorefrontRulesDraft,
  errors: FieldMessages,
): Record<string, PriceRule | null> {
  const patch: Record<string, PriceRule | null> = {};
  for (const [code, rule] of Object.entries(draft)) {
    if (rule === null) {
      patch[code] = null;
      continue;
    }
    const field = (name: string) => `settings.storefrontPriceRules.${code}.${name}`;
    const factor = parseNumber(rule.factor);
    if (factor === undefined) errors[field('factor')] = say('number');
    const surcharge = parseNumber(rule.surcharge === '' ? '0' : rule.surcharge);
    if (surcharge === undefined) errors[field('surchargeMinor')] = say('amount');
    const minimum = rule.minimum.trim() === '' ? null : parseNumber(rule.minimum);
    if (minimum === undefined) errors[field('minimumMinor')] = say('minimum');
    patch[code] = {
      factor: factor ?? 1,
      // Minor units on the wire; rounding avoids 0.29 * 100 = 28.999….
      surchargeMinor: Math.round((surcharge ?? 0) * 100),
      rounding: rule.rounding,
      minimumMinor: minimum === null || minimum === undefined ? null : Math.round(minimum * 100),
    };
  }
  return patch;
}

const say = (key: string) => i18n.t(`settings.errors.${key}`, { ns: 'accounts' });

function parseNumber(text: string): number | undefined {
  const normalized = text.trim().replace(',', '.');
  if (normalized === '') return undefined;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}
