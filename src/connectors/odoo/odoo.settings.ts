import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { ErpCredentials } from '../../core/ports/erp.port.ts';
import type { CallRecord } from '../../core/ports/marketplace.port.ts';

export const TRANSPORTS = ['auto', 'jsonrpc', 'json2'] as const;
export type TransportChoice = (typeof TRANSPORTS)[number];

export const odooSettingsSchema = z.object({
  url: z.url().transform((url) => url.replace(/\/+$/, '')),
  database: z.string().min(1),
  login: z.string().min(1),
  secret: z.string().min(1),
  transport: z.enum(TRANSPORTS).default('auto'),
  /** One call may take this long; `search_read` of 4,300 products with stock took ~0.9 s on a 2-core Odoo. */
  timeoutMs: z.number().int().positive().default(30_000),
  /** Retries after the first attempt for transport errors (see transport/retry.ts for the schedule). */
  retries: z.number().int().min(0).max(10).default(4),
  minRetryDelayMs: z.number().int().min(0).default(300),
  /**
   * Odoo tax ids put on marketplace order lines. Marketplace prices are gross, so these should be
   * price-included taxes (e.g. "19% incl."). Unset: Odoo applies the product's default taxes.
   */
  orderTaxIds: z.array(z.number().int().positive()).optional(),
});

type CallHook = { onCall?: (call: CallRecord) => void };
export type OdooSettings = z.infer<typeof odooSettingsSchema> & CallHook;
export type OdooSettingsInput = z.input<typeof odooSettingsSchema> & CallHook;

/** The hub's vendor-neutral credentials (transport as free text, checked here) plus Odoo-only options. */
export type OdooConnectionInput =
  OdooSettingsInput | (ErpCredentials & Partial<Omit<OdooSettingsInput, keyof ErpCredentials>>);

export function parseOdooSettings(input: OdooConnectionInput): OdooSettings {
  const parsed = odooSettingsSchema.safeParse(input);
  if (parsed.success) return { ...parsed.data, onCall: input.onCall };
  throw new AppError(
    'input',
    'odoo.invalid_settings',
    'The Odoo connection settings are incomplete or invalid.',
    {
      fields: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    },
  );
}
