import { AppError } from '../../core/errors.ts';

const KEYS: Record<string, string> = {
  factor: 'factor',
  surcharge: 'surchargeMinor',
  rounding: 'rounding',
  minimum: 'minimumMinor',
};

/**
 * `--price-rule` values → the settings patch the API takes. `factor=1.1,rounding=up_99` changes the account's
 * rule (every storefront without its own); `cz:minimum=4900,rounding=whole` gives cz its own rule, starting
 * from the account's, with surcharge and minimum in the storefront currency's minor units (haléře on cz);
 * `cz:account` drops cz's own rule. The service validates the values (exit 2 on a bad one).
 */
export function priceRulePatch(values: readonly string[]): Record<string, unknown> {
  const patch: { priceRule?: Record<string, unknown>; storefrontPriceRules?: Record<string, unknown> } = {};
  for (const value of values) {
    const match = /^(?:([a-z]{2}):)?(.+)$/i.exec(value.trim());
    const storefront = match?.[1]?.toLowerCase();
    const body = match?.[2] ?? '';
    if (storefront !== undefined && body === 'account') {
      (patch.storefrontPriceRules ??= {})[storefront] = null;
      continue;
    }
    const rule: Record<string, unknown> = {};
    for (const pair of body.split(',')) {
      const [key = '', raw = ''] = pair.split('=').map((s) => s.trim());
      const field = KEYS[key];
      if (field === undefined || raw === '')
        throw new AppError(
          'input',
          'cli.bad_price_rule',
          `--price-rule "${value}": use [storefront:]key=value,… with keys factor, surcharge, rounding, minimum (e.g. cz:factor=1.1,rounding=up_99), or storefront:account.`,
        );
      rule[field] =
        field === 'rounding' ? raw : raw === 'none' && field === 'minimumMinor' ? null : Number(raw);
    }
    if (storefront === undefined) patch.priceRule = { ...patch.priceRule, ...rule };
    else {
      const rules = (patch.storefrontPriceRules ??= {});
      rules[storefront] = { ...(rules[storefront] as object | undefined), ...rule };
    }
  }
  return patch;
}
