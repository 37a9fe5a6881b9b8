import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { parseInput } from '../../core/validation.ts';
import { openIssues } from '../../sync/issues.repository.ts';
import { lastRuns, recentRuns } from '../../sync/runs.repository.ts';
import { stepEnabled } from '../../sync/step-handlers.ts';
import { isStep, STEPS } from '../../sync/steps.ts';
import { AppError } from '../../core/errors.ts';

const syncNowSchema = z.object({ step: z.enum(STEPS).optional() }).strict();
const runsQuerySchema = z.object({
  account: z.uuid().optional(),
  step: z.enum(STEPS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** "Sync now", the run log and the issues list. */
export function syncRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Params: { id: string } }>('/api/accounts/:id/sync', async (request, reply) => {
    const { step } = parseInput(syncNowSchema, request.body ?? {}, 'The sync request');
    const account = await ctx.accounts.get(request.params.id);
    const steps = step ? [step] : STEPS.filter((s) => stepEnabled(account.settings, s));
    const queue = await ctx.queue();
    for (const s of steps) await queue.enqueue({ accountId: account.id, step: s, trigger: 'manual' });
    return reply.status(202).send({ queued: steps });
  });

  app.get('/api/runs', async (request) => {
    const query = parseInput(runsQuerySchema, request.query, 'The query');
    return {
      runs: await recentRuns(ctx.db, { accountId: query.account, step: query.step, limit: query.limit }),
    };
  });

  app.get('/api/runs/last', async () => ({ runs: await lastRuns(ctx.db) }));

  app.get<{ Querystring: { account?: string } }>('/api/issues', async (request) => ({
    issues: await openIssues(ctx.db, request.query.account),
  }));

  /** "Retry" on an issue: runs its step again now; the issue clears itself when its cause is gone. */
  app.post<{ Params: { id: string } }>('/api/issues/:id/retry', async (request, reply) => {
    const { id } = parseInput(
      z.object({ id: z.string().regex(/^\d+$/, 'Not an issue id.') }),
      request.params,
      'The issue id',
    );
    const issue = await ctx.db
      .selectFrom('sync_issues')
      .select(['account_id', 'step'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!issue?.account_id || !isStep(issue.step))
      throw new AppError('not_found', 'issue.not_found', `No issue ${id}.`);
    await ctx.db
      .updateTable('hub_orders')
      .set({ state: 'received', updated_at: new Date() })
      .where('account_id', '=', issue.account_id)
      .where('state', '=', 'held')
      .execute();
    await (await ctx.queue()).enqueue({ accountId: issue.account_id, step: issue.step, trigger: 'retry' });
    return reply.status(202).send({ queued: [issue.step] });
  });
}
