import { apiRequest } from './api.ts';
import type {
  Account,
  AccountSettingsPatch,
  AccountType,
  NewAccountInput,
  NewCredentialsInput,
} from './api-types.ts';

const one = (id: string) => `/api/accounts/${encodeURIComponent(id)}`;

export const accountsApi = {
  types: async () => (await apiRequest<{ types: AccountType[] }>('GET', '/api/account-types')).types,
  list: async () => (await apiRequest<{ accounts: Account[] }>('GET', '/api/accounts')).accounts,
  add: async (input: NewAccountInput) =>
    (await apiRequest<{ account: Account }>('POST', '/api/accounts', input)).account,
  verify: async (id: string) =>
    (await apiRequest<{ account: Account }>('POST', `${one(id)}/verify`, {})).account,
  /** The marketplace's own carrier codes (GET /carriers through the hub), for the carrier pickers. */
  carriers: async (id: string) =>
    (await apiRequest<{ carriers: string[] }>('GET', `${one(id)}/carriers`)).carriers,
  updateCredentials: async (id: string, input: NewCredentialsInput) =>
    (await apiRequest<{ account: Account }>('PUT', `${one(id)}/credentials`, input)).account,
  updateSettings: async (id: string, settings: AccountSettingsPatch) =>
    (await apiRequest<{ account: Account }>('PATCH', one(id), { settings })).account,
  remove: (id: string, options: { zeroOffers?: boolean } = {}) =>
    apiRequest<undefined>('DELETE', `${one(id)}${options.zeroOffers ? '?zeroOffers=true' : ''}`),
};
