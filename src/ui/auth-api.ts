import { apiRequest } from './api.ts';
import type { Admin, AuthState } from './api-types.ts';

export interface Credentials {
  username: string;
  password: string;
}

export const authApi = {
  state: () => apiRequest<AuthState>('GET', '/api/auth/state'),
  setup: (input: Credentials) => apiRequest<{ admin: Admin }>('POST', '/api/auth/setup', input),
  login: (input: Credentials) => apiRequest<{ admin: Admin }>('POST', '/api/auth/login', input),
  logout: () => apiRequest<undefined>('POST', '/api/auth/logout', {}),
};
