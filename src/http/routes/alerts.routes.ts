import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { alertSettingsInput, readAlertSettings, saveAlertSettings } from '../../alerts/alert-settings.ts';
import { createMailer } from '../../alerts/mailer.ts';
import { composeAlert } from '../../alerts/compose.ts';
import { AppError } from '../../core/errors.ts';
import { noBody } from '../schemas/common.schemas.ts';

/**
 * Alert e-mails: who gets them (stored), and whether SMTP is set up (from the environment). The SMTP URL and its
 * password are never part of an answer: only `smtpConfigured` and the sender.
 */
export function alertsRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['alerts'];
  const view = async () => ({
    ...(await readAlertSettings(ctx.db)),
    smtpConfigured: Boolean(ctx.config.ADLERDO_SMTP_URL),
    from: ctx.config.ADLERDO_ALERT_FROM ?? null,
  });

  app.get('/api/settings/alerts', { schema: { tags, summary: 'Who gets alert e-mails' } }, view);

  app.put(
    '/api/settings/alerts',
    { schema: { tags, summary: 'Set who gets alert e-mails', body: alertSettingsInput } },
    async (request) => {
      await saveAlertSettings(ctx.db, request.body);
      return view();
    },
  );

  app.post(
    '/api/settings/alerts/test',
    { schema: { tags, summary: 'Send a test alert e-mail now', body: noBody } },
    async (request, reply) => {
      const mailer = createMailer(ctx.config);
      if (!mailer)
        throw new AppError('config', 'alerts.smtp_not_configured', 'Set ADLERDO_SMTP_URL to send e-mails.');
      const { recipients } = await readAlertSettings(ctx.db);
      if (recipients.length === 0)
        throw new AppError('input', 'alerts.no_recipients', 'Add at least one recipient first.');
      await mailer.send({
        ...composeAlert(recipients, [], []),
        subject: 'AdlerDo: test alert',
        text: 'This is a test. AdlerDo e-mails this address when syncing stops and when it goes on again.',
      });
      return reply.status(202).send({ sent: recipients.length });
    },
  );
}
