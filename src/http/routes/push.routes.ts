import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../core/errors.ts';
import { accountPushView } from '../../push/account-push-view.ts';
import { erpPushView, setErpPushConsent } from '../../push/erp-rules.ts';
import { keepAccountPush } from '../../push/marketplace-subscriptions.ts';
import { accountIdParams, noBody } from '../schemas/common.schemas.ts';
import { accountPushResponse, erpPushResponse } from '../schemas/push.schemas.ts';

export const erpPushBody = z.strictObject({
  consent: z.boolean({ error: 'Send consent: true to install the automation rules, false to remove them.' }),
});

/** Push on the account card and the ERP page (issue 13); the callbacks themselves are in push-callbacks.ts. */
export function pushRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['push'];

  app.get(
    '/api/accounts/:id/push',
    {
      schema: {
        tags,
        summary: 'Push notifications of an account: state and subscriptions',
        params: accountIdParams,
        response: { 200: accountPushResponse },
      },
    },
    async (request) => ({ push: await accountPushView(ctx, request.params.id) }),
  );

  app.post(
    '/api/accounts/:id/push/check',
    {
      schema: {
        tags,
        summary: 'Bring the account’s subscriptions in step now (create, repair, remove)',
        params: accountIdParams,
        body: noBody,
        response: { 200: accountPushResponse },
      },
    },
    async (request) => {
      const account = await ctx.accounts.get(request.params.id);
      await keepAccountPush(ctx, account.id);
      return { push: await accountPushView(ctx, account.id) };
    },
  );

  app.get(
    '/api/erp/push',
    {
      schema: {
        tags,
        summary: 'Push from the ERP: consent, state, rules',
        response: { 200: erpPushResponse },
      },
    },
    async () => ({
      push: (await erpPushView(ctx)) ?? notConnected(),
    }),
  );

  app.put(
    '/api/erp/push',
    {
      schema: {
        tags,
        summary: 'Agree (or no longer agree) that AdlerDo installs automation rules in the ERP',
        body: erpPushBody,
        response: { 200: erpPushResponse },
      },
    },
    async (request) => ({ push: (await setErpPushConsent(ctx, request.body.consent)) ?? notConnected() }),
  );
}

function notConnected(): never {
  throw new AppError(
    'not_found',
    'erp.not_connected',
    'No ERP is connected. Connect Odoo on the ERP page first.',
  );
}
