import type { Selectable } from 'kysely';
import type { MarketplaceAccountsTable } from '../store/schema.ts';
import { mask } from '../secrets/secret-box.ts';
import { readSettings, type AccountSettings } from './account-settings.ts';

/** What the API, UI and CLI show of an account. It has no field that could hold a secret. */
export interface AccountView {
  id: string;
  name: string;
  type: string;
  clientId: string;
  baseUrl: string;
  status: MarketplaceAccountsTable['status']['__select__'];
  statusMessage: string | null;
  storefronts: string[];
  settings: AccountSettings;
  lastVerifiedAt: string | null;
  credentialsUpdatedAt: string;
  createdAt: string;
  updatedAt: string;
}

export const STATUS_MESSAGES = {
  credentials_invalid:
    'Credentials invalid — the API keys may have been regenerated in the Seller Portal; update them here.',
} as const;

export function toAccountView(row: Selectable<MarketplaceAccountsTable>): AccountView {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    clientId: mask(row.client_id_last4),
    baseUrl: row.base_url,
    status: row.status,
    statusMessage: row.status_message,
    storefronts: row.storefronts,
    settings: readSettings(row.settings),
    lastVerifiedAt: row.last_verified_at?.toISOString() ?? null,
    credentialsUpdatedAt: row.credentials_updated_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
