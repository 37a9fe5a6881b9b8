import type { AppContext } from '../app-context.ts';
import type { PushChange } from '../core/ports/push.port.ts';
import { stepEnabled } from '../sync/step-handlers.ts';
import { isStep, type Step } from '../sync/steps.ts';
import { Coalescer } from './coalesce.ts';

/**
 * Queues the steps a push announced, for the accounts it concerns. The queue keeps one pending job per account
 * and step (its job key), so 10,000 callbacks in a minute leave at most one waiting job per account and step
 * (plus the one running); callbacks arriving together share one write (coalesce.ts). Only what would also run on schedule is queued: a paused account, an ERP that needs
 * attention or a step switched off gets nothing.
 */
export async function enqueueChanges(
  app: AppContext,
  accountIds: readonly string[] | 'all',
  changes: readonly PushChange[],
): Promise<void> {
  const key = `${accountIds === 'all' ? '*' : [...accountIds].sort().join(',')}|${[...new Set(changes)].sort().join(',')}`;
  await coalescer.run(key, () => enqueueNow(app, accountIds, changes));
}

/**
 * Notifications that arrive within this of each other share one queue write (coalesce.ts): Kaufland sends two per
 * new order. Short against the step's own second or more, long enough for a burst sent in one go.
 */
const GATHER_MS = 50;
const coalescer = new Coalescer(GATHER_MS);

async function enqueueNow(
  app: AppContext,
  accountIds: readonly string[] | 'all',
  changes: readonly PushChange[],
): Promise<void> {
  const steps = [...new Set(changes)].filter((change): change is PushChange & Step => isStep(change));
  if (steps.length === 0) return;
  const erp = await app.erp.get();
  if (erp?.status !== 'connected') return;
  const accounts = (await app.accounts.list()).filter(
    (account) => account.status === 'connected' && (accountIds === 'all' || accountIds.includes(account.id)),
  );
  const queue = await app.queue();
  for (const account of accounts) {
    for (const step of steps) {
      if (!stepEnabled(account.settings, step)) continue;
      await queue.enqueue({ accountId: account.id, step, trigger: 'push' });
    }
  }
}
