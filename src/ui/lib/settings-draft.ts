import type { AccountSettings, AccountSettingsPatch, PriceRounding } from '../api-types.ts';
import { i18n } from '../i18n/index.ts';
import { decimalText } from './decimal-text.ts';
import type { FieldMessages } from './form-errors.ts';
import {
  toStorefrontShippingDraft,
  toStorefrontShippingPatch,
  type StorefrontShippingMapDraft,
} from './storefront-shipping-draft.ts';
import {
  toStorefrontRulesDraft,
  toStorefrontRulesPatch,
  type StorefrontRulesDraft,
} from './storefront-rules-draft.ts';

/** The settings form's state: numbers as typed, so a half-typed "1." is not turned into 1 under the cursor. */
export interface SettingsDraft {
  productStockSync: boolean;
  orderImport: boolean;
  shipmentConfirmation: boolean;
  invoiceOnShipment: boolean;
  autoAcceptReturns: boolean;
  postCreditNotes: boolean;
  /** Every storefront of the account, also ones added later (stored as null); else only `storefronts`. */
  allStorefronts: boolean;
  /** The picked storefronts when not `allStorefronts`; kept while "all" is chosen, so switching back keeps them. */
  storefronts: string[];
  handlingTimeDays: string;
  shippingGroupId: string;
  defaultCarrier: string;
  safetyBuffer: string;
  /** Empty = no allocation (all of the sellable quantity, no maximum). */
  allocationPercent: string;
  allocationMax: string;
  factor: string;
  surcharge: string;
  rounding: PriceRounding;
  /** Per storefront: its own rule or null (the account's). */
  storefrontRules: StorefrontRulesDraft;
  /** Per storefront: its own handling time and shipping group, or null (the account's). */
  storefrontShipping: StorefrontShippingMapDraft;
}

/** Input names are the server's field paths, so its messages land under the right input. */
export const SETTINGS_FIELDS = [
  'settings.productStockSync',
  'settings.orderImport',
  'settings.shipmentConfirmation',
  'settings.invoiceOnShipment',
  'settings.autoAcceptReturns',
  'settings.postCreditNotes',
  'settings.storefronts',
  'settings.handlingTimeDays',
  'settings.shippingGroupId',
  'settings.defaultCarrier',
  'settings.safetyBuffer',
  'settings.allocationPercent',
  'settings.allocationMax',
  'settings.priceRule.factor',
  'settings.priceRule.surchargeMinor',
  'settings.priceRule.rounding',
] as const;

/**
 * The per-storefront inputs too (own shipping, own price rule), so a server message about
 * `settings.storefrontShipping.cz.handlingTimeDays` lands under that input rather than above the button.
 */
export function settingsFields(storefronts: readonly string[], settings: AccountSettings): string[] {
  const codes = [
    ...new Set([
      ...storefronts,
      ...Object.keys(settings.storefrontShipping),
      ...Object.keys(settings.storefrontPriceRules),
    ]),
  ];
  return [
    ...SETTINGS_FIELDS,
    ...codes.flatMap((code) => [
      `settings.storefrontShipping.${code}.handlingTimeDays`,
      `settings.storefrontShipping.${code}.shippingGroupId`,
      ...['factor', 'surchargeMinor', 'minimumMinor', 'rounding'].map(
        (field) => `settings.storefrontPriceRules.${code}.${field}`,
      ),
    ]),
  ];
}

export function toDraft(settings: AccountSettings, storefronts: readonly string[] = []): SettingsDraft {
  return {
    productStockSync: settings.productStockSync,
    orderImport: settings.orderImport,
    shipmentConfirmation: settings.shipmentConfirmation,
    invoiceOnShipment: settings.invoiceOnShipment,
    autoAcceptReturns: settings.autoAcceptReturns,
    postCreditNotes: settings.postCreditNotes,
    allStorefronts: settings.storefronts === null,
    storefronts: settings.storefronts ?? [],
    handlingTimeDays: String(settings.handlingTimeDays),
    shippingGroupId: settings.shippingGroupId === null ? '' : String(settings.shippingGroupId),
    defaultCarrier: settings.defaultCarrier,
    safetyBuffer: String(settings.safetyBuffer),
    allocationPercent: settings.allocationPercent === null ? '' : String(settings.allocationPercent),
    allocationMax: settings.allocationMax === null ? '' : String(settings.allocationMax),
    factor: decimalText(settings.priceRule.factor),
    surcharge: decimalText(settings.priceRule.surchargeMinor / 100, 2),
    rounding: settings.priceRule.rounding,
    storefrontRules: toStorefrontRulesDraft(settings, storefronts),
    storefrontShipping: toStorefrontShippingDraft(settings, storefronts),
  };
}

export type DraftResult = { patch: AccountSettingsPatch } | { errors: FieldMessages };

/** Checks what only the browser can (is it a number at all); ranges are the server's to judge. */
export function toPatch(draft: SettingsDraft): DraftResult {
  const errors: FieldMessages = {};
  const whole = (field: string, text: string): number => {
    const value = parseNumber(text);
    if (value === undefined || !Number.isInteger(value)) errors[field] = say('wholeNumber');
    return value ?? 0;
  };
  const handlingTimeDays = whole('settings.handlingTimeDays', draft.handlingTimeDays);
  if (!errors['settings.handlingTimeDays'] && (handlingTimeDays < 0 || handlingTimeDays > 100))
    errors['settings.handlingTimeDays'] = say('days');
  const safetyBuffer = whole('settings.safetyBuffer', draft.safetyBuffer);
  const optionalWhole = (field: string, text: string): number | null =>
    text.trim() === '' ? null : whole(field, text);
  const shippingGroupId = optionalWhole('settings.shippingGroupId', draft.shippingGroupId);
  const allocationPercent = optionalWhole('settings.allocationPercent', draft.allocationPercent);
  const allocationMax = optionalWhole('settings.allocationMax', draft.allocationMax);
  const factor = parseNumber(draft.factor);
  if (factor === undefined) errors['settings.priceRule.factor'] = say('number');
  const surcharge = parseNumber(draft.surcharge === '' ? '0' : draft.surcharge);
  if (surcharge === undefined) errors['settings.priceRule.surchargeMinor'] = say('amount');
  const storefrontPriceRules = toStorefrontRulesPatch(draft.storefrontRules, errors);
  const storefrontShipping = toStorefrontShippingPatch(draft.storefrontShipping, errors);
  if (!draft.allStorefronts && draft.storefronts.length === 0)
    errors['settings.storefronts'] = say('storefronts');
  if (draft.defaultCarrier.trim() === '') errors['settings.defaultCarrier'] = say('carrier');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    patch: {
      productStockSync: draft.productStockSync,
      orderImport: draft.orderImport,
      shipmentConfirmation: draft.shipmentConfirmation,
      invoiceOnShipment: draft.invoiceOnShipment,
      autoAcceptReturns: draft.autoAcceptReturns,
      postCreditNotes: draft.postCreditNotes,
      storefronts: draft.allStorefronts ? null : draft.storefronts,
      handlingTimeDays,
      shippingGroupId,
      defaultCarrier: draft.defaultCarrier.trim(),
      safetyBuffer,
      allocationPercent,
      allocationMax,
      priceRule: {
        factor: factor ?? 1,
        // Minor units (cents) on the wire; rounding avoids 0.29 * 100 = 28.999….
        surchargeMinor: Math.round((surcharge ?? 0) * 100),
        rounding: draft.rounding,
      },
      storefrontPriceRules,
      storefrontShipping,
    },
  };
}

/** The browser-side checks' words, in the language on screen. */
const say = (key: string) => i18n.t(`settings.errors.${key}`, { ns: 'accounts' });

function parseNumber(text: string): number | undefined {
  const normalized = text.trim().replace(',', '.');
  if (normalized === '') return undefined;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}
