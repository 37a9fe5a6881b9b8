import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../../app-context.ts';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** Liveness: the process answers. */
  app.get('/health', () => ({ status: 'ok' }));

  /** Readiness: the database answers too. */
  app.get('/ready', async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(ctx.db);
      return { status: 'ready', database: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'not_ready', database: 'unreachable' });
    }
  });
}
