import { apiRequest } from './api.ts';

/** What `GET /api/settings/alerts` answers: never the SMTP URL or its password, only whether it is set. */
export interface AlertSettingsView {
  recipients: string[];
  lastSentAt: string | null;
  smtpConfigured: boolean;
  from: string | null;
}

export const alertsApi = {
  get: () => apiRequest<AlertSettingsView>('GET', '/api/settings/alerts'),
  save: (recipients: string[]) =>
    apiRequest<AlertSettingsView>('PUT', '/api/settings/alerts', { recipients }),
  sendTest: () => apiRequest<{ sent: number }>('POST', '/api/settings/alerts/test', {}),
};
