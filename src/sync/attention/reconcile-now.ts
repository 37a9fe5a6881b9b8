import type { AppContext } from '../../app-context.ts';
import { reconcileAttention, type ReconcileResult } from './reconcile.ts';

/** reconcileAttention with the configured rules; a failure is logged, never thrown (it must not fail a run or a page). */
export async function reconcileNow(
  app: Pick<AppContext, 'db' | 'config' | 'logger'>,
): Promise<ReconcileResult | undefined> {
  try {
    return await reconcileAttention(app.db, {
      failedRunsInARow: app.config.ADLERDO_ATTENTION_FAILED_RUNS,
      heldOrderMinutes: app.config.ADLERDO_ATTENTION_HELD_MINUTES,
    });
  } catch (error) {
    app.logger.error({ err: error }, 'attention issues could not be updated');
    return undefined;
  }
}
