import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { runningDemo, startDemoOnce, stopDemo, type Demo } from '../../demo/index.ts';
import { noBody } from '../schemas/common.schemas.ts';
import { demoResponse } from '../schemas/demo-responses.schemas.ts';

/** What the pages may know of the demo: never the sandbox seller's secret. */
export type DemoInfo = ReturnType<typeof demoView>;

function demoView(demo: Demo) {
  return {
    accountId: demo.accountId,
    startedAt: demo.startedAt,
    storefronts: demo.storefronts,
    products: demo.products,
    mismatchSku: demo.mismatch.sku,
  };
}

/**
 * "Try it with the sandbox" on an empty Accounts page: the demo runs inside this server process, so the
 * worker and scheduler of `adlerdo start` move it. 409 once anything is connected (see startDemo).
 */
export function demoRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['demo'];
  app.get(
    '/api/demo',
    { schema: { tags, summary: 'The running demo, or null', response: { 200: demoResponse } } },
    async () => {
      const demo = await runningDemo(ctx);
      if (!demo) return { demo: null };
      // The seller removed the demo account (to connect their own): its sandboxes have nothing left to feed.
      if (!(await ctx.accounts.list()).some((a) => a.id === demo.accountId)) {
        await stopDemo(ctx);
        return { demo: null };
      }
      return { demo: demoView(demo) };
    },
  );

  app.post(
    '/api/demo',
    {
      schema: {
        tags,
        summary: 'Start the demo (only while nothing is connected)',
        body: noBody,
        response: { 201: demoResponse },
      },
    },
    async (_request, reply) => {
      const demo = await startDemoOnce(ctx);
      return reply.status(201).send({ demo: demoView(demo) });
    },
  );

  // The sandboxes live in this process: they stop with the server.
  app.addHook('onClose', async () => {
    await stopDemo(ctx);
  });
}
