import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createAppContext, type AppContext } from '../../src/app-context.ts';
import { loadConfig } from '../../src/config/config.ts';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { createTestDatabase } from './db.ts';

export interface TestApp {
  url: string;
  ctx: AppContext;
  server: FastifyInstance;
  /** Every log line the app wrote, to prove secrets never reach the logs. */
  logs: () => string;
  close(): Promise<void>;
}

/** The real server on a fresh database and a free port, logging at debug level into memory. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'adlerdo-app-'));
  const config = loadConfig({
    ADLERDO_DATA_DIR: dataDir,
    ADLERDO_MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'debug',
    PORT: '0',
    // It listens on loopback (below), so first-start setup needs no setup code unless a test sets HOST.
    HOST: '127.0.0.1',
    ...env,
  });
  let captured = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      captured += chunk.toString('utf8');
      done();
    },
  });
  const ctx = await createAppContext(config, createLogger('debug', sink), database);
  const server = await buildServer(ctx);
  const address = await server.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    ctx,
    server,
    logs: () => captured,
    close: async () => {
      await server.close();
      await ctx.close();
    },
  };
}

/** A signed-in API client: creates the first admin through the setup endpoint and keeps its cookie. */
export async function signedInClient(app: TestApp, username = 'admin', password = 'correct horse battery') {
  const setup = await fetch(`${app.url}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, setupCode: setupCodeFromLog(app) }),
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`);
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${app.url}${route}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    return {
      status: response.status,
      text,
      json: isJson && text ? (JSON.parse(text) as Record<string, any>) : {},
    };
  };
}

/** The one-time setup code the app logged at start (when it listens off loopback or behind a proxy). */
export function setupCodeFromLog(app: TestApp): string | undefined {
  return /needs this setup code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(app.logs())?.[1];
}
