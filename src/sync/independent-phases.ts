import { isAppError, type AppError } from '../core/errors.ts';

/**
 * Runs a step's phases one after another, where a later phase does not need an earlier one to have succeeded in
 * the same run (each works from what the hub has stored). A transient failure (after the connector's own
 * retries) is kept and the next phase still runs; the first one is thrown at the end, so the run is recorded as
 * failed and retried with backoff. Without this, at 5 % faults per call a run of the after-sale steps almost
 * never got past its first phases, and uploads and accepts waited until the faults stopped (crash scenario
 * after-sale). Anything else (keys refused, a bug) stops the run at once.
 */
export async function runIndependentPhases(phases: readonly (() => Promise<unknown>)[]): Promise<void> {
  let first: AppError | undefined;
  for (const phase of phases) {
    try {
      await phase();
    } catch (error) {
      if (!isAppError(error) || !error.retryable) throw error;
      first ??= error;
    }
  }
  if (first !== undefined) throw first;
}
