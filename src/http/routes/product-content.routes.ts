import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../core/errors.ts';
import {
  confirmCategoryBody,
  pictureParams,
  pictureUrlBody,
  productContentParams,
  productContentQuery,
} from '../../product-content/product-content.schemas.ts';
import {
  confirmCategory,
  findPicture,
  listProductContent,
  resendProductContent,
  setPictureUrl,
} from '../../product-content/product-content.service.ts';
import type { AccountView } from '../../accounts/account-view.ts';
import { stepEnabled } from '../../sync/step-handlers.ts';
import { tokenOfPicturePath } from '../../sync/streams/product-content/picture-url.ts';
import { accountIdParams, noBody } from '../schemas/common.schemas.ts';
import {
  confirmCategoryResponse,
  okResponse,
  productContentResponse,
} from '../schemas/product-content-responses.schemas.ts';

/** The seller changed something: the catalog step (whose phase sends product data) runs now, not in 5 minutes. */
async function sendSoon(ctx: AppContext, account: AccountView): Promise<void> {
  if (!stepEnabled(account.settings, 'catalog')) return;
  await (await ctx.queue()).enqueue({ accountId: account.id, step: 'catalog', trigger: 'manual' });
}

/** Products the marketplace did not know (issue 13): their state and the seller's actions; pictures served. */
export function productContentRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['product content'];

  app.get(
    '/api/accounts/:id/product-content',
    {
      schema: {
        tags,
        summary: 'Products whose EAN the marketplace did not know: state, category, refusals',
        params: accountIdParams,
        querystring: productContentQuery,
        response: { 200: productContentResponse },
      },
    },
    async (request) => {
      const account = await ctx.accounts.get(request.params.id);
      return {
        products: await listProductContent(ctx.db, account.id, request.query.state),
        publicUrlSet: ctx.config.ADLERDO_PUBLIC_URL !== undefined,
      };
    },
  );

  app.post(
    '/api/accounts/:id/product-content/:ean/category',
    {
      schema: {
        tags,
        summary: 'Confirm the product’s category (and so its ERP category’s)',
        params: productContentParams,
        body: confirmCategoryBody,
        response: { 200: confirmCategoryResponse },
      },
    },
    async (request) => {
      const account = await ctx.accounts.get(request.params.id);
      const confirmed = await confirmCategory(ctx.db, account.id, request.params.ean, request.body);
      await sendSoon(ctx, account);
      return confirmed;
    },
  );

  app.put(
    '/api/accounts/:id/product-content/:ean/picture-url',
    {
      schema: {
        tags,
        summary: 'Name a picture URL for the product (null: the ERP’s picture)',
        params: productContentParams,
        body: pictureUrlBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const account = await ctx.accounts.get(request.params.id);
      await setPictureUrl(ctx.db, account.id, request.params.ean, request.body.url);
      await sendSoon(ctx, account);
      return { ok: true };
    },
  );

  app.post(
    '/api/accounts/:id/product-content/:ean/resend',
    {
      schema: {
        tags,
        summary: 'Send the product’s content again with the next catalog run',
        params: productContentParams,
        body: noBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const account = await ctx.accounts.get(request.params.id);
      await resendProductContent(ctx.db, account.id, request.params.ean);
      await sendSoon(ctx, account);
      return { ok: true };
    },
  );

  // The marketplace downloads pictures here; the 32-byte random token in the path is the access check.
  app.get(
    '/api/product-pictures/:file',
    {
      config: { public: true },
      schema: { tags, summary: 'A product picture for the marketplace', params: pictureParams },
    },
    async (request, reply) => {
      const picture = await findPicture(ctx.db, tokenOfPicturePath(request.params.file));
      if (!picture) throw new AppError('not_found', 'product_picture.not_found', 'No such picture.');
      return reply
        .header('content-type', picture.contentType)
        .header('cache-control', 'public, max-age=3600')
        .send(picture.bytes);
    },
  );
}
