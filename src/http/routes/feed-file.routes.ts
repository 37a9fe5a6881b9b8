import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../core/errors.ts';
import { openFeedByToken } from '../../sync/streams/offers/feed.repository.ts';

/** 32 random bytes, base64url (feed-listing.ts). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The file of new offers the marketplace downloads (issue 13, first listing by file). Public, because the
 * marketplace's downloader has no session, but reachable only by the unguessable token in its path, only while
 * the file is being imported (404 before it exists, after the import ended, for any other token), and it never
 * lists or names anything else.
 */
export function feedFileRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/feeds/:token',
    {
      config: { public: true },
      schema: {
        tags: ['feeds'],
        summary: 'A file of new offers for the marketplace to download (token in the path)',
        params: z.object({ token: z.string().max(200) }),
      },
    },
    async (request, reply) => {
      const { token } = request.params;
      const feed = TOKEN.test(token) ? await openFeedByToken(ctx.db, token) : undefined;
      if (!feed) throw new AppError('not_found', 'feed.not_found', 'No such file.');
      return reply.header('cache-control', 'no-store').type(feed.content_type).send(feed.body);
    },
  );
}
