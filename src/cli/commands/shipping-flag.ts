import { AppError } from '../../core/errors.ts';

type Field = 'handlingTimeDays' | 'shippingGroupId';

/**
 * `--handling-time` / `--shipping-group` values → the settings patch the API takes. A plain value (`2`) changes
 * the account's, which every storefront without its own uses; `cz:4` gives cz its own (starting from the
 * account's other value); `cz:account` drops cz's own handling time and shipping group both, as the form's
 * checkbox does. `none` as a shipping group means the shop's default group. The service validates the numbers.
 */
export function shippingPatch(
  flag: '--handling-time' | '--shipping-group',
  values: readonly string[],
): Record<string, unknown> {
  const field: Field = flag === '--handling-time' ? 'handlingTimeDays' : 'shippingGroupId';
  const patch: Record<string, unknown> & { storefrontShipping?: Record<string, unknown> } = {};
  for (const value of values) {
    const match = /^(?:([a-z]{2}):)?(.*)$/i.exec(value.trim());
    const storefront = match?.[1]?.toLowerCase();
    const body = (match?.[2] ?? '').trim();
    if (body === '')
      throw new AppError(
        'input',
        'cli.bad_shipping_flag',
        `${flag} "${value}": give a value for the account (e.g. 2) or storefront:value (e.g. cz:4), or storefront:account.`,
      );
    if (storefront !== undefined && body === 'account') {
      (patch.storefrontShipping ??= {})[storefront] = null;
      continue;
    }
    const parsed =
      field === 'shippingGroupId' && body === 'none' ? null : /^-?\d+$/.test(body) ? Number(body) : body;
    if (storefront === undefined) patch[field] = parsed;
    else {
      const own = (patch.storefrontShipping ??= {});
      own[storefront] = { ...(own[storefront] as object | null | undefined), [field]: parsed };
    }
  }
  return patch;
}
