import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { refundSchema, returnAnswerSchema, returnLineIdParams } from '../../after-sale/after-sale-input.ts';
import { AfterSaleService } from '../../after-sale/after-sale.service.ts';
import type { AppContext } from '../../app-context.ts';
import { listReturns, orderAfterSale } from '../../views/after-sale.queries.ts';
import { orderIdParams } from '../schemas/views.schemas.ts';
import { returnsQuery } from '../schemas/after-sale.schemas.ts';
import {
  orderAfterSaleResponse,
  refundResponse,
  returnAnswerResponse,
  returnsResponse,
} from '../schemas/after-sale-responses.schemas.ts';

/** After the sale: the Returns page, the seller's answers to returns, refunds, and an order's documents. */
export function afterSaleRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['after sale'];
  const service = new AfterSaleService(ctx);

  app.get(
    '/api/returns',
    {
      schema: {
        tags,
        summary: 'Return lines, those waiting for the seller first',
        querystring: returnsQuery,
        response: { 200: returnsResponse },
      },
    },
    async (request) => {
      const q = request.query;
      return listReturns(ctx.db, {
        status: q.status,
        accountId: q.account,
        page: q.page,
        pageSize: q.pageSize,
      });
    },
  );

  /** Accept, reject (message required), ask for clarification (message required) or send to repair. */
  app.post(
    '/api/returns/:id/answer',
    {
      schema: {
        tags,
        summary: 'Answer a return line on the marketplace',
        params: returnLineIdParams,
        body: returnAnswerSchema,
        response: { 200: returnAnswerResponse },
      },
    },
    async (request) => {
      const answered = await service.answerReturn(request.params.id, request.body);
      // An accepted return gets its credit note from the returns step: run it now rather than in two minutes.
      if (answered.outcome === 'accept') await queueReturns(ctx, request.params.id);
      return answered;
    },
  );

  app.get(
    '/api/orders/:id/after-sale',
    {
      schema: {
        tags,
        summary: "An order's documents, returns, refunds and their events",
        params: orderIdParams,
        response: { 200: orderAfterSaleResponse },
      },
    },
    async (request) => {
      const detail = await orderAfterSale(ctx.db, request.params.id);
      return { ...detail, refundReasons: await service.refundReasons(request.params.id).catch(() => []) };
    },
  );

  app.post(
    '/api/orders/:id/refunds',
    {
      schema: {
        tags,
        summary: 'Refund part of a unit on the marketplace and book it as an ERP credit note',
        params: orderIdParams,
        body: refundSchema,
        response: { 200: refundResponse, 201: refundResponse },
      },
    },
    async (request, reply) => {
      const refund = await service.refund(request.params.id, request.body);
      return reply.status(refund.repeated ? 200 : 201).send(refund);
    },
  );
}

async function queueReturns(ctx: AppContext, returnLineId: string): Promise<void> {
  const line = await ctx.db
    .selectFrom('hub_return_lines')
    .select('account_id')
    .where('id', '=', returnLineId)
    .executeTakeFirst();
  if (line)
    await (await ctx.queue()).enqueue({ accountId: line.account_id, step: 'returns', trigger: 'manual' });
}
