import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../core/errors.ts';
import { reconcileNow } from '../../sync/attention/reconcile-now.ts';
import { openIssues } from '../../sync/issues.repository.ts';
import { findRun, lastRuns, recentRuns } from '../../sync/runs.repository.ts';
import { stepEnabled } from '../../sync/step-handlers.ts';
import { isStep, STEPS } from '../../sync/steps.ts';
import { accountIdParams, noBody } from '../schemas/common.schemas.ts';
import { issueIdParams, issuesQuery, runIdParams, runsQuery, syncNowBody } from '../schemas/sync.schemas.ts';
import {
  issuesResponse,
  queuedResponse,
  runResponse,
  runsResponse,
} from '../schemas/sync-responses.schemas.ts';

/** "Sync now", the run log and the issues list. */
export function syncRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['sync'];

  app.post(
    '/api/accounts/:id/sync',
    {
      schema: {
        tags,
        summary: 'Queue one step, or every enabled step, now',
        params: accountIdParams,
        body: syncNowBody,
        response: { 202: queuedResponse },
      },
    },
    async (request, reply) => {
      const step = request.body?.step;
      const account = await ctx.accounts.get(request.params.id);
      const steps = step ? [step] : STEPS.filter((s) => stepEnabled(account.settings, s));
      const queue = await ctx.queue();
      for (const s of steps) await queue.enqueue({ accountId: account.id, step: s, trigger: 'manual' });
      return reply.status(202).send({ queued: steps });
    },
  );

  app.get(
    '/api/runs',
    {
      schema: {
        tags,
        summary: 'Recent step runs, newest first',
        querystring: runsQuery,
        response: { 200: runsResponse },
      },
    },
    async (request) => ({
      runs: await recentRuns(ctx.db, {
        accountId: request.query.account,
        step: request.query.step,
        limit: request.query.limit,
      }),
    }),
  );

  app.get(
    '/api/runs/last',
    { schema: { tags, summary: 'The last run of every step', response: { 200: runsResponse } } },
    async () => ({ runs: await lastRuns(ctx.db) }),
  );

  // Registered after /api/runs/last: find-my-way prefers the static segment, so "last" never reaches this.
  app.get(
    '/api/runs/:id',
    {
      schema: {
        tags,
        summary: 'One step run: its counts, API calls and error',
        params: runIdParams,
        response: { 200: runResponse },
      },
    },
    async (request) => {
      const run = await findRun(ctx.db, request.params.id);
      if (!run) throw new AppError('not_found', 'run.not_found', `No run ${request.params.id}.`);
      return { run };
    },
  );

  app.get(
    '/api/issues',
    {
      schema: { tags, summary: 'Open issues', querystring: issuesQuery, response: { 200: issuesResponse } },
    },
    async (request) => {
      await reconcileNow(ctx);
      return { issues: await openIssues(ctx.db, request.query.account) };
    },
  );

  /** "Retry" on an issue: runs its step again now; the issue clears itself when its cause is gone. */
  app.post(
    '/api/issues/:id/retry',
    {
      schema: {
        tags,
        summary: "Run an issue's step again now",
        params: issueIdParams,
        body: noBody,
        response: { 202: queuedResponse },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
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
    },
  );
}
