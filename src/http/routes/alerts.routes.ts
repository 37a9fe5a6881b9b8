import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { alertSettingsInput } from '../../alerts/alert-settings.ts';
import { sendTestMail, sendTestWebhook } from '../../alerts/send-test.ts';
import { noBody } from '../schemas/common.schemas.ts';
import {
  alertSettingsResponse,
  testMailResponse,
  testWebhookResponse,
} from '../schemas/alerts-responses.schemas.ts';

/**
 * Alerts outside the browser: the SMTP server, recipients, webhook, language and digest. The SMTP password and
 * the webhook URL are write-only: answers say whether they are set (and the webhook's host), never their value.
 */
export function alertsRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['alerts'];

  app.get(
    '/api/settings/alerts',
    { schema: { tags, summary: 'Where alerts go', response: { 200: alertSettingsResponse } } },
    () => ctx.alerts.view(),
  );

  app.put(
    '/api/settings/alerts',
    {
      schema: {
        tags,
        summary:
          'Change where alerts go (only the parts sent change; an empty password or URL keeps the stored one)',
        body: alertSettingsInput,
        response: { 200: alertSettingsResponse },
      },
    },
    (request) => ctx.alerts.save(request.body),
  );

  app.post(
    '/api/settings/alerts/test',
    {
      schema: {
        tags,
        summary: 'Send a test alert e-mail now',
        body: noBody,
        response: { 202: testMailResponse },
      },
    },
    async (_request, reply) => reply.status(202).send(await sendTestMail(ctx.alerts)),
  );

  app.post(
    '/api/settings/alerts/webhook/test',
    {
      schema: {
        tags,
        summary: 'Send a test message to the webhook now',
        body: noBody,
        response: { 202: testWebhookResponse },
      },
    },
    async (_request, reply) => reply.status(202).send(await sendTestWebhook(ctx.alerts)),
  );
}
