import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { erpPush, marketplacePush } from '../../connectors/push-registry.ts';
import { AppError } from '../../core/errors.ts';
import { CallbackMemory, findCallbackTarget, type CallbackTarget } from '../../push/callback-target.ts';
import { callbackUrl, TOKEN_PATTERN, type PushEndpoint } from '../../push/endpoints.ts';
import { enqueueChanges } from '../../push/enqueue.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as received, for checking a notification's signature (push callbacks only). */
    pushRawBody?: string;
  }
}

/** Notifications are a few hundred bytes; anything near this is not one. */
const CALLBACK_BODY_LIMIT = 64 * 1024;

const tokenParam = z.string().max(200);
const callbackBody = z.record(z.string(), z.unknown(), {
  error: 'Send the notification as a JSON object.',
});
const accepted = z.object({ accepted: z.boolean() });

/**
 * Where Kaufland and the ERP call AdlerDo back (issue 13). Public (no session: the caller is a machine), but
 * each URL carries an unguessable token per account or ERP connection, and a request is accepted only for an
 * endpoint with live subscriptions or rules the hub made: an unknown or retired token is 404, a body that is no
 * notification 400. A notification answers 202 at once after queueing the step it announces; the queue keeps
 * one pending job per account and step, so a flood of callbacks costs one read each (the token's liveness,
 * callback-target.ts) and one step.
 */
export async function pushCallbackRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const memory = new CallbackMemory();
  await fastify.register((scope, _options, done) => {
    // Own JSON parser in this scope only: the raw text is kept for the signature check.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: CALLBACK_BODY_LIMIT },
      (request, body, done) => {
        const text = typeof body === 'string' ? body : body.toString('utf8');
        request.pushRawBody = text;
        try {
          done(null, text.trim() === '' ? undefined : (JSON.parse(text) as unknown));
        } catch {
          done(new AppError('input', 'push.not_json', 'The notification is not valid JSON.'), undefined);
        }
      },
    );
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['push'];

    app.post(
      '/api/push/erp/:token',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'Callback for the ERP automation rules (token in the path)',
          params: z.object({ token: tokenParam }),
          body: callbackBody,
          response: { 202: accepted },
        },
      },
      async (request, reply) => {
        const target = await liveTarget(ctx, request.params.token, 'erp');
        const connector = target.erpType === null ? undefined : erpPush(target.erpType);
        if (!connector) throw unknownCallback();
        const notice = connector.readNotice(request.body);
        if (!notice) throw notNotification();
        await memory.noteReceived(ctx.db, target.endpoint.token);
        await enqueueChanges(ctx, 'all', notice.changes);
        return reply.status(202).send({ accepted: true });
      },
    );

    app.post(
      '/api/push/:type/:token',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'Callback for marketplace notifications of one account (token in the path)',
          params: z.object({ type: z.string().max(40), token: tokenParam }),
          body: callbackBody,
          response: { 202: accepted },
        },
      },
      async (request, reply) => {
        await marketplaceCallback(ctx, memory, {
          ...request.params,
          method: request.method,
          headers: request.headers,
          rawBody: request.pushRawBody ?? '',
          body: request.body,
        });
        return reply.status(202).send({ accepted: true });
      },
    );
    done();
  });
}

interface Callback {
  type: string;
  token: string;
  method: string;
  headers: Readonly<Record<string, unknown>>;
  rawBody: string;
  body: unknown;
}

/** Checks one marketplace notification and queues the steps it announces. */
async function marketplaceCallback(
  ctx: AppContext,
  memory: CallbackMemory,
  request: Callback,
): Promise<void> {
  const { endpoint, account } = await liveTarget(ctx, request.token, 'marketplace');
  const connector = account && marketplacePush(account.type);
  if (!account || !connector || account.type !== request.type) throw unknownCallback();
  const publicUrl = ctx.config.ADLERDO_PUBLIC_URL ?? '';
  const authenticity = connector.authenticity(
    {
      method: request.method,
      url: callbackUrl(publicUrl, endpoint, account.type),
      rawBody: request.rawBody,
      headers: request.headers,
    },
    await memory.credentials(account, (id) => ctx.accounts.credentialsOf(id)),
    Date.now(),
  );
  if (authenticity === 'invalid')
    throw new AppError(
      'input',
      'push.bad_signature',
      'The notification is signed, but not with this account’s keys (or too long ago).',
    );
  const notice = connector.readNotice(request.body);
  if (!notice) throw notNotification();
  await memory.noteReceived(ctx.db, endpoint.token);
  await enqueueChanges(ctx, [account.id], notice.changes);
}

/** The endpoint behind a token, if the hub still has subscriptions (or rules) that call it. */
async function liveTarget(
  ctx: AppContext,
  token: string,
  kind: PushEndpoint['kind'],
): Promise<CallbackTarget> {
  if (!TOKEN_PATTERN.test(token)) throw unknownCallback();
  const target = await findCallbackTarget(ctx.db, token);
  const endpoint = target?.endpoint;
  if (!target || endpoint?.kind !== kind) throw unknownCallback();
  if (kind === 'erp') {
    if (!endpoint.consent || endpoint.remote_ids.length === 0) throw unknownCallback();
    return target;
  }
  // Before the first subscription is stored, the marketplace's verification request must get through.
  if (!target.subscribed && endpoint.state === 'off') throw unknownCallback();
  return target;
}

function unknownCallback(): AppError {
  return new AppError(
    'not_found',
    'push.unknown_callback',
    'No subscription of this AdlerDo calls this address.',
  );
}

function notNotification(): AppError {
  return new AppError(
    'input',
    'push.not_a_notification',
    'The body is not a notification AdlerDo understands.',
  );
}
