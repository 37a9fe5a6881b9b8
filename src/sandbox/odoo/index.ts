import type { AddressInfo } from 'node:net';
import { seedMany } from './bulk-seed.ts';
import {
  receiveReturn,
  seed,
  setPdfRenderer,
  ship,
  state,
  type ReceiveReturnInput,
  type SeedInput,
  type ShipInput,
} from './control.ts';
import { FaultInjector, type FaultsInput } from './faults.ts';
import { OdooInstance } from './instance.ts';
import type { SandboxVersion } from './models/types.ts';
import { createSandboxServer } from './server.ts';

export interface OdooSandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  version?: SandboxVersion;
  /** Added to every RPC call; a real Odoo answers in ~17–50 ms. */
  latencyMs?: number;
  database?: string;
  login?: string;
  password?: string;
  /** Accepted wherever the password is, and the only secret /json/2 takes (as on Odoo 19). */
  apiKey?: string;
  /** Clock for write_date and friends; tests pin it to exercise same-second cursors. */
  now?: () => Date;
}

export interface OdooSandbox {
  url: string;
  port: number;
  version: SandboxVersion;
  database: string;
  login: string;
  password: string;
  apiKey: string;
  instance: OdooInstance;
  seed(input: SeedInput): ReturnType<typeof seed>;
  /** `seed` for big catalogs (100,000 products in ~1.5 s): new SKUs only. */
  seedMany(input: Pick<SeedInput, 'products'>): ReturnType<typeof seedMany>;
  ship(input: ShipInput): ReturnType<typeof ship>;
  /** The warehouse validates the order's open return receipts: the goods are back in stock. */
  receiveReturn(input: ReceiveReturnInput): ReturnType<typeof receiveReturn>;
  /** Off: "Send & Print" fails as on a server without wkhtmltopdf (until `reset`). */
  setPdfRenderer(available: boolean): void;
  setFaults(input: FaultsInput): void;
  state(): ReturnType<typeof state>;
  /** Back to a fresh database (the defaults only). */
  reset(): void;
  close(): Promise<void>;
}

export const SANDBOX_DEFAULTS = {
  database: 'odoo17',
  login: 'admin',
  password: 'admin',
  apiKey: 'adlerdo-sandbox-api-key',
} as const;

export async function startOdooSandbox(options: OdooSandboxOptions = {}): Promise<OdooSandbox> {
  const version = options.version ?? 17;
  const database = options.database ?? SANDBOX_DEFAULTS.database;
  const config = {
    version,
    database,
    listedDatabases: [database, `${database}_clean`],
    login: options.login ?? SANDBOX_DEFAULTS.login,
    password: options.password ?? SANDBOX_DEFAULTS.password,
    apiKey: options.apiKey ?? SANDBOX_DEFAULTS.apiKey,
    now: options.now ?? (() => new Date()),
  };
  const instance = new OdooInstance(config);
  const faults = new FaultInjector();
  const { server, sockets } = createSandboxServer({ instance, faults, latencyMs: options.latencyMs ?? 0 });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    version,
    database,
    login: config.login,
    password: config.password,
    apiKey: config.apiKey,
    instance,
    seed: (input) => seed(instance, input),
    seedMany: (input) => seedMany(instance, input),
    ship: (input) => ship(instance, input),
    receiveReturn: (input) => receiveReturn(instance, input),
    setPdfRenderer: (available) => void setPdfRenderer(instance, { available }),
    setFaults: (input) => faults.set(input),
    state: () => state(instance),
    reset: () => instance.reset(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export type { SandboxVersion } from './models/types.ts';
