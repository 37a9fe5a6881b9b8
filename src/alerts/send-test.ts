import { AppError } from '../core/errors.ts';
import type { AlertSettingsService } from './alert-settings.ts';
import { ALERT_TEXTS } from './catalog.ts';

/**
 * "Send test" on the settings page, the API and the CLI: one message now through the saved settings. A failed
 * delivery is the caller's to fix (422), in words naming the host and the server's answer, never a secret.
 */
export async function sendTestMail(alerts: AlertSettingsService): Promise<{ sent: number }> {
  const target = await alerts.mailer();
  if (!target)
    throw new AppError(
      'config',
      'alerts.smtp_not_configured',
      'Enter an SMTP server in the alert settings (or set ADLERDO_SMTP_URL), then send the test.',
    );
  if (target.to.length === 0)
    throw new AppError('input', 'alerts.no_recipients', 'Add at least one recipient first.');
  const t = ALERT_TEXTS[target.language];
  await deliverOrExplain(() => target.mailer.send(target.to, { subject: t.testSubject, text: t.testMail }));
  return { sent: target.to.length };
}

export async function sendTestWebhook(alerts: AlertSettingsService): Promise<{ sent: true; host: string }> {
  const { webhook, language } = await alerts.channels();
  if (!webhook)
    throw new AppError(
      'config',
      'alerts.webhook_not_set',
      'Enter the webhook URL first, then send the test.',
    );
  const t = ALERT_TEXTS[language];
  await deliverOrExplain(() => webhook.send({ subject: t.testSubject, text: t.testWebhook }));
  return { sent: true, host: webhook.host };
}

async function deliverOrExplain(send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (error) {
    if (error instanceof AppError) throw new AppError('config', error.code, error.message);
    throw error;
  }
}
