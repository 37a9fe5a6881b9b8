import { z } from 'zod';
import { erpSettingsPatchSchema } from './erp-settings.ts';

const url = z
  .url({
    protocol: /^https?$/,
    error: 'Enter the ERP address as an http(s) URL, e.g. https://mycompany.odoo.com.',
  })
  .transform((u) => u.replace(/\/+$/, ''));

const secret = z
  .string({ error: 'Enter the API key (or password) of the ERP user.' })
  .trim()
  .min(1, 'Enter the API key (or password) of the ERP user.');

const transport = z.enum(['auto', 'jsonrpc', 'json2'], { error: 'Choose auto, jsonrpc or json2.' });

export const connectErpSchema = z
  .object({
    type: z.string().min(1).default('odoo'),
    url,
    database: z.string({ error: 'Enter the database name.' }).trim().min(1, 'Enter the database name.'),
    login: z
      .string({ error: 'Enter the login of the ERP user.' })
      .trim()
      .min(1, 'Enter the login of the ERP user.'),
    apiKey: secret,
    transport: transport.default('auto'),
  })
  .strict();
export type ConnectErpInput = z.input<typeof connectErpSchema>;

export const updateErpKeySchema = z
  .object({ apiKey: secret, login: z.string().trim().min(1).optional(), transport: transport.optional() })
  .strict();
export type UpdateErpKeyInput = z.input<typeof updateErpKeySchema>;

export const patchErpSchema = z.object({ settings: erpSettingsPatchSchema }).strict();
export type PatchErpInput = z.input<typeof patchErpSchema>;
