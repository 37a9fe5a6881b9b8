import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PublicProxy {
  /** What ADLERDO_PUBLIC_URL is set to: known before the app starts. */
  url: string;
  /** Where requests go from now on (the app's own address, once it listens). */
  forwardTo(target: string): void;
  close(): Promise<void>;
}

/**
 * A minimal reverse proxy on loopback, standing in for the nginx or Caddy in front of a real AdlerDo: the
 * public URL exists before the app has a port, and callbacks from the sandboxes travel through it as they
 * would through the seller's proxy. Forwards method, path, headers and body as they are.
 */
export async function startPublicProxy(): Promise<PublicProxy> {
  let target: URL | undefined;
  const server: Server = createServer((req, res) => {
    if (!target) {
      res.writeHead(502).end();
      return;
    }
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwardTo: (to) => {
      target = new URL(to);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
