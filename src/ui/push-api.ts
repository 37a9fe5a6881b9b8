import { apiRequest } from './api.ts';
import type { AccountPushView } from '../push/account-push-view.ts';
import type { ErpPushView } from '../push/erp-rules.ts';

export type { AccountPushView, ErpPushView };

/** Push (issue 13): the account card's line and the ERP page's switch. */
export const pushApi = {
  account: async (id: string) =>
    (await apiRequest<{ push: AccountPushView }>('GET', `/api/accounts/${encodeURIComponent(id)}/push`)).push,
  erp: async () => (await apiRequest<{ push: ErpPushView }>('GET', '/api/erp/push')).push,
  setErpConsent: async (consent: boolean) =>
    (await apiRequest<{ push: ErpPushView }>('PUT', '/api/erp/push', { consent })).push,
};
