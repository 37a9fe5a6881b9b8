import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { isAppError } from '../../core/errors.ts';
import { receiveReturn, seed, setPdfRenderer, ship, state } from './control.ts';
import type { FaultInjector } from './faults.ts';
import type { OdooInstance } from './instance.ts';
import { handleJson2 } from './json2.ts';
import { handleJsonRpc } from './rpc.ts';

export interface ServerOptions {
  instance: OdooInstance;
  faults: FaultInjector;
  latencyMs: number;
}

const MAX_BODY = 16 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  const text = type === 'application/json' ? JSON.stringify(body) : String(body);
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const BAD_REQUEST_HTML =
  "<!doctype html><title>400 Bad Request</title><h1>Bad Request</h1><p>Function declared as capable of handling request of type 'json' but called with a request of type 'http'</p>";

async function route(options: ServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { instance } = options;
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const raw = req.method === 'POST' ? await readBody(req) : '';
  const json = (): unknown => (raw ? JSON.parse(raw) : {});
  if (url.pathname.startsWith('/_sandbox/')) {
    const action = url.pathname.slice('/_sandbox/'.length);
    if (req.method === 'GET' && action === 'state') return send(res, 200, state(instance));
    if (req.method === 'POST' && action === 'seed') return send(res, 200, seed(instance, json() as never));
    if (req.method === 'POST' && action === 'ship') return send(res, 200, ship(instance, json() as never));
    if (req.method === 'POST' && action === 'receive-return')
      return send(res, 200, receiveReturn(instance, json() as never));
    if (req.method === 'POST' && action === 'pdf-renderer')
      return send(res, 200, setPdfRenderer(instance, json() as never));
    if (req.method === 'POST' && action === 'faults') {
      options.faults.set(json() as never);
      return send(res, 200, options.faults.status);
    }
    if (req.method === 'POST' && action === 'reset') {
      instance.reset();
      return send(res, 200, { ok: true });
    }
    return send(res, 404, { error: `Unknown sandbox control ${req.method} ${url.pathname}` });
  }
  if (req.method === 'GET' && url.pathname === '/web/version') {
    return send(res, 200, {
      version: `${instance.config.version}.0`,
      version_info: [instance.config.version, 0, 0, 'final', 0, ''],
    });
  }
  const fault = options.faults.next();
  if (fault === 'reset') return void req.socket.destroy();
  if (fault === 'timeout') return; // never answered; the socket is destroyed on close()
  if (fault)
    return send(
      res,
      Number(fault.slice(4)),
      `<html><body><h1>${fault.slice(4)} Server Error</h1></body></html>`,
      'text/html',
    );
  if (options.latencyMs > 0) await new Promise((r) => setTimeout(r, options.latencyMs));
  if (url.pathname === '/jsonrpc') {
    if (req.method !== 'POST' || !String(req.headers['content-type']).includes('json'))
      return send(res, 400, BAD_REQUEST_HTML, 'text/html');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, 'Invalid JSON data', 'text/plain');
    }
    return send(res, 200, handleJsonRpc(instance, body));
  }
  const json2 = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (json2 && instance.config.version >= 19 && req.method === 'POST') {
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return send(res, 400, { name: 'werkzeug.exceptions.BadRequest', message: 'Invalid JSON data' });
    }
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const answer = handleJson2(instance, {
      model: decodeURIComponent(json2[1] ?? ''),
      method: decodeURIComponent(json2[2] ?? ''),
      authorization: header('authorization'),
      database: header('x-odoo-database'),
      body,
    });
    return send(res, answer.status, answer.body, answer.contentType);
  }
  return send(res, 404, '<html><body><h1>404: Page not found</h1></body></html>', 'text/html');
}

export function createSandboxServer(options: ServerOptions): { server: Server; sockets: Set<Socket> } {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    route(options, req, res).catch((error: unknown) => {
      const status =
        isAppError(error) && error.kind === 'not_found'
          ? 404
          : isAppError(error) && error.kind === 'conflict'
            ? 409
            : 400;
      if (!res.headersSent)
        send(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return { server, sockets };
}
