import { execFileSync, spawnSync } from 'node:child_process';
import { AppError } from '../../core/errors.ts';

/** The user PostgreSQL runs as: none when AdlerDo is not root (it runs as us), else the `postgres` system user. */
export interface RunAs {
  uid: number;
  gid: number;
}

export const isRoot = (): boolean => process.getuid?.() === 0;

/**
 * PostgreSQL refuses to run as root, so as root it runs as `postgres`, created here (a system user without a home
 * or shell) when the machine has none yet, as a container often does not.
 */
export function postgresUser(): RunAs | undefined {
  if (!isRoot()) return undefined;
  const found = lookup();
  if (found) return found;
  try {
    execFileSync(
      'useradd',
      ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'],
      {
        stdio: 'pipe',
      },
    );
  } catch (cause) {
    throw new AppError(
      'config',
      'database.postgres_user_missing',
      'AdlerDo runs as root, so its embedded PostgreSQL must run as the user `postgres`, which does not exist and ' +
        'could not be created (useradd failed). Create it, or set DATABASE_URL to use an existing PostgreSQL.',
      { cause },
    );
  }
  const created = lookup();
  if (!created)
    throw new AppError('bug', 'database.postgres_user_missing', 'useradd postgres created no user');
  return created;
}

function lookup(): RunAs | undefined {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * Whether that user can reach `target` (search every folder on the way, and `test` `flag` on the target itself).
 * Asked of the kernel by running `test` as the user, so ACLs, groups and mount options all count.
 */
export function canReach(user: RunAs | undefined, target: string, flag: '-x' | '-r' = '-x'): boolean {
  if (!user) return true;
  const result = spawnSync('/bin/sh', ['-c', `test ${flag} "$1"`, 'sh', target], {
    uid: user.uid,
    gid: user.gid,
    stdio: 'ignore',
  });
  return result.status === 0;
}
