import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { createLogger } from '../../../src/logging/logger.ts';
import { postgresBinaries } from '../../../src/store/postgres/binaries.ts';
import {
  initCluster,
  startServer,
  type RunningServer,
  type ServerOptions,
} from '../../../src/store/postgres/server-process.ts';
import { postgresUser } from '../../../src/store/postgres/system-user.ts';

/**
 * A PostgreSQL server of the test's own (the binaries AdlerDo embeds, a cluster in a temp folder, a fixed port),
 * standing in for an operator's external database: the hub reaches it through DATABASE_URL, and the test can
 * stop it and start it again on the same port and data.
 */
export interface ExternalPostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startExternalPostgres(): Promise<ExternalPostgres> {
  const parent = mkdtempSync(path.join(tmpdir(), 'adlerdo-extpg-'));
  chmodSync(parent, 0o755); // as root the server runs as `postgres`, which must pass through
  const user = postgresUser();
  const logger = createLogger('silent');
  const options: ServerOptions = {
    binaries: await postgresBinaries(user, logger),
    dir: path.join(parent, 'pg'),
    user,
    logger,
  };
  const password = 'restart-scenario';
  await initCluster(options, 'adlerdo', password);
  const port = await freePort();
  let server: RunningServer | undefined = await startServer(options, port);
  return {
    url: `postgres://adlerdo:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server?.stop();
      server = undefined;
    },
    start: async () => {
      server ??= await startServer(options, port);
    },
    close: async () => {
      await server?.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
