import { Command, Option } from 'commander';
import { alertSettingsInput, SMTP_TLS_MODES, type AlertSettingsView } from '../../alerts/alert-settings.ts';
import { ALERT_LANGUAGES } from '../../alerts/catalog.ts';
import { sendTestMail, sendTestWebhook } from '../../alerts/send-test.ts';
import { WEBHOOK_FORMATS } from '../../alerts/webhook.ts';
import { parseInput } from '../../core/validation.ts';
import { withContext } from '../context.ts';
import { printJson } from '../output.ts';
import { readSecret } from '../read-secret.ts';

/**
 * `adlerdo alerts`: the same settings as the web app's alert card — recipients, SMTP server, webhook, language,
 * daily digest — and "send test". Secrets (SMTP password, webhook URL) come from a file or stdin, never from an
 * argument, and are never printed.
 */
export function alertsCommand(): Command {
  const alerts = new Command('alerts').description('Alerts outside the browser: e-mail and webhook');

  alerts
    .command('show')
    .description('Show where alerts go (never the SMTP password or the webhook URL)')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const view = await ctx.alerts.view();
        if (o.json) return printJson(view);
        process.stdout.write(describe(view));
      });
    });

  alerts
    .command('set')
    .description('Set recipients, language and the daily digest')
    .option('--to <addresses>', 'recipients, comma-separated (an empty list turns the e-mails off)')
    .addOption(new Option('--language <lang>', 'language of the alert texts').choices(ALERT_LANGUAGES))
    .option('--digest <time>', 'daily digest at this time of day (HH:MM), or "off"')
    .option('--time-zone <zone>', 'time zone of the digest time, e.g. Europe/Berlin')
    .option('--json', 'print JSON')
    .action(
      async (o: { to?: string; language?: string; digest?: string; timeZone?: string; json?: boolean }) => {
        const recipients = o.to
          ?.split(',')
          .map((r) => r.trim())
          .filter(Boolean);
        await withContext(async (ctx) => {
          const current = await ctx.alerts.view();
          const digest =
            o.digest !== undefined || o.timeZone !== undefined
              ? {
                  time: o.digest === undefined ? current.digest.time : o.digest === 'off' ? null : o.digest,
                  ...(o.timeZone !== undefined && { timeZone: o.timeZone }),
                }
              : undefined;
          const input = parseInput(
            alertSettingsInput,
            { recipients, language: o.language, digest },
            'The alert settings',
          );
          const saved = await ctx.alerts.save(input);
          if (o.json) return printJson(saved);
          process.stdout.write(describe(saved));
        });
      },
    );

  alerts
    .command('smtp')
    .description('Set the SMTP server alerts are mailed through (ADLERDO_SMTP_URL, if set, wins)')
    .option('--host <host>', 'e.g. smtp.example.com')
    .option('--port <port>', 'default: 25, 587 or 465 by TLS mode')
    .addOption(
      new Option('--tls <mode>', 'none, starttls (port 587) or tls (port 465)').choices(SMTP_TLS_MODES),
    )
    .option('--user <user>', 'the SMTP user ("" for none)')
    .option('--password-file <path>', 'file holding the SMTP password (or --password-stdin)')
    .option('--password-stdin', 'read the SMTP password from stdin')
    .option('--forget-password', 'delete the stored SMTP password')
    .option('--from <address>', 'the sender address ("" for the default)')
    .option('--off', 'remove the SMTP server from the settings')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        host?: string;
        port?: string;
        tls?: string;
        user?: string;
        passwordFile?: string;
        passwordStdin?: boolean;
        forgetPassword?: boolean;
        from?: string;
        off?: boolean;
        json?: boolean;
      }) => {
        const password =
          o.passwordFile || o.passwordStdin ? await readSecret('SMTP password', o.passwordFile) : undefined;
        await withContext(async (ctx) => {
          const current = (await ctx.alerts.view()).smtp;
          const input = parseInput(
            alertSettingsInput,
            {
              smtp: {
                host: o.off ? '' : (o.host ?? current.host ?? ''),
                port: o.port === undefined ? (o.tls ? null : current.port) : Number(o.port),
                tls: o.tls ?? current.tls,
                user: o.user,
                password,
                forgetPassword: o.forgetPassword,
                from: o.from,
              },
            },
            'The SMTP settings',
          );
          const saved = await ctx.alerts.save(input);
          if (o.json) return printJson(saved);
          process.stdout.write(describe(saved));
        });
      },
    );

  alerts
    .command('webhook')
    .description('Set the webhook (Slack, Teams, Mattermost…) that alerts are posted to')
    .option('--url-file <path>', 'file holding the webhook URL (else stdin or a hidden prompt)')
    .addOption(
      new Option(
        '--format <format>',
        'text (Slack, Teams connectors) or adaptive_card (Teams Workflows)',
      ).choices(WEBHOOK_FORMATS),
    )
    .option('--remove', 'delete the stored webhook')
    .option('--json', 'print JSON')
    .action(async (o: { urlFile?: string; format?: string; remove?: boolean; json?: boolean }) => {
      const url =
        o.remove || (o.format && !o.urlFile) ? undefined : await readSecret('webhook URL', o.urlFile);
      const input = parseInput(
        alertSettingsInput,
        { webhook: { url, format: o.format, remove: o.remove } },
        'The webhook',
      );
      await withContext(async (ctx) => {
        const saved = await ctx.alerts.save(input);
        if (o.json) return printJson(saved);
        process.stdout.write(describe(saved));
      });
    });

  alerts
    .command('test')
    .description('Send a test e-mail (or webhook message) now through the saved settings')
    .addOption(new Option('--channel <channel>', 'what to test').choices(['mail', 'webhook']).default('mail'))
    .action(async (o: { channel: 'mail' | 'webhook' }) => {
      await withContext(async (ctx) => {
        if (o.channel === 'webhook') {
          const { host } = await sendTestWebhook(ctx.alerts);
          process.stdout.write(`Test message posted to the webhook at ${host}.\n`);
        } else {
          const { sent } = await sendTestMail(ctx.alerts);
          process.stdout.write(`Test e-mail sent to ${sent === 1 ? '1 address' : `${sent} addresses`}.\n`);
        }
      });
    });

  return alerts;
}

function describe(view: AlertSettingsView): string {
  const { smtp, webhook, digest } = view;
  const server =
    smtp.source === 'environment'
      ? 'from ADLERDO_SMTP_URL (the server environment)'
      : smtp.source === 'settings'
        ? `${smtp.host}:${smtp.port ?? 'default port'}, TLS ${smtp.tls}, user ${smtp.user ?? 'none'}, password ${smtp.passwordSet ? 'set' : 'not set'}`
        : 'not configured';
  return [
    `Alert e-mails go to: ${view.recipients.join(', ') || 'nobody (off)'}`,
    `SMTP: ${server}`,
    `Sender: ${view.from}`,
    `Webhook: ${webhook.set ? `set (${webhook.host}, format ${webhook.format})` : 'not set'}`,
    `Language: ${view.language}`,
    `Daily digest: ${digest.time ? `at ${digest.time} (${digest.timeZone})` : 'off'}`,
    '',
  ].join('\n');
}
