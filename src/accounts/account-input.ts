import { z } from 'zod';
import { accountSettingsPatchSchema } from './account-settings.ts';

const name = z
  .string({ error: 'Enter an account name.' })
  .trim()
  .min(1, 'Enter an account name, such as "My Kaufland Store".')
  .max(100, 'Use at most 100 characters.');

const key = (label: string) =>
  z
    .string({ error: `Enter the ${label} from the Seller Portal.` })
    .trim()
    .min(1, `Enter the ${label} from the Seller Portal.`);

const baseUrl = z
  .url({
    protocol: /^https?$/,
    error: 'Enter the API root as an http(s) URL, e.g. https://sellerapi.kaufland.com/v2.',
  })
  .transform((u) => u.replace(/\/+$/, ''));

export const addAccountSchema = z
  .object({
    type: z.string().min(1).default('kaufland'),
    name,
    clientId: key('Client ID'),
    clientSecret: key('Client Secret'),
    baseUrl: baseUrl.optional(),
  })
  .strict();
export type AddAccountInput = z.input<typeof addAccountSchema>;

export const updateCredentialsSchema = z
  .object({
    clientId: key('Client ID').optional(),
    clientSecret: key('Client Secret'),
    baseUrl: baseUrl.optional(),
  })
  .strict();
export type UpdateCredentialsInput = z.input<typeof updateCredentialsSchema>;

export const patchAccountSchema = z
  .object({
    name: name.optional(),
    baseUrl: baseUrl.optional(),
    settings: accountSettingsPatchSchema.optional(),
  })
  .strict();
export type PatchAccountInput = z.input<typeof patchAccountSchema>;
