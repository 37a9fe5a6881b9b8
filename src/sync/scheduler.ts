import type { AppContext } from '../app-context.ts';
import { pushedSteps } from '../push/polled-steps.ts';
import { scaledMs } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import { currentErpOutage, nextTryAt } from './erp-outage.ts';
import type { SyncQueue } from './queue.ts';
import { stepEnabled } from './step-handlers.ts';
import { DEFAULT_INTERVAL_SECONDS, isStep, STEPS, type Step } from './steps.ts';

// How often the scheduler looks for due steps; steps themselves run every 30 s or more by default. Shorter
// intervals (tests, demos) make it look as often as the shortest one asks, down to once a second.
const TICK_MS = 5_000;
const MIN_INTERVAL_SECONDS = 1;

export interface Scheduler {
  stop(): void;
  /** Looks for due steps now (tests, and right after start). */
  tick(): Promise<void>;
}

export function parseIntervals(text: string | undefined): Record<Step, number> {
  const intervals = { ...DEFAULT_INTERVAL_SECONDS };
  for (const part of (text ?? '').split(',').filter((p) => p.trim())) {
    const [name = '', seconds = ''] = part.split('=').map((s) => s.trim());
    if (!isStep(name)) {
      throw new AppError(
        'config',
        'config.invalid',
        `ADLERDO_SYNC_INTERVALS names an unknown step "${name}". Steps: ${STEPS.join(', ')}.`,
      );
    }
    intervals[name] = Math.max(MIN_INTERVAL_SECONDS, Number(seconds));
  }
  return intervals;
}

/**
 * Enqueues each enabled step of each connected account when its interval has passed. Paused accounts (keys
 * invalid) and a paused ERP get nothing until the seller fixes them. Several schedulers (one per `adlerdo
 * start`) are harmless: a step has at most one pending job (job key), so a second enqueue is a no-op.
 * While the ERP does not answer (src/sync/erp-outage.ts) nothing is enqueued but one probe step whenever the
 * outage backoff allows a try; once a run reaches the ERP again every step is due at once.
 */
export function startScheduler(
  app: AppContext,
  queue: SyncQueue,
  intervals: Record<Step, number>,
): Scheduler {
  const lastEnqueued = new Map<string, number>();
  let lastProbe = 0;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const erp = await app.erp.get();
      if (erp?.status !== 'connected') return;
      const now = Date.now();
      const outage = await currentErpOutage(app.db, erp.type);
      if (outage && now < nextTryAt(outage, lastProbe)) return;
      // Steps that push wakes are polled only as a safety net (issue 13).
      const pushed = await pushedSteps(app);
      const safetyNet = app.config.ADLERDO_PUSH_POLL_SECONDS;
      for (const account of await app.accounts.list()) {
        if (account.status !== 'connected') continue;
        for (const step of STEPS) {
          const key = `${account.id}:${step}`;
          const interval = pushed.get(account.id)?.has(step)
            ? Math.max(intervals[step], safetyNet)
            : intervals[step];
          if (
            !stepEnabled(account.settings, step) ||
            now - (lastEnqueued.get(key) ?? 0) < scaledMs(interval * 1000)
          )
            continue;
          await queue.enqueue({ accountId: account.id, step, trigger: 'schedule' });
          lastEnqueued.set(key, now);
          if (outage) {
            lastProbe = now;
            return;
          }
        }
      }
    } catch (error) {
      app.logger.error({ err: error }, 'scheduler tick failed');
    } finally {
      running = false;
    }
  };
  const tickMs = scaledMs(Math.min(TICK_MS, ...Object.values(intervals).map((seconds) => seconds * 1000)));
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
