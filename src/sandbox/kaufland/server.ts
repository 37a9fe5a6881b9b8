import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SandboxCore } from './context.ts';
import { notFound, ProblemError } from './errors.ts';
import { garble, type FaultKind } from './faults.ts';
import { problemResponse, readRawBody, serialize, writeResponse, type SandboxResponse } from './http-io.ts';
import { apiRouter, controlRouter } from './routes/index.ts';
import { verifySignature } from './signature-check.ts';

export interface SandboxServer {
  server: Server;
  /** Ends requests held by the timeout fault, so close() does not wait ~30 s for them. */
  releaseHeld: () => void;
}

interface Incoming {
  method: string;
  rawUrl: string;
  pathname: string;
  query: URLSearchParams;
  rawBody: Buffer;
}

const isUnder = (pathname: string, root: string): boolean =>
  pathname === root || pathname.startsWith(`${root}/`);

/**
 * Plain node:http rather than Fastify: the signature covers the request-target and body bytes exactly as received,
 * every refusal must carry the spec's error body (no framework defaults), and faults act on the socket itself.
 */
export function createSandboxServer(core: SandboxCore, options: { latencyMs?: number } = {}): SandboxServer {
  const latencyMs = options.latencyMs ?? 0;
  const api = apiRouter();
  const control = controlRouter();
  const held = new Set<() => void>();

  /** A /v2 call: faults 429/500 first (nothing happens), then signature, then the 111 req/s limit, then the route. */
  function handleApi(
    req: IncomingMessage,
    incoming: Incoming,
    fault: FaultKind | undefined,
  ): SandboxResponse {
    if (fault === '429') throw new ProblemError(429, 'about:blank', 'Too many requests (sandbox fault)');
    if (fault === '500')
      throw new ProblemError(500, '/problems/server-error', 'Internal server error (sandbox fault)');
    const seller = verifySignature(
      { ...incoming, headers: req.headers },
      (key) => core.store.sellerByClientKey(key),
      core.store.clock(),
    );
    if (!core.limiter.take(seller.client_key)) {
      throw new ProblemError(429, 'about:blank', 'Too many requests: at most 111 per second per seller');
    }
    const route = api.match(incoming.method, incoming.pathname);
    if (!route) throw notFound(`No operation ${incoming.method} ${incoming.pathname}`);
    return route.handler(
      { core, store: core.store, seller, query: incoming.query, rawBody: incoming.rawBody },
      route.params,
    );
  }

  function handleControl(incoming: Incoming): SandboxResponse {
    const route = control.match(incoming.method, incoming.pathname);
    if (!route) throw notFound(`No control operation ${incoming.method} ${incoming.pathname}`);
    return route.handler(
      { core, store: core.store, query: incoming.query, rawBody: incoming.rawBody },
      route.params,
    );
  }

  function hold(): Promise<void> {
    return new Promise<void>((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        held.delete(release);
        resolve();
      };
      const timer = setTimeout(release, core.faults.current().timeout_ms);
      held.add(release);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const rawUrl = req.url ?? '/';
    const target = rawUrl.replace(/^https?:\/\/[^/]+/i, '');
    const queryAt = target.indexOf('?');
    const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1));
    const method = req.method ?? 'GET';
    const fault = isUnder(pathname, '/v2') ? core.faults.pick() : undefined;
    let response: SandboxResponse;
    try {
      const incoming: Incoming = { method, rawUrl, pathname, query, rawBody: await readRawBody(req) };
      if (isUnder(pathname, '/_sandbox')) response = handleControl(incoming);
      else if (isUnder(pathname, '/v2')) response = handleApi(req, incoming, fault);
      else throw notFound(`Nothing at ${pathname}: the API lives under /v2, the control API under /_sandbox`);
    } catch (error) {
      response = toResponse(error, core, `${method} ${pathname}`);
    }
    // Simulated network and server time (benchmarks): every /v2 answer, refusals included, arrives this much later.
    if (latencyMs > 0 && isUnder(pathname, '/v2'))
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (fault === 'timeout') {
      await hold();
      // What a client sees when a gateway gives up: the connection drops without an answer.
      res.destroy();
    } else if (fault === 'malformed') {
      writeResponse(res, { status: 200 }, garble(serialize(response)));
    } else {
      writeResponse(res, response);
    }
    const ms = Math.round(performance.now() - started);
    core.logger.debug(
      { method, path: pathname, status: res.statusCode, fault, ms },
      'kaufland sandbox request',
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      core.logger.error({ err: error }, 'kaufland sandbox: request failed');
      res.destroy();
    });
  });
  return {
    server,
    releaseHeld: () => {
      for (const release of [...held]) release();
    },
  };
}

function toResponse(error: unknown, core: SandboxCore, where: string): SandboxResponse {
  if (error instanceof ProblemError) return problemResponse(error);
  core.logger.error({ err: error, where }, 'kaufland sandbox: unexpected error');
  return problemResponse(new ProblemError(500, '/problems/server-error', 'Internal server error'));
}
