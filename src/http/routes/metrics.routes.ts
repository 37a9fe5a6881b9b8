import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { queueDepth, registry } from '../../metrics/metrics.ts';

/**
 * Prometheus scrape endpoint. Behind the admin session like the API (the session guard covers /metrics);
 * set ADLERDO_METRICS_TOKEN to let a scraper in with `Authorization: Bearer <token>` instead.
 */
export function metricsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/metrics',
    {
      config: { metricsToken: true },
      schema: { tags: ['health'], summary: 'Prometheus metrics (text format)' },
    },
    async (_request, reply) => {
      queueDepth.set(await (await ctx.queue()).pendingCount());
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
}
