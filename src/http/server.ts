import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { errorHandler } from './errors.ts';
import { BODY_LIMIT_BYTES } from './limits.ts';
import { registerOpenApi } from './openapi.ts';
import { accountsRoutes } from './routes/accounts.routes.ts';
import { afterSaleRoutes } from './routes/after-sale.routes.ts';
import { adminsRoutes } from './routes/admins.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { alertsRoutes } from './routes/alerts.routes.ts';
import { demoRoutes } from './routes/demo.routes.ts';
import { docsRoutes } from './routes/docs.routes.ts';
import { erpRoutes } from './routes/erp.routes.ts';
import { feedFileRoutes } from './routes/feed-file.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { metricsRoutes } from './routes/metrics.routes.ts';
import { pushCallbackRoutes } from './routes/push-callbacks.ts';
import { productContentRoutes } from './routes/product-content.routes.ts';
import { pushRoutes } from './routes/push.routes.ts';
import { syncRoutes } from './routes/sync.routes.ts';
import { viewsRoutes } from './routes/views.routes.ts';
import { recordRouteTable } from './route-table.ts';
import { securityHeaders } from './security-headers.ts';
import { sessionGuard } from './session.ts';
import { spaFallback } from './spa-fallback.ts';

export const UI_DIST = path.resolve(import.meta.dirname, '../../dist/ui');

export async function buildServer(ctx: AppContext): Promise<FastifyInstance> {
  const logger: FastifyBaseLogger = ctx.logger.child({ component: 'http' });
  const app = Fastify({
    loggerInstance: logger,
    // Off unless ADLERDO_TRUST_PROXY says which proxy to believe: request.ip/protocol/host then come from its
    // X-Forwarded-* headers (the sign-in throttle, Secure cookies and HSTS rely on them).
    trustProxy: trustProxyOption(ctx.config.ADLERDO_TRUST_PROXY),
    // Larger bodies answer 413 with a sentence (errors.ts).
    bodyLimit: BODY_LIMIT_BYTES,
    // Request lines only at debug/trace: at info they would drown what the sync logs.
    logController: new LogController({
      disableRequestLogging: ctx.config.LOG_LEVEL !== 'debug' && ctx.config.LOG_LEVEL !== 'trace',
    }),
  });
  // Route params, query and body are declared as zod schemas (`schema: { body: … }`) and checked by zod.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  recordRouteTable(app);
  // Before any route: @fastify/swagger collects the routes (and their zod schemas) as they are added.
  await registerOpenApi(app);
  await app.register(fastifyCookie);
  app.addHook('onRequest', sessionGuard(ctx.db, ctx.config.ADLERDO_METRICS_TOKEN));
  app.addHook('onSend', securityHeaders);

  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  adminsRoutes(app, ctx);
  accountsRoutes(app, ctx);
  erpRoutes(app, ctx);
  syncRoutes(app, ctx);
  metricsRoutes(app, ctx);
  viewsRoutes(app, ctx);
  afterSaleRoutes(app, ctx);
  demoRoutes(app, ctx);
  alertsRoutes(app, ctx);
  pushRoutes(app, ctx);
  productContentRoutes(app, ctx);
  await pushCallbackRoutes(app, ctx);
  feedFileRoutes(app, ctx);
  docsRoutes(app);

  app.setNotFoundHandler(spaFallback(() => existsSync(UI_DIST)));
  // The built web app's files are public (the sign-in page is made of them): @fastify/static marks each of
  // its routes with the file it serves, and this hook adds `public` to exactly those.
  app.addHook('onRoute', (route) => {
    if (typeof (route.config as { file?: unknown } | undefined)?.file === 'string')
      route.config = { ...route.config, public: true };
  });
  if (existsSync(UI_DIST)) await app.register(fastifyStatic, { root: UI_DIST, wildcard: false });
  return app;
}

/** A hop count as the function Fastify's types ask for (trust the `hops` nearest proxies). */
function trustProxyOption(
  value: boolean | number | string[],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}
