import type { FaultInjector } from './faults.ts';
import type { SandboxLogger } from './logger.ts';
import type { SlidingWindowLimiter } from './rate-limit.ts';
import type { SellerRecord } from './records.ts';
import type { SandboxStore } from './state.ts';

/** Everything one running sandbox owns. */
export interface SandboxCore {
  store: SandboxStore;
  faults: FaultInjector;
  limiter: SlidingWindowLimiter;
  logger: SandboxLogger;
}

interface RequestParts {
  core: SandboxCore;
  store: SandboxStore;
  query: URLSearchParams;
  rawBody: Buffer;
}

/** A /v2 request that passed the signature check. */
export interface ApiContext extends RequestParts {
  seller: SellerRecord;
}

/** A /_sandbox control request (unsigned). */
export type ControlContext = RequestParts;
