import type { AppContext } from '../app-context.ts';
import { createMailer } from './mailer.ts';
import { sendAlerts } from './send-alerts.ts';

/** How often the alerter looks for new attention issues (mails themselves are throttled by the interval). */
const CHECK_MS = 15_000;

/** Runs next to the scheduler (`adlerdo start`, the demo): mails attention issues when they open and clear. */
export function startAlerter(app: AppContext, checkMs = CHECK_MS): { stop(): void } {
  const mailer = createMailer(app.config);
  if (!mailer) {
    app.logger.info('alert e-mails are off: ADLERDO_SMTP_URL is not set');
    return { stop: () => undefined };
  }
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sendAlerts(app, mailer)
      .catch((error: unknown) =>
        // AppError messages from the mailer carry the SMTP answer, never the URL or its password.
        app.logger.warn({ code: (error as { code?: string }).code }, (error as Error).message),
      )
      .finally(() => {
        running = false;
      });
  }, checkMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
