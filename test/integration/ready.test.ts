import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/db.ts';
import { startWorker } from '../../src/sync/worker.ts';
import { startTestApp } from '../helpers/app.ts';
import { BIN } from '../helpers/cli.ts';
import { createTestDatabase } from '../helpers/db.ts';

async function ready(url: string) {
  const response = await fetch(`${url}/ready`);
  return { status: response.status, body: (await response.json()) as unknown };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('GET /ready reports the sync worker of this process', () => {
  it('not_in_this_process for a server alone, running once a worker started, 503 stopped after it stopped', async () => {
    const app = await startTestApp();
    try {
      expect(await ready(app.url)).toEqual({
        status: 200,
        body: { status: 'ready', database: 'ok', worker: 'not_in_this_process' },
      });

      const worker = await startWorker(app.ctx, { concurrency: 1 });
      try {
        expect(await ready(app.url)).toEqual({
          status: 200,
          body: { status: 'ready', database: 'ok', worker: 'running' },
        });
      } finally {
        await worker.stop();
      }
      // The UI and API still answer, but no sync step runs here any more: a load balancer should know.
      expect(await ready(app.url)).toEqual({
        status: 503,
        body: { status: 'not_ready', database: 'ok', worker: 'stopped' },
      });
      expect((await fetch(`${app.url}/health`)).status).toBe(200);
      await worker.stop(); // a second stop (shutdown after a crash) is harmless
    } finally {
      await app.close();
    }
  });
});

describe('adlerdo start: GET /ready says the worker runs from the first answer on', () => {
  let database: Database | undefined;
  let child: ChildProcess | undefined;
  afterAll(async () => {
    child?.kill('SIGKILL');
    await database?.close();
  });

  it('answers ready with worker running, and stops cleanly', async () => {
    database = await createTestDatabase();
    const port = await freePort();
    child = spawn(process.execPath, [BIN, 'start'], {
      env: {
        PATH: process.env.PATH ?? '',
        ADLERDO_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'adlerdo-ready-')),
        DATABASE_URL: database.connectionString,
        ADLERDO_MASTER_KEY: randomBytes(32).toString('base64'),
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const url = `http://127.0.0.1:${port}`;
    let first: Awaited<ReturnType<typeof ready>> | undefined;
    // The first /ready that answers at all: the server listens only once the worker runs.
    for (let i = 0; i < 300 && !first && child.exitCode === null; i++) {
      first = await ready(url).catch(() => undefined);
      if (!first) await new Promise((r) => setTimeout(r, 100));
    }
    expect(first, output).toEqual({
      status: 200,
      body: { status: 'ready', database: 'ok', worker: 'running' },
    });

    // SIGTERM is handled once start-up has finished, which its last log line tells.
    for (let i = 0; i < 100 && !output.includes('create the first administrator'); i++)
      await new Promise((r) => setTimeout(r, 100));
    const exited = new Promise<number | null>((resolve) => child!.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
