import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { erpConnectors } from '../../connectors/index.ts';
import { removeErpPush } from '../../push/erp-rules.ts';
import { connectErpSchema, patchErpSchema, updateErpKeySchema } from '../../erp/erp-input.ts';
import { noBody } from '../schemas/common.schemas.ts';
import { erpTypesResponse } from '../schemas/connector-types.schemas.ts';
import { removedResponse } from '../schemas/accounts-responses.schemas.ts';
import { connectedErpResponse, erpResponse } from '../schemas/erp-responses.schemas.ts';

/** The ERP connection JSON API: at most one ERP per instance. Bodies are checked by the route schemas. */
export function erpRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const { erp } = ctx;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['erp'];

  app.get(
    '/api/erp-types',
    { schema: { tags, summary: 'ERP types that can be connected', response: { 200: erpTypesResponse } } },
    () => ({
      types: Object.values(erpConnectors).map((c) => ({ type: c.type, name: c.displayName })),
    }),
  );

  app.get(
    '/api/erp',
    { schema: { tags, summary: 'The ERP connection, or null', response: { 200: erpResponse } } },
    async () => ({ erp: await erp.get() }),
  );

  app.post(
    '/api/erp',
    {
      schema: {
        tags,
        summary: 'Connect the ERP (signs in first)',
        body: connectErpSchema,
        response: { 201: connectedErpResponse },
      },
    },
    async (request, reply) => reply.status(201).send({ erp: await erp.connect(request.body) }),
  );

  app.put(
    '/api/erp/credentials',
    {
      schema: {
        tags,
        summary: 'Replace the API key (proven first)',
        body: updateErpKeySchema,
        response: { 200: connectedErpResponse },
      },
    },
    async (request) => ({ erp: await erp.updateKey(request.body) }),
  );

  app.post(
    '/api/erp/verify',
    {
      schema: {
        tags,
        summary: 'Sign in with the stored key again',
        body: noBody,
        response: { 200: connectedErpResponse },
      },
    },
    async () => ({ erp: await erp.verify() }),
  );

  app.patch(
    '/api/erp',
    {
      schema: {
        tags,
        summary: 'Change what the sync reads',
        body: patchErpSchema,
        response: { 200: connectedErpResponse },
      },
    },
    async (request) => ({ erp: await erp.patch(request.body) }),
  );

  app.delete(
    '/api/erp',
    {
      schema: { tags, summary: 'Disconnect the ERP and forget its key', response: { 204: removedResponse } },
    },
    async (_request, reply) => {
      // The automation rules in the ERP first, while its key is still known.
      await removeErpPush(ctx);
      await erp.disconnect();
      return reply.status(204).send(null);
    },
  );
}
