import { createHash } from 'node:crypto';
import { existsSync, lstatSync } from 'node:fs';
import { chmod, chown, mkdir, readlink, realpath, rename, symlink } from 'node:fs/promises';
import path from 'node:path';
import { ROOT_STATE_DIR } from './binaries.ts';
import { canReach, type RunAs } from './system-user.ts';

export interface ClusterDir {
  /** The folder PostgreSQL is given (-D): always a real path the server's user can reach. */
  dir: string;
  /** Set when the cluster lives outside the data dir: why, for the log. */
  movedBecause?: string;
}

/**
 * Where the cluster lives: `<dataDir>/pg` as always, unless AdlerDo runs as root and the `postgres` user cannot
 * enter the data dir (e.g. /root/x/data with /root 0700). Then the cluster goes to
 * /var/lib/adlerdo/clusters/<hash of the data dir>, owned by `postgres` (/var/lib: kept across reboots, unlike a
 * tmpfs /tmp), and `<dataDir>/pg` becomes a symlink to it: the data dir still says where its database is, the
 * choice holds when the data dir is moved, and master.key and pg-password stay in the data dir.
 */
export async function clusterDir(dataDir: string, user: RunAs | undefined): Promise<ClusterDir> {
  const inside = path.join(dataDir, 'pg');
  if (isSymlink(inside)) {
    const dir = path.resolve(dataDir, await readlink(inside));
    return { dir, movedBecause: `${inside} links to it (the postgres user cannot enter the data dir)` };
  }
  if (!user) return { dir: inside };
  // PostgreSQL creates <dataDir>/pg itself as `postgres`, so it must pass through the data dir (0711: traversable,
  // not listable; the key and password files in it stay 0600).
  await chmod(dataDir, 0o711);
  if (existsSync(path.join(inside, 'PG_VERSION')) || canReach(user, dataDir)) return { dir: inside };

  const hash = createHash('sha256')
    .update(await realpath(dataDir))
    .digest('hex')
    .slice(0, 16);
  const outside = path.join(ROOT_STATE_DIR, 'clusters', hash);
  await mkdir(path.dirname(outside), { recursive: true, mode: 0o755 });
  await chmod(ROOT_STATE_DIR, 0o755);
  await chmod(path.dirname(outside), 0o755);
  // A cluster already there belonged to an earlier data dir of the same path, since deleted (a live one would
  // have its link): kept aside, never reused with this data dir's new password, never deleted.
  let setAside: string | undefined;
  if (existsSync(outside)) {
    setAside = `${outside}.old-${Date.now()}`;
    await rename(outside, setAside);
  }
  await mkdir(outside, { recursive: true, mode: 0o700 });
  await chown(outside, user.uid, user.gid);
  await symlink(outside, inside);
  const because = `the postgres user cannot enter ${dataDir}`;
  return {
    dir: outside,
    movedBecause: setAside ? `${because} (an older cluster there moved to ${setAside})` : because,
  };
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
