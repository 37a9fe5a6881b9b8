import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ProxyFaultKind = '429' | '500' | 'timeout';

/**
 * Odoo down (the odoo-outage scenario): `refused` stops listening (connections are refused), `hang` takes
 * requests and never answers (the client's own timeout ends them; switching mode drops them), `502` answers
 * every API call with a gateway error at once. None of them forwards anything.
 */
export type OutageMode = 'refused' | 'hang' | '502';

export interface FaultProxy {
  /** Give the hub this instead of the target's URL. */
  url: string;
  /** rate 0 turns faults off. */
  setFaults(rate: number): void;
  /** Faults injected so far, by kind. */
  injected(): Record<ProxyFaultKind, number>;
  /** Timeouts whose call changed data in Odoo, by `model.method`: the hub had to find out what happened. */
  writesCutOff(): Record<string, number>;
  /** Odoo down in the given way until called with undefined; replaces the random faults meanwhile. */
  setOutage(mode: OutageMode | undefined): Promise<void>;
  /** API calls that reached the proxy, per outage mode they met ('none': no outage). */
  apiCalls(): Record<OutageMode | 'none', number>;
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of the Odoo sandbox that injects the Kaufland sandbox's fault kinds into Odoo's API
 * (the Odoo sandbox's own `timeout` never answers, so the client's 30 s timeout would fire; and its faults all
 * strike before the call runs). Here:
 * - `429`, `500`: answered at once, the call is not forwarded (nothing changes);
 * - `timeout`: the call IS forwarded and runs, then the answer is held `timeoutMs` and the connection dropped —
 *   the case in which the hub cannot know whether its `create` or `action_confirm` happened.
 * Only API calls (`/jsonrpc`, `/json/2/…`) are hit; the control API is not. Faults are drawn from `random`.
 */
export async function startFaultProxy(options: {
  target: string;
  random: () => number;
  timeoutMs: number;
  kinds?: ProxyFaultKind[];
}): Promise<FaultProxy> {
  const kinds = options.kinds ?? ['429', '500', 'timeout'];
  let rate = 0;
  const counts: Record<ProxyFaultKind, number> = { '429': 0, '500': 0, timeout: 0 };
  const cutOff: Record<string, number> = {};
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let outage: OutageMode | undefined;
  const calls: Record<OutageMode | 'none', number> = { none: 0, refused: 0, hang: 0, '502': 0 };
  const isApi = (path: string) => path.startsWith('/jsonrpc') || path.startsWith('/json/2');

  const pickFault = (path: string): ProxyFaultKind | undefined => {
    if (rate <= 0 || !isApi(path)) return undefined;
    if (options.random() >= rate) return undefined;
    const kind = kinds[Math.floor(options.random() * kinds.length)]!;
    counts[kind]++;
    return kind;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (isApi(req.url ?? '/')) calls[outage ?? 'none']++;
      if (outage === '502') {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><body><h1>502 Bad Gateway (crash-test outage)</h1></body></html>');
        return;
      }
      if (outage) return; // hang: held until the client gives up or the outage changes
      const fault = pickFault(req.url ?? '/');
      if (fault === '429' || fault === '500') {
        const status = Number(fault);
        res.writeHead(status, { 'content-type': 'text/html' });
        res.end(`<html><body><h1>${status} (crash-test proxy fault)</h1></body></html>`);
        return;
      }
      void forward(req, Buffer.concat(chunks)).then(
        (answer) => {
          if (fault === 'timeout') {
            const call = writeCall(req.url ?? '', Buffer.concat(chunks));
            if (call && answer.status === 200) cutOff[call] = (cutOff[call] ?? 0) + 1;
            const timer = setTimeout(() => {
              timers.delete(timer);
              req.socket.destroy();
            }, options.timeoutMs);
            timers.add(timer);
            return;
          }
          res.writeHead(answer.status, { 'content-type': answer.contentType });
          res.end(answer.body);
        },
        () => req.socket.destroy(),
      );
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const forward = async (req: http.IncomingMessage, body: Buffer) => {
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'authorization', 'x-odoo-database', 'user-agent']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const response = await fetch(`${options.target}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers,
      ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setFaults: (value) => {
      rate = value;
    },
    injected: () => ({ ...counts }),
    writesCutOff: () => ({ ...cutOff }),
    apiCalls: () => ({ ...calls }),
    setOutage: async (mode) => {
      const listening = outage !== 'refused';
      outage = mode;
      const closed =
        mode === 'refused' && listening
          ? new Promise<void>((resolve) => server.close(() => resolve()))
          : Promise.resolve();
      // Held requests and kept-alive connections end with every change: a new mode meets only new requests.
      for (const socket of sockets) socket.destroy();
      await closed;
      if (mode !== 'refused' && !listening)
        await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      if (outage !== 'refused') await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const READS = new Set([
  'search',
  'search_read',
  'read',
  'search_count',
  'fields_get',
  'context_get',
  'version',
]);

/** `model.method` of an Odoo call that may change data (JSON-RPC `execute_kw` or JSON-2), else undefined. */
function writeCall(url: string, body: Buffer): string | undefined {
  try {
    if (url.startsWith('/json/2/')) {
      const [model, method] = url.slice('/json/2/'.length).split('/');
      return method && !READS.has(method) ? `${model}.${method}` : undefined;
    }
    const json = JSON.parse(body.toString('utf8')) as { params?: { args?: unknown[] } };
    const [, , , model, method] = json.params?.args ?? [];
    return typeof model === 'string' && typeof method === 'string' && !READS.has(method)
      ? `${model}.${method}`
      : undefined;
  } catch {
    return undefined;
  }
}
