import type { AppContext } from '../app-context.ts';
import type { AccountView } from '../accounts/account-view.ts';
import type { ErpView } from '../erp/erp-view.ts';
import { marketplaceConnector } from '../connectors/index.ts';
import { credentialsRefused } from '../core/credentials-refused.ts';
import { AppError, toAppError } from '../core/errors.ts';
import type { CallRecord } from '../core/ports/marketplace.port.ts';
import type { SessionMemory } from '../core/session-memory.ts';
import { recordCall, syncRunSeconds, syncRuns } from '../metrics/metrics.ts';
import { readCursor, writeCursor } from './cursors.repository.ts';
import { raiseIssue, resolveIssues } from './issues.repository.ts';
import { reconcileNow } from './attention/reconcile-now.ts';
import { withAccountLock } from './account-lock.ts';
import { emptyCounts, type CallCounts } from './run-counts.ts';
import { finishRun, startRun, type RunStatus } from './runs.repository.ts';
import type { StepContext } from './step-context.ts';
import { STEP_HANDLERS, stepEnabled } from './step-handlers.ts';
import type { Step, Trigger } from './steps.ts';

export interface StepOutcome {
  runId: string | null;
  status: RunStatus;
  counts: ReturnType<typeof emptyCounts>;
  apiCalls: CallCounts;
  error?: { code: string; message: string };
}

export interface RunStepOptions {
  onProgress?: (done: number, total?: number) => void;
  onCall?: (call: CallRecord) => void;
  /** A worker's memory of the ERP sign-in and once-per-session reads, shared by its runs (session-memory.ts). */
  erpMemory?: SessionMemory;
  /**
   * Asked after each pass: true when the step was announced again meanwhile and this run should serve it with
   * another pass (the worker takes the account's waiting job for it: queue.ts, takeWaitingJob).
   */
  anotherPass?: () => Promise<boolean>;
  /** The run's turn of its account's queue (StepContext.turn): how long, and how to queue the rest. */
  turn?: { ms: number; continueLater: () => Promise<void> };
}

/** Passes one run may make: a run is a unit of the run history and of retries, not an endless loop. */
const MAX_PASSES = 5;

/**
 * Runs one step for one account and records it. What an error does depends on its kind:
 * `config` (keys rejected) pauses the account or the ERP and ends the run as `paused` — nothing to retry until
 * the seller acts; `transient` and `bug` end it as `failed` and are thrown, so the job queue retries it with
 * backoff from the same cursor. Nothing is lost either way: cursors move only after a batch is applied.
 */
export async function runStep(
  app: AppContext,
  accountId: string,
  step: Step,
  trigger: Trigger,
  options: RunStepOptions = {},
): Promise<StepOutcome> {
  try {
    return await runLocked(app, accountId, step, trigger, options);
  } finally {
    // Every run may open or clear an attention issue (keys refused, ERP down, a step failing in a row).
    await reconcileNow(app);
  }
}

function runLocked(
  app: AppContext,
  accountId: string,
  step: Step,
  trigger: Trigger,
  options: RunStepOptions,
): Promise<StepOutcome> {
  return withAccountLock(app.db, accountId, async () => {
    const account = await app.accounts.get(accountId);
    const counts = emptyCounts();
    const apiCalls: CallCounts = {};
    const count = (call: CallRecord) => {
      const key = `${call.system} ${call.method} ${call.endpoint}`;
      apiCalls[key] = (apiCalls[key] ?? 0) + 1;
      recordCall(call);
      options.onCall?.(call);
    };
    let erp: Awaited<ReturnType<AppContext['erp']['openSession']>>;
    let credentials: Awaited<ReturnType<AppContext['accounts']['credentialsOf']>>;
    try {
      erp = await app.erp.openSession({ onCall: count, memory: options.erpMemory });
      credentials = await app.accounts.credentialsOf(accountId);
    } catch (thrown) {
      // Keys AdlerDo cannot decrypt locally: recorded as its own failure, never as rejected credentials, and not
      // retried (only restoring the master key helps; the next scheduled run tries again).
      if (!(thrown instanceof AppError && thrown.code === UNREADABLE)) throw thrown;
      const runId = await startRun(app.db, accountId, step, trigger);
      const error = { code: thrown.code, message: thrown.message };
      await finishRun(app.db, runId, {
        status: 'failed',
        counts,
        apiCalls,
        errorCode: error.code,
        errorMessage: error.message,
      });
      app.logger.error({ accountId, step, code: error.code }, error.message);
      return { runId, status: 'failed', counts, apiCalls, error };
    }
    const reason = blockedReason(account, erp?.view, step, trigger);
    if (reason || !erp) {
      const blocked = reason ?? NO_ERP;
      if (trigger === 'schedule' || trigger === 'push')
        return { runId: null, status: 'skipped', counts, apiCalls };
      const runId = await startRun(app.db, accountId, step, trigger);
      await finishRun(app.db, runId, {
        status: blocked.status,
        counts,
        apiCalls,
        errorCode: blocked.code,
        errorMessage: blocked.message,
      });
      return { runId, status: blocked.status, counts, apiCalls, error: blocked };
    }

    const runId = await startRun(app.db, accountId, step, trigger);
    const { turn: given } = options;
    const turn = given && (() => ({ endsAt: Date.now() + given.ms, continueLater: given.continueLater }));
    const endTimer = syncRunSeconds.startTimer({ step });
    const logger = app.logger.child({ accountId, step, runId });
    const ctx: StepContext = {
      db: app.db,
      step,
      account,
      channels: account.settings.storefronts ?? account.storefronts,
      erpSettings: erp.view.settings,
      marketplace: marketplaceConnector(account.type).openSession(credentials, { onCall: count }),
      erp: erp.session,
      publicUrl: app.config.ADLERDO_PUBLIC_URL,
      counts,
      logger,
      progress: options.onProgress ?? (() => undefined),
      ...(turn && { turn: turn() }),
      cursor: {
        read: <T>() => readCursor<T>(app.db, accountId, step),
        write: (value) => writeCursor(app.db, accountId, step, value),
      },
      issues: {
        raise: (issue) => raiseIssue(app.db, { ...issue, accountId, step }),
        resolve: (code, subjects) => resolveIssues(app.db, accountId, code, subjects),
      },
    };
    try {
      await STEP_HANDLERS[step](ctx);
      for (let pass = 1; pass < MAX_PASSES && (await options.anotherPass?.()); pass += 1) {
        // A pass for a job taken because nothing else of the account waits: a new turn.
        if (turn) ctx.turn = turn();
        await STEP_HANDLERS[step](ctx);
      }
      await finishRun(app.db, runId, { status: 'succeeded', counts, apiCalls });
      endTimer();
      syncRuns.inc({ step, status: 'succeeded' });
      logger.info({ counts, apiCalls }, 'sync step done');
      return { runId, status: 'succeeded', counts, apiCalls };
    } catch (thrown) {
      const error = toAppError(thrown);
      const status: RunStatus = error.kind === 'config' ? 'paused' : 'failed';
      if (error.kind === 'config') await pauseFor(app, account, error);
      await finishRun(app.db, runId, {
        status,
        counts,
        apiCalls,
        errorCode: error.code,
        errorMessage: error.message,
      });
      endTimer();
      syncRuns.inc({ step, status });
      logger[status === 'paused' ? 'warn' : 'error']({ code: error.code, counts }, error.message);
      if (error.kind === 'transient' || error.kind === 'bug') throw error;
      return { runId, status, counts, apiCalls, error: { code: error.code, message: error.message } };
    }
  });
}

const UNREADABLE = 'secrets.unreadable';

const NO_ERP = {
  status: 'paused' as const,
  code: 'erp.not_connected',
  message: 'No ERP is connected yet. Connect Odoo on the ERP page.',
};

/** Why a step must not run now, if it must not. */
function blockedReason(account: AccountView, erp: ErpView | undefined, step: Step, trigger: Trigger) {
  if (account.status === 'credentials_invalid') {
    return {
      status: 'paused' as const,
      code: 'account.credentials_invalid',
      message: account.statusMessage ?? 'The marketplace keys are invalid.',
    };
  }
  if (account.status === 'paused')
    return {
      status: 'paused' as const,
      code: 'account.paused',
      message: 'Syncing is paused for this account.',
    };
  if (!erp) return NO_ERP;
  if (erp.status !== 'connected')
    return {
      status: 'paused' as const,
      code: `erp.${erp.status}`,
      message: erp.statusMessage ?? 'The ERP connection needs attention.',
    };
  if ((trigger === 'schedule' || trigger === 'push') && !stepEnabled(account.settings, step)) {
    return {
      status: 'skipped' as const,
      code: 'sync.step_disabled',
      message: `The ${step} step is switched off for this account.`,
    };
  }
  return undefined;
}

/** A rejected marketplace key pauses that account; a rejected ERP key pauses the ERP (and so every account). */
async function pauseFor(app: AppContext, account: AccountView, error: AppError): Promise<void> {
  // Only a refusal of the keys themselves; a redirect or a wrong URL says nothing about them.
  if (!credentialsRefused(error)) return;
  if (error.code.startsWith(`${account.type}.`)) await app.accounts.markCredentialsInvalid(account.id);
  else if (error.code.endsWith('.auth_failed')) await app.erp.markCredentialsInvalid();
}
