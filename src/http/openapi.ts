import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from './session.ts';

/**
 * AdlerDo's own API as an OpenAPI 3.1 document, built from the zod schemas the routes validate with (so the
 * document cannot drift from what the server accepts). Served at /api/openapi.json, read at /api/docs.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'AdlerDo API',
        version: '1',
        description:
          'The JSON API behind the AdlerDo web app. Sign in with POST /api/auth/login; the session cookie ' +
          'authorises every other call. State-changing calls take application/json only.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ session: [] }],
    },
    // Routes marked `config: { public: true }` (health, sign-in, the web app's files) need no session: said so
    // per operation, so the document matches what the session guard does.
    transform: (input) => {
      const output = jsonSchemaTransform(input);
      const isPublic = (input.route.config as { public?: unknown } | undefined)?.public === true;
      return isPublic ? { ...output, schema: { ...output.schema, security: [] } } : output;
    },
    transformObject: jsonSchemaTransformObject,
  });
}
