import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import {
  addAccountSchema,
  patchAccountSchema,
  updateCredentialsSchema,
} from '../../accounts/account-input.ts';
import { marketplaceConnectors } from '../../connectors/index.ts';
import { keepAccountPush, removeAccountPush } from '../../push/marketplace-subscriptions.ts';
import { accountIdParams, noBody } from '../schemas/common.schemas.ts';
import { accountTypesResponse } from '../schemas/connector-types.schemas.ts';
import {
  accountResponse,
  accountsResponse,
  carriersResponse,
  removedResponse,
} from '../schemas/accounts-responses.schemas.ts';

/** Offers of a removed account stay live at their last amount unless the seller asks for 0 first. */
const removeAccountQuery = z
  .object({ zeroOffers: z.enum(['true', 'false'], { error: 'Use true or false.' }).optional() })
  .strict();

/**
 * The accounts JSON API. Params and bodies are checked by the route schemas (the same zod schemas the service
 * and the CLI use), so nothing malformed reaches the service or the database.
 */
export function accountsRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const { accounts } = ctx;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];

  app.get(
    '/api/account-types',
    {
      schema: {
        tags,
        summary: 'Marketplace types that can be connected',
        response: { 200: accountTypesResponse },
      },
    },
    () => ({
      types: Object.values(marketplaceConnectors).map((c) => ({
        type: c.type,
        name: c.displayName,
        defaultBaseUrl: accounts.defaultBaseUrl(c.type),
      })),
    }),
  );

  app.get(
    '/api/accounts',
    { schema: { tags, summary: 'Connected marketplace accounts', response: { 200: accountsResponse } } },
    async () => ({ accounts: await accounts.list() }),
  );

  app.post(
    '/api/accounts',
    {
      schema: {
        tags,
        summary: 'Connect an account (the keys are proven first)',
        body: addAccountSchema,
        response: { 201: accountResponse },
      },
    },
    async (request, reply) => {
      const account = await accounts.add(request.body);
      await keepAccountPush(ctx, account.id);
      return reply.status(201).send({ account });
    },
  );

  app.get(
    '/api/accounts/:id',
    { schema: { tags, summary: 'One account', params: accountIdParams, response: { 200: accountResponse } } },
    async (request) => ({ account: await accounts.get(request.params.id) }),
  );

  app.get(
    '/api/accounts/:id/carriers',
    {
      schema: {
        tags,
        summary:
          "The marketplace's carrier codes (its GET /carriers), for the default carrier and the mapping",
        params: accountIdParams,
        response: { 200: carriersResponse },
      },
    },
    async (request) => ({ carriers: await accounts.carrierCodes(request.params.id) }),
  );

  app.put(
    '/api/accounts/:id/credentials',
    {
      schema: {
        tags,
        summary: 'Replace the keys (proven first)',
        params: accountIdParams,
        body: updateCredentialsSchema,
        response: { 200: accountResponse },
      },
    },
    async (request) => {
      const account = await accounts.updateCredentials(request.params.id, request.body);
      // New keys: the subscriptions are checked (and re-created if the marketplace dropped them) with them.
      await keepAccountPush(ctx, account.id);
      return { account };
    },
  );

  app.post(
    '/api/accounts/:id/verify',
    {
      schema: {
        tags,
        summary: 'Prove the stored keys again',
        params: accountIdParams,
        body: noBody,
        response: { 200: accountResponse },
      },
    },
    async (request) => ({ account: await accounts.verify(request.params.id) }),
  );

  app.patch(
    '/api/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Rename, move or change settings',
        params: accountIdParams,
        body: patchAccountSchema,
        response: { 200: accountResponse },
      },
    },
    async (request) => {
      const account = await accounts.patch(request.params.id, request.body);
      // Storefronts or the fallback e-mail may have changed.
      await keepAccountPush(ctx, account.id);
      return { account };
    },
  );

  app.delete(
    '/api/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Remove an account and its keys (?zeroOffers=true: first set its offers to amount 0)',
        params: accountIdParams,
        querystring: removeAccountQuery,
        response: { 204: removedResponse },
      },
    },
    async (request, reply) => {
      const account = await accounts.get(request.params.id);
      // The marketplace's subscriptions first, while the keys are still there; a failure only leaves them to
      // run into 404s until the marketplace disables them.
      await removeAccountPush(ctx, account.id).catch((error: unknown) =>
        ctx.logger.warn({ err: error, accountId: account.id }, 'push subscriptions not removed'),
      );
      await accounts.remove(account.id, { zeroOffers: request.query.zeroOffers === 'true' });
      return reply.status(204).send(null);
    },
  );
}
