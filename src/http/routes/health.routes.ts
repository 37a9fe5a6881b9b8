import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';

const tags = ['health'];
const readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['ok', 'unreachable']),
  worker: z.enum(['running', 'stopped', 'not_in_this_process']),
});

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** Liveness: the process answers. */
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags, summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    () => ({ status: 'ok' as const }),
  );

  /**
   * Readiness: the database answers, and the sync worker of this process (if it runs one) takes jobs. A
   * stopped or crashed worker makes the process not ready (503): the UI still answers, but no step runs.
   * A process without a worker says `not_in_this_process` and is ready: every CLI command that serves HTTP
   * starts one, so only tests build a server alone.
   */
  app.get(
    '/ready',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Readiness: database and sync worker',
        response: { 200: readiness, 503: readiness },
      },
    },
    async (_request, reply) => {
      const worker = !ctx.worker ? 'not_in_this_process' : ctx.worker.running() ? 'running' : 'stopped';
      const database = await sql`SELECT 1`.execute(ctx.db).then(
        () => 'ok' as const,
        () => 'unreachable' as const,
      );
      const ready = database === 'ok' && worker !== 'stopped';
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not_ready', database, worker });
    },
  );
}
