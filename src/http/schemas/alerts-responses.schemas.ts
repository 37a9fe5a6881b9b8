import { z } from 'zod';
import type { AlertSettingsView } from '../../alerts/alert-settings.ts';
import { ALERT_LANGUAGES } from '../../alerts/catalog.ts';
import type { sendTestMail, sendTestWebhook } from '../../alerts/send-test.ts';
import { WEBHOOK_FORMATS } from '../../alerts/webhook.ts';
import { responseOf } from './same-shape.ts';

/**
 * The answers of the alert settings (alerts.routes.ts). The SMTP password and the webhook URL are write-only:
 * the answer says whether they are set (and the webhook's host), so neither has a field here.
 */
export const alertSettingsResponse = responseOf<AlertSettingsView>()(
  z.object({
    recipients: z.array(z.string()),
    lastSentAt: z.string().nullable(),
    smtpConfigured: z.boolean().describe('An SMTP server is known (from the environment or the settings)'),
    from: z.string().describe('The sender the mails go out with'),
    smtp: z.object({
      source: z.enum(['environment', 'settings', 'none']).describe('ADLERDO_SMTP_URL wins while it is set'),
      host: z.string().nullable(),
      port: z.number().nullable(),
      tls: z.enum(['none', 'starttls', 'tls']),
      user: z.string().nullable(),
      passwordSet: z.boolean(),
      from: z.string().nullable(),
    }),
    webhook: z.object({
      set: z.boolean(),
      host: z.string().nullable(),
      format: z.enum(WEBHOOK_FORMATS),
      lastSentAt: z.string().nullable(),
    }),
    language: z.enum(ALERT_LANGUAGES),
    digest: z.object({
      time: z.string().nullable(),
      timeZone: z.string(),
      lastMailOn: z.string().nullable(),
      lastWebhookOn: z.string().nullable(),
    }),
  }),
);

export const testMailResponse = responseOf<Awaited<ReturnType<typeof sendTestMail>>>()(
  z.object({ sent: z.number().describe('How many recipients the test went to') }),
);

export const testWebhookResponse = responseOf<Awaited<ReturnType<typeof sendTestWebhook>>>()(
  z.object({ sent: z.literal(true), host: z.string().describe('The webhook’s host (never its URL)') }),
);
