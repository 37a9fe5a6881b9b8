import type { AppContext } from '../app-context.ts';
import { sendDigestIfDue } from './digest.ts';
import { sendAlerts } from './send-alerts.ts';

/** How often the alerter looks for new attention issues and a due digest (messages are throttled apart). */
const CHECK_MS = 15_000;

/**
 * Runs next to the scheduler (`adlerdo start`, the demo): tells the mail recipients and the webhook when attention
 * issues open and clear, and sends the daily digest. The settings are read every round, so what is saved on
 * the settings page applies without a restart; with no channel set up a round does nothing.
 */
export function startAlerter(app: AppContext, checkMs = CHECK_MS): { stop(): void } {
  let running = false;
  const round = async () => {
    await sendAlerts(app);
    await sendDigestIfDue(app, await app.alerts.channels());
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    round()
      .catch((error: unknown) =>
        // Delivery failures are logged by the senders; this is the database or the settings failing.
        app.logger.warn({ code: (error as { code?: string }).code }, (error as Error).message),
      )
      .finally(() => {
        running = false;
      });
  }, checkMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
