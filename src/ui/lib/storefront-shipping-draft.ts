import type { AccountSettings } from '../api-types.ts';
import { i18n } from '../i18n/index.ts';
import type { FieldMessages } from './form-errors.ts';

/** One storefront's own handling time and shipping group as typed (empty group = the shop's default). */
export interface StorefrontShippingDraft {
  handlingTimeDays: string;
  shippingGroupId: string;
}

/** Per storefront of the account: its own values, or null = the account's. */
export type StorefrontShippingMapDraft = Record<string, StorefrontShippingDraft | null>;

type Shipping = AccountSettings['storefrontShipping'][string];

export function shippingDraft(shipping: Shipping): StorefrontShippingDraft {
  return {
    handlingTimeDays: String(shipping.handlingTimeDays),
    shippingGroupId: shipping.shippingGroupId === null ? '' : String(shipping.shippingGroupId),
  };
}

export function toStorefrontShippingDraft(
  settings: AccountSettings,
  storefronts: readonly string[],
): StorefrontShippingMapDraft {
  const codes = [...new Set([...storefronts, ...Object.keys(settings.storefrontShipping)])];
  return Object.fromEntries(
    codes.map((code) => {
      const own = settings.storefrontShipping[code];
      return [code, own ? shippingDraft(own) : null];
    }),
  );
}

/** Field names follow the server's paths, so its messages land under the right input. */
export const shippingField = (code: string, name: keyof StorefrontShippingDraft) =>
  `settings.storefrontShipping.${code}.${name}`;

/**
 * The patch for every storefront in the draft: its values, or null (drop its own). The ranges are checked here
 * too (the server checks them again), so the message is in the language on screen.
 */
export function toStorefrontShippingPatch(
  draft: StorefrontShippingMapDraft,
  errors: FieldMessages,
): Record<string, Shipping | null> {
  const patch: Record<string, Shipping | null> = {};
  for (const [code, own] of Object.entries(draft)) {
    if (own === null) {
      patch[code] = null;
      continue;
    }
    const days = wholeNumber(own.handlingTimeDays);
    if (days === undefined) errors[shippingField(code, 'handlingTimeDays')] = say('wholeNumber');
    else if (days < 0 || days > 100) errors[shippingField(code, 'handlingTimeDays')] = say('days');
    const group = own.shippingGroupId.trim() === '' ? null : wholeNumber(own.shippingGroupId);
    if (group === undefined || (group !== null && group < 1))
      errors[shippingField(code, 'shippingGroupId')] = say('positive');
    patch[code] = { handlingTimeDays: days ?? 0, shippingGroupId: group ?? null };
  }
  return patch;
}

const say = (key: string) => i18n.t(`settings.errors.${key}`, { ns: 'accounts' });

function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return undefined;
  return Number(trimmed);
}
