import type { FastifyInstance } from 'fastify';
import type { OpenAPIV3_1 } from 'openapi-types';
import { API_DOCS_CSS, renderApiDocs } from '../api-docs-page.ts';

/**
 * AdlerDo's own API described: the OpenAPI 3.1 document (built by @fastify/swagger from the routes' zod schemas)
 * and a page to read it. Both behind sign-in like the rest of /api; hidden from the document themselves.
 */
export function docsRoutes(app: FastifyInstance): void {
  const hide = { hide: true };
  const document = () => app.swagger() as OpenAPIV3_1.Document;

  app.get('/api/openapi.json', { schema: hide }, () => document());

  app.get('/api/docs', { schema: hide }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderApiDocs(document())),
  );

  app.get('/api/docs.css', { schema: hide }, (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(API_DOCS_CSS),
  );
}
