import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server got, byte for byte: `url` is origin + the raw request target, i.e. what was signed. */
export interface Received {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export type Reply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Never answer: for timeouts. */
  | 'hang';

export interface LocalServer {
  origin: string;
  baseUrl: string;
  received: Received[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 with a random port, for precise transport behaviour in tests. */
export async function startLocalServer(
  reply: (request: Received) => Reply | Promise<Reply>,
): Promise<LocalServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}${req.url ?? ''}`;
      const parsed = new URL(url);
      const request: Received = {
        method: req.method ?? '',
        url,
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: performance.now(),
      };
      received.push(request);
      void Promise.resolve(reply(request)).then((answer) => {
        if (answer === 'hang') return;
        const text =
          answer.body === undefined
            ? ''
            : typeof answer.body === 'string'
              ? answer.body
              : JSON.stringify(answer.body);
        const type = typeof answer.body === 'string' ? {} : { 'content-type': 'application/json' };
        res.writeHead(answer.status, { ...type, ...answer.headers });
        res.end(text);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/v2`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fresh client key per test: pacing buckets are shared per key for the whole process. */
export function freshKey(length = 32): string {
  let key = '';
  while (key.length < length) key += Math.random().toString(16).slice(2);
  return key.slice(0, length);
}
