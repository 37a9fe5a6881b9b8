import type { FastifyInstance, RouteOptions } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
  /** Read when asked, after every onRoute hook had its say (the built files get `public` from one). */
  readonly public: boolean;
  readonly metricsToken: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered on this server, plugins' included, in the order they were added. */
    routeTable(): readonly RouteEntry[];
  }
}

/**
 * Records Fastify's own route table as it is built, so that tests (and audits) walk the routes that really
 * exist rather than a list kept by hand: a route added tomorrow is covered by the security tests at once.
 * Must be called before the first route is added.
 */
export function recordRouteTable(app: FastifyInstance): void {
  const entries: RouteEntry[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      entries.push({
        method,
        url: route.url,
        get public() {
          return route.config?.public === true;
        },
        get metricsToken() {
          return route.config?.metricsToken === true;
        },
      });
    }
  });
  app.decorate('routeTable', () => entries);
}
