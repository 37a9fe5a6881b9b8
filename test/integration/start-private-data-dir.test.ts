import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.ts';

/**
 * As root, the embedded PostgreSQL runs as `postgres`, which cannot enter a data dir inside a 0700 folder (root's
 * home, a mkdtemp folder). `adlerdo start` must come up anyway, through the real entry point, and keep its data
 * across a restart.
 */
const root = process.getuid?.() === 0;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
}

async function startServer(env: Record<string, string>, port: number): Promise<Started> {
  const child = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined);
    if (ready?.status === 200) return { child, output: () => output };
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`adlerdo start did not become ready (exit ${child.exitCode}):\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopServer(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  return exited;
}

// Only root runs PostgreSQL as another user: as anyone else the data dir is theirs and this cannot happen, so the
// test skips, saying so in its name.
describe.skipIf(!root)(
  'adlerdo start as root with the data dir in a private (0700) folder (skipped unless root)',
  () => {
    // mkdtemp makes the folder 0700, like /root: the postgres user cannot pass through it.
    const privateFolder = mkdtempSync(path.join(tmpdir(), 'adlerdo-private-'));
    const dataDir = path.join(privateFolder, 'data');
    let started: Started | undefined;
    afterAll(() => {
      started?.child.kill('SIGKILL');
      const link = path.join(dataDir, 'pg');
      if (existsSync(link) && lstatSync(link).isSymbolicLink()) {
        const cluster = readlinkSync(link);
        for (const name of readdirSync(path.dirname(cluster)).filter((n) =>
          n.startsWith(path.basename(cluster)),
        ))
          rmSync(path.join(path.dirname(cluster), name), { recursive: true, force: true });
      }
      rmSync(privateFolder, { recursive: true, force: true });
    });

    it('brings its PostgreSQL up in a postgres-owned folder it names, keeps the key in the data dir, and restarts on the same data', async () => {
      expect(statSync(privateFolder).mode & 0o777).toBe(0o700);
      const port = await freePort();
      const pgPort = await freePort();
      const env = {
        PATH: process.env.PATH ?? '',
        ADLERDO_DATA_DIR: dataDir,
        PORT: String(port),
        ADLERDO_PG_PORT: String(pgPort),
      };
      // Straight to the server's PostgreSQL, with the password AdlerDo keeps in the data dir.
      const query = async (sql: string) => {
        const password = readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
        const client = new pg.Client({
          host: '127.0.0.1',
          port: pgPort,
          user: 'adlerdo',
          password,
          database: 'postgres',
        });
        await client.connect();
        try {
          return (await client.query(sql)).rows;
        } finally {
          await client.end();
        }
      };

      started = await startServer(env, port);
      const link = path.join(dataDir, 'pg');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      const cluster = readlinkSync(link);
      expect(cluster).toMatch(/^\/var\/lib\/adlerdo\/clusters\/[0-9a-f]{16}$/);
      expect(started.output()).toContain(`the embedded PostgreSQL cluster lives in ${cluster}`);
      const postgresUid = statSync(path.join(cluster, 'PG_VERSION')).uid;
      expect(postgresUid).not.toBe(0);
      expect(statSync(cluster).uid).toBe(postgresUid);
      expect(statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
      // The private folder stays private: nothing was opened up to let PostgreSQL in.
      expect(statSync(privateFolder).mode & 0o777).toBe(0o700);
      await query(`CREATE TABLE private_home_marker AS SELECT 'kept' AS word`);

      expect(await stopServer(started)).toBe(0);
      expect(existsSync(path.join(cluster, 'postmaster.pid'))).toBe(false);

      // A restart finds the same cluster through the link: no second initdb, the same database.
      started = await startServer(env, port);
      expect(readlinkSync(link)).toBe(cluster);
      expect(started.output()).toContain(`the embedded PostgreSQL cluster lives in ${cluster}`);
      expect(await query('SELECT word FROM private_home_marker')).toEqual([{ word: 'kept' }]);
      expect(await stopServer(started)).toBe(0);

      // The data dir deleted and made anew at the same path (new key, new password): a fresh cluster, and the old
      // one set aside, never reused with the new password nor deleted.
      rmSync(dataDir, { recursive: true, force: true });
      started = await startServer(env, port);
      expect(readlinkSync(link)).toBe(cluster);
      const aside = /an older cluster there moved to (\S+?)\)/.exec(started.output())?.[1];
      expect(aside).toMatch(new RegExp(`^${cluster}\\.old-\\d+$`));
      expect(existsSync(path.join(aside!, 'PG_VERSION'))).toBe(true);
      await expect(query('SELECT word FROM private_home_marker')).rejects.toThrow(/does not exist/);
      expect(await stopServer(started)).toBe(0);
      started = undefined;
    });
  },
);
