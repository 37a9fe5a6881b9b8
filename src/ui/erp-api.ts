import { apiRequest } from './api.ts';
import type { ConnectErpInput, Erp, ErpSettingsPatch, ErpType, UpdateErpKeyInput } from './erp-types.ts';

export const erpApi = {
  types: async () => (await apiRequest<{ types: ErpType[] }>('GET', '/api/erp-types')).types,
  get: async () => (await apiRequest<{ erp: Erp | null }>('GET', '/api/erp')).erp,
  connect: async (input: ConnectErpInput) => (await apiRequest<{ erp: Erp }>('POST', '/api/erp', input)).erp,
  verify: async () => (await apiRequest<{ erp: Erp }>('POST', '/api/erp/verify', {})).erp,
  updateKey: async (input: UpdateErpKeyInput) =>
    (await apiRequest<{ erp: Erp }>('PUT', '/api/erp/credentials', input)).erp,
  updateSettings: async (settings: ErpSettingsPatch) =>
    (await apiRequest<{ erp: Erp }>('PATCH', '/api/erp', { settings })).erp,
  disconnect: () => apiRequest<undefined>('DELETE', '/api/erp'),
};
