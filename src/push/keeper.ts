import type { AppContext } from '../app-context.ts';
import { keepErpPush } from './erp-rules.ts';
import { keepAccountPush } from './marketplace-subscriptions.ts';

/** How often subscriptions and rules are checked: often enough that one disabled by the vendor is back soon. */
const EVERY_MS = 5 * 60_000;

export interface PushKeeper {
  tick(): Promise<void>;
  stop(): void;
}

/**
 * Keeps push in step for every account and the ERP: at start, then every 5 minutes (missing subscriptions
 * created, disabled ones repaired, rules re-installed). Changes made through the API act at once besides.
 */
export function startPushKeeper(app: AppContext, everyMs = EVERY_MS): PushKeeper {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const account of await app.accounts.list()) await keepAccountPush(app, account.id);
      await keepErpPush(app);
    } catch (error) {
      app.logger.error({ err: error }, 'push keeper tick failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
