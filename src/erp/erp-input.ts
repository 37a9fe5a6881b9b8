import { z } from 'zod';
import { httpUrl, text } from '../core/text.ts';
import { erpSettingsPatchSchema } from './erp-settings.ts';

const url = httpUrl('Enter the ERP address as an http(s) URL, e.g. https://mycompany.odoo.com.').transform(
  (u) => u.replace(/\/+$/, ''),
);

const secret = text({ error: 'Enter the API key (or password) of the ERP user.' })
  .trim()
  .min(1, 'Enter the API key (or password) of the ERP user.')
  .max(1000, 'Use at most 1,000 characters: Odoo API keys are 40.');

const login = text({ error: 'Enter the login of the ERP user.' })
  .trim()
  .min(1, 'Enter the login of the ERP user.')
  .max(200, 'Use at most 200 characters.');

const transport = z.enum(['auto', 'jsonrpc', 'json2'], { error: 'Choose auto, jsonrpc or json2.' });

export const connectErpSchema = z
  .object({
    type: text().min(1).max(50).default('odoo'),
    url,
    database: text({ error: 'Enter the database name.' })
      .trim()
      .min(1, 'Enter the database name.')
      .max(200, 'Use at most 200 characters.'),
    login,
    apiKey: secret,
    transport: transport.default('auto'),
  })
  .strict();
export type ConnectErpInput = z.input<typeof connectErpSchema>;

export const updateErpKeySchema = z
  .object({ apiKey: secret, login: login.optional(), transport: transport.optional() })
  .strict();
export type UpdateErpKeyInput = z.input<typeof updateErpKeySchema>;

export const patchErpSchema = z.object({ settings: erpSettingsPatchSchema }).strict();
export type PatchErpInput = z.input<typeof patchErpSchema>;
