import { z } from 'zod';
import { accountSettingsSchema } from '../../accounts/account-settings.ts';
import type { AccountView } from '../../accounts/account-view.ts';
import { responseOf } from './same-shape.ts';

/**
 * What the API shows of a marketplace account (accounts/account-view.ts). The client id is masked and the
 * secret key has no field at all. Settings reuse the stored settings' schema: readSettings parses them with it,
 * so every value answered fits.
 */
export const accountView = responseOf<AccountView>()(
  z.object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    clientId: z.string().describe('Masked: only the last four characters are shown'),
    baseUrl: z.string(),
    status: z.enum(['connected', 'credentials_invalid', 'paused', 'error']),
    statusMessage: z.string().nullable(),
    storefronts: z.array(z.string()),
    settings: accountSettingsSchema,
    lastVerifiedAt: z.string().nullable(),
    credentialsUpdatedAt: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);

export const accountResponse = z.object({ account: accountView });
export const accountsResponse = z.object({ accounts: z.array(accountView) });
export const carriersResponse = z.object({ carriers: z.array(z.string()) });

/** 204 of a removal: no body. */
export const removedResponse = z.null().describe('No body');
