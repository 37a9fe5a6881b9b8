import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.ts';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(url: string, timeoutMs: number, alive: () => boolean): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline || !alive()) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('adlerdo start with no database installed', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'adlerdo-start-'));
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to pass through the parent folder.
  chmodSync(parent, 0o755);
  const dataDir = path.join(parent, 'data');
  let child: ChildProcess | undefined;
  let output = '';
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('starts embedded PostgreSQL, serves UI and API, shares the database with the CLI, and stops cleanly', async () => {
    const port = await freePort();
    const env = {
      PATH: process.env.PATH ?? '',
      ADLERDO_DATA_DIR: dataDir,
      PORT: String(port),
      ADLERDO_PG_PORT: '0',
    };
    child = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));

    const health = await waitFor(
      `http://127.0.0.1:${port}/health`,
      50_000,
      () => child?.exitCode === null,
    ).catch((error: unknown) => {
      throw new Error(`adlerdo start did not come up: ${String(error)}\n${output}`);
    });
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
    await waitFor(`http://127.0.0.1:${port}/ready`, 10_000, () => true);
    for (let i = 0; i < 100 && !output.includes('create the first administrator'); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain('create the first administrator');
    const page = await fetch(`http://127.0.0.1:${port}/accounts`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect((await fetch(`http://127.0.0.1:${port}/api/accounts`)).status).toBe(401);

    // The key file is created once, readable by its owner only.
    expect(statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);

    // The CLI joins the running embedded database: an admin it creates can sign in to the server.
    const created = await runCli(['admin', 'create', '--username', 'owner'], env, 'a long enough password\n');
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Administrator "owner" created.');
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'owner', password: 'a long enough password' }),
    });
    expect(login.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child!.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('refuses a bad configuration value with a message naming it', async () => {
    const result = await runCli(['start'], {
      PATH: process.env.PATH ?? '',
      PORT: 'eighty',
      ADLERDO_DATA_DIR: dataDir,
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Invalid configuration:\s+PORT/);
  });
});
