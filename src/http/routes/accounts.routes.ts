import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type {
  AddAccountInput,
  PatchAccountInput,
  UpdateCredentialsInput,
} from '../../accounts/account-input.ts';
import { marketplaceConnectors } from '../../connectors/index.ts';

interface IdParams {
  id: string;
}

/** The accounts JSON API. Bodies are validated by the service (one schema for API and CLI). */
export function accountsRoutes(app: FastifyInstance, { accounts }: AppContext): void {
  app.get('/api/account-types', () => ({
    types: Object.values(marketplaceConnectors).map((c) => ({
      type: c.type,
      name: c.displayName,
      defaultBaseUrl: accounts.defaultBaseUrl(c.type),
    })),
  }));

  app.get('/api/accounts', async () => ({ accounts: await accounts.list() }));

  app.post<{ Body: AddAccountInput }>('/api/accounts', async (request, reply) => {
    const account = await accounts.add(request.body);
    return reply.status(201).send({ account });
  });

  app.get<{ Params: IdParams }>('/api/accounts/:id', async (request) => ({
    account: await accounts.get(request.params.id),
  }));

  app.put<{ Params: IdParams; Body: UpdateCredentialsInput }>(
    '/api/accounts/:id/credentials',
    async (request) => ({
      account: await accounts.updateCredentials(request.params.id, request.body),
    }),
  );

  app.post<{ Params: IdParams }>('/api/accounts/:id/verify', async (request) => ({
    account: await accounts.verify(request.params.id),
  }));

  app.patch<{ Params: IdParams; Body: PatchAccountInput }>('/api/accounts/:id', async (request) => ({
    account: await accounts.patch(request.params.id, request.body),
  }));

  app.delete<{ Params: IdParams }>('/api/accounts/:id', async (request, reply) => {
    await accounts.remove(request.params.id);
    return reply.status(204).send();
  });
}
