import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { parseInput } from '../../core/validation.ts';
import { parseIntervals } from '../../sync/scheduler.ts';
import { openIssues } from '../../sync/issues.repository.ts';
import { lastRuns } from '../../sync/runs.repository.ts';
import { listOffers } from '../../views/offers.queries.ts';
import { listOrders, orderDetail } from '../../views/orders.queries.ts';
import { overviewCharts } from '../../views/overview.queries.ts';
import { skuCheck, skuCheckCsv } from '../../views/sku-check.queries.ts';

const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
const ordersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  state: z.enum(['received', 'held', 'in_erp', 'shipped', 'cancelled']).optional(),
  account: z.uuid().optional(),
  ...paging,
});
const offersQuery = z.object({
  account: z.uuid(),
  channel: z.string().regex(/^[a-z]{2}$/),
  filter: z.enum(['all', 'out_of_sync', 'no_ean', 'not_on_marketplace']).default('all'),
  q: z.string().trim().max(100).optional(),
  ...paging,
});
const accountQuery = z.object({ account: z.uuid() });

/** What the dashboard pages read: overview, orders, offers & stock, SKU check. */
export function viewsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const intervals = parseIntervals(ctx.config.ADLERDO_SYNC_INTERVALS);

  app.get('/api/overview', async () => {
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
      accounts: accounts.map((account) => ({
        ...account,
        openIssues: issues.filter((i) => i.accountId === account.id).length,
        steps: runs
          .filter((r) => r.accountId === account.id)
          .map((r) => ({
            ...r,
            nextRunAt: new Date(Date.parse(r.startedAt) + intervals[r.step] * 1000).toISOString(),
          })),
      })),
      charts,
    };
  });

  app.get('/api/orders', async (request) => {
    const q = parseInput(ordersQuery, request.query, 'The query');
    return listOrders(ctx.db, {
      q: q.q,
      state: q.state,
      accountId: q.account,
      page: q.page,
      pageSize: q.pageSize,
    });
  });

  app.get<{ Params: { id: string } }>('/api/orders/:id', async (request) => {
    const { id } = parseInput(
      z.object({ id: z.uuid({ error: 'Not an order id.' }) }),
      request.params,
      'The order id',
    );
    return orderDetail(ctx.db, id);
  });

  /** "Retry": a held order is queued again at once (the orders step re-checks SKUs and the ERP). */
  app.post<{ Params: { id: string } }>('/api/orders/:id/retry', async (request, reply) => {
    const { id } = parseInput(z.object({ id: z.uuid() }), request.params, 'The order id');
    const { order } = await orderDetail(ctx.db, id);
    await ctx.db
      .updateTable('hub_orders')
      .set({ state: 'received', updated_at: new Date() })
      .where('id', '=', id)
      .where('state', '=', 'held')
      .execute();
    await (await ctx.queue()).enqueue({ accountId: order.accountId, step: 'orders', trigger: 'retry' });
    return reply.status(202).send({ queued: ['orders'] });
  });

  app.get('/api/offers', async (request) => {
    const q = parseInput(offersQuery, request.query, 'The query');
    return listOffers(ctx.db, {
      accountId: q.account,
      channel: q.channel,
      filter: q.filter,
      q: q.q,
      page: q.page,
      pageSize: q.pageSize,
    });
  });

  app.get('/api/sku-check', async (request) =>
    skuCheck(ctx.db, parseInput(accountQuery, request.query, 'The query').account),
  );

  app.get('/api/sku-check.csv', async (request, reply) => {
    const check = await skuCheck(ctx.db, parseInput(accountQuery, request.query, 'The query').account);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="sku-check.csv"')
      .send(skuCheckCsv(check));
  });
}
