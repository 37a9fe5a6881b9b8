import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { errorHandler } from './errors.ts';
import { accountsRoutes } from './routes/accounts.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { demoRoutes } from './routes/demo.routes.ts';
import { erpRoutes } from './routes/erp.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { metricsRoutes } from './routes/metrics.routes.ts';
import { syncRoutes } from './routes/sync.routes.ts';
import { viewsRoutes } from './routes/views.routes.ts';
import { sessionGuard } from './session.ts';

export const UI_DIST = path.resolve(import.meta.dirname, '../../dist/ui');

export async function buildServer(ctx: AppContext): Promise<FastifyInstance> {
  const logger: FastifyBaseLogger = ctx.logger.child({ component: 'http' });
  const app = Fastify({
    loggerInstance: logger,
    // 1 MiB: enough for any settings body; an upload path would set its own limit.
    bodyLimit: 1024 * 1024,
    // Request lines only at debug/trace: at info they would drown what the sync logs.
    logController: new LogController({
      disableRequestLogging: ctx.config.LOG_LEVEL !== 'debug' && ctx.config.LOG_LEVEL !== 'trace',
    }),
  });
  // Route params, query and body are declared as zod schemas (`schema: { body: … }`) and checked by zod.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  await app.register(fastifyCookie);
  app.addHook('onRequest', sessionGuard(ctx.db, ctx.config.ADLERDO_METRICS_TOKEN));
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
  });

  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  accountsRoutes(app, ctx);
  erpRoutes(app, ctx);
  syncRoutes(app, ctx);
  metricsRoutes(app, ctx);
  viewsRoutes(app, ctx);
  demoRoutes(app, ctx);

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !existsSync(UI_DIST)) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url}.` } });
    }
    // The web app routes on the client: every other GET gets index.html.
    return reply.type('text/html').sendFile('index.html');
  });
  if (existsSync(UI_DIST)) await app.register(fastifyStatic, { root: UI_DIST, wildcard: false });
  return app;
}
