import { Command } from 'commander';
import { alertSettingsInput, readAlertSettings, saveAlertSettings } from '../../alerts/alert-settings.ts';
import { parseInput } from '../../core/validation.ts';
import { withContext } from '../context.ts';
import { printJson } from '../output.ts';

/** `adlerdo alerts`: who gets the alert e-mails (the same setting as on the Admins page). */
export function alertsCommand(): Command {
  const alerts = new Command('alerts').description('Alert e-mails: who is told when syncing stops');

  alerts
    .command('show')
    .description('Show the recipients and whether SMTP is configured (never the SMTP password)')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const settings = await readAlertSettings(ctx.db);
        const view = { ...settings, smtpConfigured: Boolean(ctx.config.ADLERDO_SMTP_URL) };
        if (o.json) return printJson(view);
        process.stdout.write(
          `recipients: ${settings.recipients.join(', ') || 'none'}\n` +
            `SMTP: ${view.smtpConfigured ? 'configured' : 'not configured (set ADLERDO_SMTP_URL)'}\n`,
        );
      });
    });

  alerts
    .command('set')
    .description('Set the recipients (comma-separated; an empty list turns the e-mails off)')
    .requiredOption('--to <addresses>', 'e.g. seller@example.com,ops@example.com')
    .option('--json', 'print JSON')
    .action(async (o: { to: string; json?: boolean }) => {
      const recipients = o.to
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean);
      const input = parseInput(alertSettingsInput, { recipients }, 'The recipients');
      await withContext(async (ctx) => {
        const saved = await saveAlertSettings(ctx.db, input);
        if (o.json) return printJson(saved);
        process.stdout.write(`Alert e-mails go to: ${saved.recipients.join(', ') || 'nobody (off)'}\n`);
      });
    });

  return alerts;
}
