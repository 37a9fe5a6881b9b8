import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { erpConnectors } from '../../connectors/index.ts';
import type { ConnectErpInput, PatchErpInput, UpdateErpKeyInput } from '../../erp/erp-input.ts';

/** The ERP connection JSON API: at most one ERP per instance. Bodies are validated by the service. */
export function erpRoutes(app: FastifyInstance, { erp }: AppContext): void {
  app.get('/api/erp-types', () => ({
    types: Object.values(erpConnectors).map((c) => ({ type: c.type, name: c.displayName })),
  }));

  app.get('/api/erp', async () => ({ erp: await erp.get() }));

  app.post<{ Body: ConnectErpInput }>('/api/erp', async (request, reply) => {
    return reply.status(201).send({ erp: await erp.connect(request.body) });
  });

  app.put<{ Body: UpdateErpKeyInput }>('/api/erp/credentials', async (request) => ({
    erp: await erp.updateKey(request.body),
  }));

  app.post('/api/erp/verify', async () => ({ erp: await erp.verify() }));

  app.patch<{ Body: PatchErpInput }>('/api/erp', async (request) => ({ erp: await erp.patch(request.body) }));

  app.delete('/api/erp', async (_request, reply) => {
    await erp.disconnect();
    return reply.status(204).send();
  });
}
