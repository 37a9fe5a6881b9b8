import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { parseIntervals } from '../../sync/scheduler.ts';
import { reconcileNow } from '../../sync/attention/reconcile-now.ts';
import { openIssues } from '../../sync/issues.repository.ts';
import { lastRuns } from '../../sync/runs.repository.ts';
import { listOffers } from '../../views/offers.queries.ts';
import { listOrders, orderDetail } from '../../views/orders.queries.ts';
import { overviewCharts } from '../../views/overview.queries.ts';
import { skuCheck, skuCheckCsv } from '../../views/sku-check.queries.ts';
import { noBody } from '../schemas/common.schemas.ts';
import { accountQuery, offersQuery, orderIdParams, ordersQuery } from '../schemas/views.schemas.ts';
import {
  offersResponse,
  orderDetailResponse,
  ordersResponse,
  overviewResponse,
  skuCheckResponse,
  type OverviewResponse,
} from '../schemas/views-responses.schemas.ts';
import { queuedResponse } from '../schemas/sync-responses.schemas.ts';

/** What the dashboard pages read: overview, orders, offers & stock, SKU check. */
export function viewsRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['dashboard'];
  const intervals = parseIntervals(ctx.config.ADLERDO_SYNC_INTERVALS);

  app.get(
    '/api/overview',
    {
      schema: {
        tags,
        summary: 'Accounts, last runs, issues and charts',
        response: { 200: overviewResponse },
      },
    },
    async (): Promise<OverviewResponse> => {
      await reconcileNow(ctx);
      const [accounts, erp, runs, issues, charts] = await Promise.all([
        ctx.accounts.list(),
        ctx.erp.get(),
        lastRuns(ctx.db),
        openIssues(ctx.db),
        overviewCharts(ctx.db),
      ]);
      return {
        erp,
        openIssues: issues.length,
        // Those that stopped syncing (src/sync/attention); the Overview never says "nothing needs you" while > 0.
        attentionIssues: issues.filter((i) => i.attention).length,
        accounts: accounts.map((account) => ({
          ...account,
          openIssues: issues.filter((i) => i.accountId === account.id || i.accountId === null).length,
          steps: runs
            .filter((r) => r.accountId === account.id)
            .map((r) => ({
              ...r,
              nextRunAt: new Date(Date.parse(r.startedAt) + intervals[r.step] * 1000).toISOString(),
            })),
        })),
        charts,
      };
    },
  );

  app.get(
    '/api/orders',
    {
      schema: {
        tags,
        summary: 'Orders, newest first',
        querystring: ordersQuery,
        response: { 200: ordersResponse },
      },
    },
    async (request) => {
      const q = request.query;
      return listOrders(ctx.db, {
        q: q.q,
        state: q.state,
        accountId: q.account,
        page: q.page,
        pageSize: q.pageSize,
      });
    },
  );

  app.get(
    '/api/orders/:id',
    {
      schema: {
        tags,
        summary: 'One order with lines, timeline and issues',
        params: orderIdParams,
        response: { 200: orderDetailResponse },
      },
    },
    async (request) => orderDetail(ctx.db, request.params.id),
  );

  /** "Retry": a held order is queued again at once (the orders step re-checks SKUs and the ERP). */
  app.post(
    '/api/orders/:id/retry',
    {
      schema: {
        tags,
        summary: 'Queue a held order again',
        params: orderIdParams,
        body: noBody,
        response: { 202: queuedResponse },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { order } = await orderDetail(ctx.db, id);
      await ctx.db
        .updateTable('hub_orders')
        .set({ state: 'received', updated_at: new Date() })
        .where('id', '=', id)
        .where('state', '=', 'held')
        .execute();
      await (await ctx.queue()).enqueue({ accountId: order.accountId, step: 'orders', trigger: 'retry' });
      return reply.status(202).send({ queued: ['orders'] });
    },
  );

  app.get(
    '/api/offers',
    {
      schema: {
        tags,
        summary: 'Offers & stock per SKU of one storefront',
        querystring: offersQuery,
        response: { 200: offersResponse },
      },
    },
    async (request) => {
      const q = request.query;
      return listOffers(ctx.db, {
        accountId: q.account,
        channel: q.channel,
        filter: q.filter,
        q: q.q,
        page: q.page,
        pageSize: q.pageSize,
      });
    },
  );

  app.get(
    '/api/sku-check',
    {
      schema: {
        tags,
        summary: 'SKUs that differ between the ERP and the marketplace',
        querystring: accountQuery,
        response: { 200: skuCheckResponse },
      },
    },
    async (request) => skuCheck(ctx.db, request.query.account),
  );

  app.get(
    '/api/sku-check.csv',
    { schema: { tags, summary: 'The SKU check as CSV', querystring: accountQuery } },
    async (request, reply) => {
      const check = await skuCheck(ctx.db, request.query.account);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="sku-check.csv"')
        .send(skuCheckCsv(check));
    },
  );
}
