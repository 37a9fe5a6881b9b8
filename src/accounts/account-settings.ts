import { z } from 'zod';

/**
 * Per-account sync settings. Defaults follow the guide: orders are imported and shipments confirmed as soon as
 * an account is connected; product & stock sync stays off until the seller turns it on (it changes live offers).
 */
export const priceRuleSchema = z.object({
  /** Multiplies the ERP price (1 = the ERP price as is). */
  factor: z
    .number({ error: 'Enter a number such as 1.1.' })
    .positive('Use a factor above 0.')
    .max(100, 'Use a factor of at most 100.')
    .default(1),
  /** Added after the factor, in minor units (cents). */
  surchargeMinor: z
    .number({ error: 'Enter the surcharge in cents.' })
    .int('Enter whole cents.')
    .min(0, 'The surcharge cannot be negative.')
    .max(10_000_00, 'Use at most 1,000,000 cents.')
    .default(0),
  /** Price endings: none, or round up to .99 / .95 / .90 / a whole unit. */
  rounding: z.enum(['none', 'up_99', 'up_95', 'up_90', 'whole']).default('none'),
  /** Never list below this (minor units); null = no floor. */
  minimumMinor: z
    .number({ error: 'Enter the minimum price in cents.' })
    .int('Enter whole cents.')
    .min(1, 'Use at least 1 cent.')
    .nullable()
    .default(null),
});

export const accountSettingsSchema = z.object({
  productStockSync: z.boolean().default(false),
  orderImport: z.boolean().default(true),
  shipmentConfirmation: z.boolean().default(true),
  /** Sales channels to sync; null = every channel the account has. */
  storefronts: z
    .array(z.string().regex(/^[a-z]{2}$/, 'Use two-letter storefront codes such as de or cz.'))
    .nullable()
    .default(null),
  /** Days from order to dispatch announced on offers (Kaufland allows 0–100). */
  handlingTimeDays: z
    .number({ error: 'Enter a number of days.' })
    .int('Enter whole days.')
    .min(0, 'Use 0 to 100 days.')
    .max(100, 'Use 0 to 100 days.')
    .default(1),
  shippingGroupId: z
    .number({ error: 'Enter the shipping group id (a number).' })
    .int('Enter a whole number.')
    .positive('Enter a positive number.')
    .nullable()
    .default(null),
  /** ERP carrier name → marketplace carrier code; unmapped carriers use defaultCarrier. */
  carrierMapping: z.record(z.string().min(1), z.string().min(1)).default({}),
  defaultCarrier: z.string().min(1).default('DHL'),
  /** Reason sent when an order cancelled in the ERP is cancelled on the marketplace. */
  cancelReason: z.string().min(1).default('NoInventory'),
  /** Units kept back from the marketplace per SKU (free quantity minus this). */
  safetyBuffer: z
    .number({ error: 'Enter a number of units.' })
    .int('Enter whole units.')
    .min(0, 'Use 0 to 99,999 units.')
    .max(99_999, 'Use 0 to 99,999 units.')
    .default(0),
  priceRule: priceRuleSchema.default(priceRuleSchema.parse({})),
});

export type AccountSettings = z.infer<typeof accountSettingsSchema>;

/** A partial change from PATCH or the CLI; nested priceRule fields merge into the current rule. */
export const accountSettingsPatchSchema = accountSettingsSchema
  .omit({ priceRule: true })
  .partial()
  .extend({ priceRule: priceRuleSchema.partial().optional() })
  .strict();

export type AccountSettingsPatch = z.infer<typeof accountSettingsPatchSchema>;

export function defaultSettings(): AccountSettings {
  return accountSettingsSchema.parse({});
}

/** Stored settings may predate newer fields: parse fills their defaults. */
export function readSettings(stored: unknown): AccountSettings {
  const parsed = accountSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : defaultSettings();
}

export function applySettingsPatch(current: AccountSettings, patch: AccountSettingsPatch): AccountSettings {
  const { priceRule, ...rest } = patch;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return accountSettingsSchema.parse({
    ...current,
    ...defined,
    priceRule: { ...current.priceRule, ...priceRule },
  });
}
