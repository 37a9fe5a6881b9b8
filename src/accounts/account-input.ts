import { z } from 'zod';
import { httpUrl, text } from '../core/text.ts';
import { accountSettingsPatchSchema } from './account-settings.ts';

const name = text({ error: 'Enter an account name.' })
  .trim()
  .min(1, 'Enter an account name, such as "My Kaufland Store".')
  .max(100, 'Use at most 100 characters.');

// Kaufland's keys are 32 and 64 characters; 500 leaves room for other marketplaces and refuses junk.
const key = (label: string) =>
  text({ error: `Enter the ${label} from the Seller Portal.` })
    .trim()
    .min(1, `Enter the ${label} from the Seller Portal.`)
    .max(500, `The ${label} is longer than any key the Seller Portal gives (at most 500 characters).`);

const baseUrl = httpUrl(
  'Enter the API root as an http(s) URL, e.g. https://sellerapi.kaufland.com/v2.',
).transform((u) => u.replace(/\/+$/, ''));

export const addAccountSchema = z
  .object({
    type: text().min(1).max(50).default('kaufland'),
    name,
    clientId: key('Client ID'),
    clientSecret: key('Client Secret'),
    baseUrl: baseUrl.optional(),
  })
  .strict();
export type AddAccountInput = z.input<typeof addAccountSchema>;

export const updateCredentialsSchema = z
  .object({
    // Required: "Generate new API keys" replaces both, so an old Client ID with a new secret can only fail.
    clientId: key('Client ID'),
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
