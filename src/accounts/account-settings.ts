import { z } from 'zod';
import { text } from '../core/text.ts';

const priceRuleFields = {
  /** Multiplies the ERP price (1 = the ERP price as is). */
  factor: z
    .number({ error: 'Enter a number such as 1.1.' })
    .positive('Use a factor above 0.')
    .max(100, 'Use a factor of at most 100.'),
  /** Added after the factor, in minor units (cents). */
  surchargeMinor: z
    .number({ error: 'Enter the surcharge in cents.' })
    .int('Enter whole cents.')
    .min(0, 'The surcharge cannot be negative.')
    .max(10_000_00, 'Use at most 1,000,000 cents.'),
  /** Price endings: none, or round up to .99 / .95 / .90 / a whole unit. */
  rounding: z.enum(['none', 'up_99', 'up_95', 'up_90', 'whole']),
  /** Never list below this (minor units); null = no floor. */
  minimumMinor: z
    .number({ error: 'Enter the minimum price in cents.' })
    .int('Enter whole cents.')
    .min(1, 'Use at least 1 cent.')
    .nullable(),
};

/** Carrier names and codes: generous limits, so no stored mapping falls back to the defaults. */
const carrierName = text().min(1, 'Enter a carrier.').max(200, 'Use at most 200 characters.');

const fields = {
  productStockSync: z.boolean(),
  orderImport: z.boolean(),
  shipmentConfirmation: z.boolean(),
  /** Sales channels to sync; null = every channel the account has. */
  storefronts: z
    .array(z.string().regex(/^[a-z]{2}$/, 'Use two-letter storefront codes such as de or cz.'))
    .max(50, 'Choose at most 50 storefronts.')
    .nullable(),
  /** Days from order to dispatch announced on offers (Kaufland allows 0–100). */
  handlingTimeDays: z
    .number({ error: 'Enter a number of days.' })
    .int('Enter whole days.')
    .min(0, 'Use 0 to 100 days.')
    .max(100, 'Use 0 to 100 days.'),
  shippingGroupId: z
    .number({ error: 'Enter the shipping group id (a number).' })
    .int('Enter a whole number.')
    .positive('Enter a positive number.')
    .nullable(),
  /** ERP carrier name → marketplace carrier code; unmapped carriers use defaultCarrier. */
  carrierMapping: z
    .record(carrierName, carrierName)
    .refine((mapping) => Object.keys(mapping).length <= 200, 'Map at most 200 carriers.'),
  defaultCarrier: carrierName,
  /** Reason sent when an order cancelled in the ERP is cancelled on the marketplace. */
  cancelReason: text()
    .min(1, 'Enter a cancel reason such as NoInventory.')
    .max(100, 'Use at most 100 characters.'),
  /** Units kept back from the marketplace per SKU (free quantity minus this). */
  safetyBuffer: z
    .number({ error: 'Enter a number of units.' })
    .int('Enter whole units.')
    .min(0, 'Use 0 to 99,999 units.')
    .max(99_999, 'Use 0 to 99,999 units.'),
  /**
   * Allocation (off by default), for sellers who would rather never oversell across accounts than offer
   * everything everywhere: this account offers at most this share (percent) of each SKU's sellable quantity…
   */
  allocationPercent: z
    .number({ error: 'Enter a percentage.' })
    .int('Enter a whole percentage.')
    .min(1, 'Use 1 to 100 %.')
    .max(100, 'Use 1 to 100 %.')
    .nullable(),
  /** …and at most this many pieces of each SKU; null = no maximum. */
  allocationMax: z
    .number({ error: 'Enter a number of units.' })
    .int('Enter whole units.')
    .min(0, 'Use 0 to 99,999 units.')
    .max(99_999, 'Use 0 to 99,999 units.')
    .nullable(),
  /** After the sale (issue 11): create and post the ERP invoice once every unit of an order has shipped. */
  invoiceOnShipment: z.boolean(),
  /** Accept a return on the marketplace as soon as the warehouse has booked it back in the ERP. */
  autoAcceptReturns: z.boolean(),
  /** Post the ERP credit notes for returns and refunds (off: drafts for the accountant). */
  postCreditNotes: z.boolean(),
  /** Where the marketplace mails when it gives up calling AdlerDo back (push, issue 13); null = no push. */
  pushEmail: z.email('Enter an e-mail address such as shop@example.com.').max(254).nullable(),
};

/**
 * Per-account sync settings. Defaults follow the guide: orders are imported and shipments confirmed as soon as
 * an account is connected; product & stock sync stays off until the seller turns it on (it changes live offers).
 */
const DEFAULTS = {
  productStockSync: false,
  orderImport: true,
  shipmentConfirmation: true,
  storefronts: null,
  handlingTimeDays: 1,
  shippingGroupId: null,
  carrierMapping: {},
  defaultCarrier: 'DHL',
  cancelReason: 'NoInventory',
  safetyBuffer: 0,
  allocationPercent: null,
  allocationMax: null,
  invoiceOnShipment: false,
  autoAcceptReturns: true,
  postCreditNotes: true,
  pushEmail: null,
  priceRule: { factor: 1, surchargeMinor: 0, rounding: 'none', minimumMinor: null },
  storefrontPriceRules: {},
  storefrontShipping: {},
} as const;

export const priceRuleSchema = z.object(priceRuleFields);
const storefrontCode = z.string().regex(/^[a-z]{2}$/, 'Use two-letter storefront codes such as de or cz.');
/**
 * A storefront's own price rule, in its currency's minor units (surcharge and minimum in haléře on cz); a
 * storefront without one uses the account's `priceRule`. At most 50, like `storefronts`.
 */
const storefrontPriceRulesSchema = z
  .record(storefrontCode, priceRuleSchema)
  .refine((rules) => Object.keys(rules).length <= 50, 'Give at most 50 storefronts their own rule.');
/** A storefront's own handling time and shipping group (the same ranges as the account's). */
export const storefrontShippingSchema = z.object({
  handlingTimeDays: fields.handlingTimeDays,
  shippingGroupId: fields.shippingGroupId,
});
/**
 * Per storefront: its own handling time and shipping group; a storefront without an entry uses the account's
 * `handlingTimeDays` and `shippingGroupId`, so settings stored before this existed keep their meaning.
 */
const storefrontShippingMapSchema = z
  .record(storefrontCode, storefrontShippingSchema)
  .refine((map) => Object.keys(map).length <= 50, 'Give at most 50 storefronts their own shipping.');
export const accountSettingsSchema = z.object({
  ...fields,
  priceRule: priceRuleSchema,
  storefrontPriceRules: storefrontPriceRulesSchema,
  storefrontShipping: storefrontShippingMapSchema,
});
export type AccountSettings = z.infer<typeof accountSettingsSchema>;

/**
 * A change from PATCH or the CLI: only the fields given (no defaults here, or every field left out would be
 * reset); nested priceRule fields merge into the current rule.
 */
export const accountSettingsPatchSchema = z
  .object(fields)
  .partial()
  .extend({
    priceRule: priceRuleSchema.partial().strict().optional(),
    /** Per storefront: fields merge into its rule (starting from the account's); null drops its own rule. */
    storefrontPriceRules: z
      .record(storefrontCode, priceRuleSchema.partial().strict().nullable())
      .refine((rules) => Object.keys(rules).length <= 50, 'Give at most 50 storefronts their own rule.')
      .optional(),
    /** Per storefront: fields merge into its own (starting from the account's); null drops its own. */
    storefrontShipping: z
      .record(storefrontCode, storefrontShippingSchema.partial().strict().nullable())
      .refine((map) => Object.keys(map).length <= 50, 'Give at most 50 storefronts their own shipping.')
      .optional(),
  })
  .strict();
export type AccountSettingsPatch = z.infer<typeof accountSettingsPatchSchema>;

export function defaultSettings(): AccountSettings {
  return structuredClone(DEFAULTS);
}

/** Stored settings may predate newer fields: those get their defaults. */
export function readSettings(stored: unknown): AccountSettings {
  const base = defaultSettings();
  const value = (stored ?? {}) as Partial<AccountSettings>;
  const merged = {
    ...base,
    ...value,
    priceRule: { ...base.priceRule, ...value.priceRule },
    storefrontPriceRules: value.storefrontPriceRules ?? {},
    storefrontShipping: value.storefrontShipping ?? {},
  };
  const parsed = accountSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : base;
}

export function applySettingsPatch(current: AccountSettings, patch: AccountSettingsPatch): AccountSettings {
  const { priceRule, storefrontPriceRules, storefrontShipping, ...rest } = patch;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const accountRule = { ...current.priceRule, ...priceRule };
  const perStorefront: Record<string, unknown> = { ...current.storefrontPriceRules };
  for (const [storefront, change] of Object.entries(storefrontPriceRules ?? {})) {
    if (change === null) delete perStorefront[storefront];
    else
      perStorefront[storefront] = { ...(current.storefrontPriceRules[storefront] ?? accountRule), ...change };
  }
  const next = { ...current, ...defined };
  const shipping: Record<string, unknown> = { ...current.storefrontShipping };
  for (const [storefront, change] of Object.entries(storefrontShipping ?? {})) {
    if (change === null) delete shipping[storefront];
    else
      shipping[storefront] = {
        ...(current.storefrontShipping[storefront] ?? accountShipping(next)),
        ...change,
      };
  }
  return accountSettingsSchema.parse({
    ...next,
    priceRule: accountRule,
    storefrontPriceRules: perStorefront,
    storefrontShipping: shipping,
  });
}

export type StorefrontShipping = z.infer<typeof storefrontShippingSchema>;

function accountShipping(settings: Pick<AccountSettings, keyof StorefrontShipping>): StorefrontShipping {
  return { handlingTimeDays: settings.handlingTimeDays, shippingGroupId: settings.shippingGroupId };
}

/** The handling time and shipping group offers on this storefront announce: its own, else the account's. */
export function shippingFor(settings: AccountSettings, storefront: string): StorefrontShipping {
  return settings.storefrontShipping[storefront] ?? accountShipping(settings);
}
