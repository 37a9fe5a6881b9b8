import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { clusterDir } from './postgres/cluster-dir.ts';
import { postgresBinaries } from './postgres/binaries.ts';
import { initCluster, startServer, type RunningServer } from './postgres/server-process.ts';
import { postgresUser } from './postgres/system-user.ts';
import { AppError } from '../core/errors.ts';
import type { Logger } from '../logging/logger.ts';

export interface EmbeddedCluster {
  connectionString: string;
  /** Stops the server when this process started it; leaves a server started by another process running. */
  stop: () => Promise<void>;
}

const USER = 'adlerdo';

/**
 * Runs PostgreSQL from the binaries shipped in npm (no database install needed) with its data under
 * `<dataDir>/pg` (as root with a data dir the `postgres` user cannot enter: a folder of its own that
 * `<dataDir>/pg` links to, see postgres/cluster-dir.ts). When another AdlerDo process (the server, while the CLI runs) already started it, this
 * connects to that one instead, so the CLI and the server always see the same data.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  logger: Logger,
): Promise<EmbeddedCluster> {
  await mkdir(dataDir, { recursive: true });
  const password = await readOrCreatePassword(dataDir);

  // <dataDir>/pg is the cluster, or (root, private data dir) a symlink to it: root reads through either.
  const running = await runningPort(path.join(dataDir, 'pg'));
  if (running !== undefined) {
    const url = connectionString(password, running);
    if (await canConnect(url)) {
      logger.debug({ port: running }, 'using the embedded PostgreSQL another AdlerDo process started');
      return { connectionString: url, stop: () => Promise.resolve() };
    }
  }

  const actualPort = port === 0 ? await freePort() : port;
  const user = postgresUser();
  const cluster = await clusterDir(dataDir, user);
  const clusterPath = cluster.dir;
  let server: RunningServer;
  try {
    const options = { binaries: await postgresBinaries(user, logger), dir: clusterPath, user, logger };
    if (!existsSync(path.join(clusterPath, 'PG_VERSION'))) await initCluster(options, USER, password);
    server = await startServer(options, actualPort);
  } catch (cause) {
    throw new AppError(
      'config',
      'database.embedded_start_failed',
      `The embedded PostgreSQL could not start (data in ${clusterPath}, port ${actualPort}): ${firstLine(cause)} ` +
        'Is the port taken by another program (set ADLERDO_PG_PORT)? DATABASE_URL uses an existing PostgreSQL instead.',
      { cause },
    );
  }
  const url = connectionString(password, actualPort);
  if (cluster.movedBecause) {
    logger.info(
      { dir: clusterPath, dataDir },
      `the embedded PostgreSQL cluster lives in ${clusterPath}: ${cluster.movedBecause}`,
    );
  }
  logger.info({ port: actualPort, dir: clusterPath }, 'embedded PostgreSQL started');
  return { connectionString: url, stop: () => server.stop() };
}

function connectionString(password: string, port: number): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('hex');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

/** postmaster.pid's 4th line is the port of a running (or crashed) server. */
async function runningPort(clusterDir: string): Promise<number | undefined> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const port = Number((await readFile(pidFile, 'utf8')).split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function firstLine(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : 'no output';
  return text.split('\n').find((line) => line.includes('error')) ?? text.split('\n')[0] ?? '';
}
