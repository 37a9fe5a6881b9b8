import pRetry from 'p-retry';
import { scaledMs } from '../../../core/clock.ts';
import { AppError, toAppError } from '../../../core/errors.ts';
import type { CallRecord } from '../../../core/ports/marketplace.port.ts';
import { NOT_APPLIED, networkError, redirectedError, type CallInfo } from './errors.ts';

export interface HttpOptions {
  timeoutMs: number;
  retries: number;
  minRetryDelayMs: number;
  /** Told of every HTTP round trip (for run records and metrics). */
  onCall?: (call: CallRecord) => void;
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
}

export async function send(
  url: string,
  init: RequestInit,
  call: CallInfo,
  options: HttpOptions,
): Promise<HttpAnswer> {
  const started = performance.now();
  const report = (status: CallRecord['status']) =>
    options.onCall?.({
      system: 'odoo',
      method: init.method ?? 'POST',
      endpoint: call.model ? `${call.model}.${call.method ?? ''}` : (call.method ?? new URL(url).pathname),
      status,
      ms: performance.now() - started,
    });
  let response: Response;
  let text: string;
  try {
    // redirect 'manual': see redirectedError.
    response = await fetch(url, {
      ...init,
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'manual',
    });
    text = await response.text();
  } catch (error) {
    report(error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network_error');
    throw networkError(error, call);
  }
  report(response.status);
  if (response.status >= 300 && response.status < 400)
    throw redirectedError(response.status, response.headers.get('location'), call);
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
}

/**
 * Retries transport errors only (never a refusal by Odoo). Waits 0.3, 0.6, 1.2, 2.4 s, each ×1–2 at random
 * (jitter keeps many accounts from retrying in step): 4 retries ≈ 4.5–9 s, inside a sync job's 30 s budget.
 * A call that changes data is repeated only when it surely did not run (connection refused, 503, rollback),
 * so a timeout on `create` never makes a second sale order; reads are always repeated.
 */
export function withRetry<T>(run: () => Promise<T>, idempotent: boolean, options: HttpOptions): Promise<T> {
  return pRetry(run, {
    retries: options.retries,
    factor: 2,
    minTimeout: scaledMs(options.minRetryDelayMs),
    maxTimeout: scaledMs(Math.max(options.minRetryDelayMs, 5_000)),
    randomize: true,
    shouldRetry: ({ error }) => {
      const appError = toAppError(error);
      return appError.kind === 'transient' && (idempotent || appError.details?.[NOT_APPLIED] === true);
    },
  }).catch((error: unknown) => {
    throw error instanceof AppError ? error : toAppError(error);
  });
}
