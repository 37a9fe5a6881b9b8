import type { Logger } from 'pino';
import packageJson from '../../../package.json' with { type: 'json' };
import { AppError } from '../../core/errors.ts';
import type { paths } from './generated/openapi.d.ts';
import {
  errorFromFailure,
  errorFromStatus,
  invalidKeys,
  redirected,
  type CallContext,
  type Refusal,
  isRetryableOnce,
  outcomeUnknown,
} from './kaufland.errors.ts';
import { pacerFor } from './kaufland.pacer.ts';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from './kaufland.retry.ts';
import { buildUrl, fillPath, parseBaseUrl, type Query } from './kaufland.url.ts';
import { signRequest } from './signature.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface KauflandCall {
  method: HttpMethod;
  /** A path template from the 2.27.0 spec, e.g. `/units/{id_unit}`; also the endpoint label for metrics. */
  path: keyof paths;
  pathParams?: Readonly<Record<string, string | number>>;
  query?: Query;
  /** Serialised to JSON once; those exact bytes are signed and sent. */
  body?: unknown;
  /** Overrides the transport's retry count for this call. */
  retries?: number;
  /** Names a refusal of this call's body (400/413/422) with its own code and advice; see kaufland.errors.ts. */
  refusal?: Refusal;
  /**
   * The call must not happen twice (a refund): set to what it does ("the refund of 5.00 EUR on order unit 1"). Only
   * failures that had no effect are retried, and a failure that leaves the outcome open becomes
   * `kaufland.outcome_unknown` (kind `rejected`) instead of `transient`.
   */
  once?: string;
  /**
   * The caller looks the result up before it makes the call again (an order document, found by its file name): only
   * failures that had no effect are retried here, others stay `transient` for the caller's next run. A blind retry
   * of an upload whose answer timed out after Kaufland stored it made a second copy (crash scenario after-sale).
   */
  lookedUpBeforeRetry?: boolean;
}

export interface RawResponse {
  status: number;
  /** The body as received; '' for 204 and empty answers. */
  text: string;
  location: string | undefined;
}

export interface CallMetric {
  method: HttpMethod;
  endpoint: string;
  /** HTTP status, or 0 when no answer came (timeout, refused connection). */
  status: number;
  ms: number;
}

export interface TransportOptions {
  baseUrl: string;
  clientKey: string;
  secretKey: string;
  /** Per attempt, from sending until the whole body is read. Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
  userAgent?: string;
  /** Called once per HTTP exchange (every retry counts). */
  onCall?: (metric: CallMetric) => void;
  logger?: Pick<Logger, 'warn'>;
  /** Milliseconds since the epoch; tests pin it to check signatures. */
  now?: () => number;
}

export interface KauflandTransport {
  readonly origin: string;
  send(call: KauflandCall): Promise<RawResponse>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const HEADER_SAFE = /^[\x21-\x7e]+$/;
export const USER_AGENT = `AdlerDo/${packageJson.version}`;

export function createKauflandTransport(options: TransportOptions): KauflandTransport {
  const base = parseBaseUrl(options.baseUrl);
  // Both go into headers or the HMAC; a pasted line break would otherwise fail deep inside fetch as "unreachable".
  if (!isHeaderSafe(options.clientKey) || !isHeaderSafe(options.secretKey)) throw invalidKeys();
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pace = pacerFor(options.clientKey);
  const now = options.now ?? Date.now;

  async function attempt(call: KauflandCall, url: string, body: string | undefined, ctx: CallContext) {
    await pace();
    const timestamp = Math.floor(now() / 1000);
    const signature = signRequest({
      method: call.method,
      uri: url,
      body: body ?? '',
      timestamp,
      secret: options.secretKey,
    });
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Shop-Client-Key': options.clientKey,
      'Shop-Timestamp': String(timestamp),
      'Shop-Signature': signature,
      'User-Agent': options.userAgent ?? USER_AGENT,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const started = performance.now();
    let status = 0;
    try {
      // redirect 'manual': a followed redirect would send the Client Key and a signature to another host.
      const signal = AbortSignal.timeout(timeoutMs);
      const response = await fetch(url, { method: call.method, headers, body, signal, redirect: 'manual' });
      status = response.status;
      const text = await response.text();
      if (status >= 300 && status < 400) throw redirected(status, response.headers.get('location'), ctx);
      if (status >= 400) throw errorFromStatus(status, text, ctx, call.refusal);
      return { status, text, location: response.headers.get('location') ?? undefined };
    } catch (error) {
      throw errorFromFailure(error, ctx, timeoutMs);
    } finally {
      options.onCall?.({
        method: call.method,
        endpoint: call.path,
        status,
        ms: Math.round(performance.now() - started),
      });
    }
  }

  return {
    origin: base.origin,
    async send(call) {
      const url = buildUrl(base, fillPath(call.path, call.pathParams), call.query);
      const body = call.body === undefined ? undefined : JSON.stringify(call.body);
      const ctx = { method: call.method, endpoint: call.path, origin: base.origin, attempt: 0 };
      const retryable =
        call.once === undefined && !call.lookedUpBeforeRetry ? retry.retryable : isRetryableOnce;
      const response = await withRetry(
        (attemptNumber) => attempt(call, url, body, { ...ctx, attempt: attemptNumber }),
        { ...retry, retries: call.retries ?? retry.retries, retryable },
        (error, attemptNumber, delayMs) =>
          options.logger?.warn(
            {
              method: call.method,
              endpoint: call.path,
              attempt: attemptNumber,
              delayMs,
              code: codeOf(error),
            },
            'Kaufland call failed; retrying',
          ),
      ).catch((error: unknown) => {
        throw call.once !== undefined && error instanceof AppError ? outcomeUnknown(error, call.once) : error;
      });
      if (response.status < 200 || (response.status >= 300 && !response.location)) {
        throw errorFromStatus(response.status, response.text, { ...ctx, attempt: 1 }, call.refusal);
      }
      return response;
    },
  };
}

function isHeaderSafe(value: unknown): boolean {
  return typeof value === 'string' && HEADER_SAFE.test(value);
}

function codeOf(error: Error): string | undefined {
  return 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
