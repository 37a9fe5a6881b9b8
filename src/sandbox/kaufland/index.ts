import type { AddressInfo } from 'node:net';
import type { SandboxCore } from './context.ts';
import type {
  AddSellerInput,
  BuyerReturnInput,
  CreateOrderInput,
  ReturnArrivalInput,
} from './control-schemas.ts';
import { FaultInjector, type FaultConfig, type FaultInput } from './faults.ts';
import { importFileBook } from './import-files.ts';
import { silentLogger, type SandboxLogger } from './logger.ts';
import { forceStatus } from './order-unit-actions.ts';
import { productDataBook } from './product-data.ts';
import { orderDetailsView, orderUnitView, type OrderDetailsView, type OrderUnitView } from './order-views.ts';
import { createOrder } from './orders-factory.ts';
import { SlidingWindowLimiter } from './rate-limit.ts';
import { buyerStartsReturn, forceReturnUnitStatus, parcelArrives } from './returns.ts';
import { returnDetailsView, type ReturnDetailsView } from './return-views.ts';
import type { OrderUnitStatus, ReturnUnitStatus } from './records.ts';
import { returnUnitView, type ReturnUnitView } from './return-unit-view.ts';
import { seedUnits, type SeedUnit, type SeedUnitsResult } from './bulk-seed.ts';
import { seedDemo } from './demo.ts';
import { addSeller, rotateKeys, type SellerCredentials } from './sellers.ts';
import { createSandboxServer } from './server.ts';
import { SnapshotFile } from './snapshot.ts';
import { SandboxStore } from './state.ts';
import type { Storefront } from './storefronts.ts';
import { stateView, type SandboxStateView } from './state-view.ts';

export type {
  AddSellerInput,
  BuyerReturnInput,
  CreateOrderInput,
  ReturnArrivalInput,
} from './control-schemas.ts';
export type { ReturnDetailsView } from './return-views.ts';
export type { FaultConfig, FaultInput, FaultKind } from './faults.ts';
export type { SandboxLogger } from './logger.ts';
export type { OrderDetailsView, OrderUnitView } from './order-views.ts';
export type { SellerCredentials } from './sellers.ts';
export type { SandboxStateView } from './state-view.ts';
export type { SeedUnit, SeedUnitsResult } from './bulk-seed.ts';

export interface KauflandSandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** JSON file the state is loaded from on start and saved to (debounced) after every change. */
  snapshotFile?: string;
  /** Clock in epoch ms for timestamps, the ±300 s signature window and the rate limit; tests freeze it. */
  now?: () => number;
  logger?: SandboxLogger;
  /** Added to every /v2 answer (not the control API), like a real API's round trip; default 0. */
  latencyMs?: number;
  /** How long an inventory feed file takes to import (default 120 s; also POST /_sandbox/import-settings). */
  importMs?: number;
}

/** A running sandbox. The helpers do in-process what the control API does over HTTP, with the same checks. */
export interface KauflandSandbox {
  /** API root to configure a client with, e.g. http://127.0.0.1:4010/v2 */
  baseUrl: string;
  /** e.g. http://127.0.0.1:4010; the control API lives under `${origin}/_sandbox`. */
  origin: string;
  addSeller(input?: AddSellerInput): SellerCredentials;
  rotateKeys(clientKey: string): SellerCredentials;
  createOrder(input: CreateOrderInput): OrderDetailsView;
  setOrderUnitStatus(idOrderUnit: number, status: OrderUnitStatus): OrderUnitView;
  /** A buyer returns order units of one order (POST /_sandbox/returns); answers the return with its units. */
  startReturn(input: BuyerReturnInput): ReturnDetailsView;
  /** The return parcel reaches the seller (POST /_sandbox/returns/{id}/arrive). */
  returnArrives(idReturn: number, input?: ReturnArrivalInput): ReturnDetailsView;
  /** Kaufland moves a return unit to any status, e.g. `return_closed` (PATCH /_sandbox/return-units/{id}). */
  setReturnUnitStatus(idReturnUnit: number, status: ReturnUnitStatus): ReturnUnitView;
  setFaults(input: FaultInput): FaultConfig;
  state(): SandboxStateView;
  /** A demo seller on `de` (fixed keys, see demo.ts) with units DEMO-001 and DEMO-002; idempotent. */
  seedDemo(): SellerCredentials & { created: boolean };
  /** Units already on sale for a seller, many at once without HTTP (bulk-seed.ts): big catalogs for the bench. */
  seedUnits(clientKey: string, storefront: Storefront, units: readonly SeedUnit[]): SeedUnitsResult;
  reset(): void;
  /** Writes the snapshot file now (if any). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function startKauflandSandbox(options: KauflandSandboxOptions = {}): Promise<KauflandSandbox> {
  const logger = options.logger ?? silentLogger;
  const store = new SandboxStore(options.now ?? Date.now);
  const snapshot =
    options.snapshotFile === undefined ? undefined : new SnapshotFile(options.snapshotFile, store, logger);
  if (snapshot && (await snapshot.load()))
    logger.info({ file: options.snapshotFile }, 'kaufland sandbox: snapshot loaded');
  snapshot?.watch();
  const core: SandboxCore = {
    store,
    faults: new FaultInjector(),
    limiter: new SlidingWindowLimiter(() => store.clock()),
    logger,
  };
  if (options.importMs !== undefined) importFileBook(store).settings.import_ms = options.importMs;
  const { server, releaseHeld } = createSandboxServer(core, { latencyMs: options.latencyMs ?? 0 });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const origin = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`;
  logger.info({ baseUrl: `${origin}/v2` }, 'kaufland sandbox listening');

  return {
    baseUrl: `${origin}/v2`,
    origin,
    addSeller: (input) => addSeller(store, input),
    rotateKeys: (clientKey) => rotateKeys(store, clientKey),
    createOrder: (input) => orderDetailsView(store, createOrder(store, input)),
    setOrderUnitStatus: (id, status) => orderUnitView(store, forceStatus(store, id, status)),
    startReturn: (input) =>
      returnDetailsView(store, buyerStartsReturn(store, input), ['buyer', 'return_units']),
    returnArrives: (idReturn, input = {}) =>
      returnDetailsView(store, parcelArrives(store, idReturn, input), ['buyer', 'return_units']),
    setReturnUnitStatus: (id, status) => returnUnitView(forceReturnUnitStatus(store, id, { status })),
    setFaults: (input) => core.faults.set(input),
    state: () => stateView(store, core.faults.current()),
    seedDemo: () => seedDemo(store),
    seedUnits: (clientKey, storefront, units) => seedUnits(store, clientKey, storefront, units),
    reset: () => {
      store.clear();
      productDataBook(store).clear();
      core.limiter.reset();
      core.faults.set({ rate: 0 });
    },
    flush: async () => snapshot?.flush(),
    close: async () => {
      releaseHeld();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await snapshot?.flush();
    },
  };
}

/** A wildcard bind address is not something to connect to; an IPv6 literal needs brackets in a URL. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
