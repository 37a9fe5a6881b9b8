import { apiRequest } from './api.ts';
import type { Admin, AuthState } from './api-types.ts';

export interface Credentials {
  username: string;
  password: string;
}

/** The state also says whether first-start setup needs the setup code from AdlerDo's log. */
export type AuthStatus = AuthState & { setupCodeRequired?: boolean };

export const authApi = {
  state: () => apiRequest<AuthStatus>('GET', '/api/auth/state'),
  setup: (input: Credentials & { setupCode?: string }) =>
    apiRequest<{ admin: Admin }>('POST', '/api/auth/setup', input),
  login: (input: Credentials) => apiRequest<{ admin: Admin }>('POST', '/api/auth/login', input),
  logout: () => apiRequest<undefined>('POST', '/api/auth/logout', {}),
};
