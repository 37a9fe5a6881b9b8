import type { AlertSettingsRequest, AlertSettingsView } from '../alerts/alert-settings.ts';
import { apiRequest } from './api.ts';

export type { AlertSettingsView };

/** `/api/settings/alerts`: answers never hold the SMTP password or the webhook URL, only whether they are set. */
export const alertsApi = {
  get: () => apiRequest<AlertSettingsView>('GET', '/api/settings/alerts'),
  /** Only the parts sent change; an empty password or webhook URL keeps the stored one. */
  save: (input: AlertSettingsRequest) => apiRequest<AlertSettingsView>('PUT', '/api/settings/alerts', input),
  sendTestMail: () => apiRequest<{ sent: number }>('POST', '/api/settings/alerts/test', {}),
  sendTestWebhook: () =>
    apiRequest<{ sent: true; host: string }>('POST', '/api/settings/alerts/webhook/test', {}),
};
