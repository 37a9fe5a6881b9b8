import { apiRequest } from './api.ts';
import type { Admin } from './api-types.ts';
// The server's own type (erased by the build): a changed answer breaks the type check, not the page.
import type { AdminSummary } from '../auth/admins.ts';

export type { AdminSummary };

export const adminsApi = {
  list: () => apiRequest<{ admins: AdminSummary[]; you: string | null }>('GET', '/api/admins'),
  create: (input: { username: string; password: string }) =>
    apiRequest<{ admin: Admin }>('POST', '/api/admins', input),
  setPassword: (id: string, input: { password: string; currentPassword?: string }) =>
    apiRequest<undefined>('PUT', `/api/admins/${encodeURIComponent(id)}/password`, input),
  revokeSessions: (id: string) =>
    apiRequest<{ revoked: number }>('DELETE', `/api/admins/${encodeURIComponent(id)}/sessions`),
  remove: (id: string) => apiRequest<undefined>('DELETE', `/api/admins/${encodeURIComponent(id)}`),
};
