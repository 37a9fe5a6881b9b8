import nodemailer from 'nodemailer';
import type { Config } from '../config/config.ts';
import { AppError } from '../core/errors.ts';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * The SMTP connection from ADLERDO_SMTP_URL, or undefined when none is configured (then no mail is sent and the
 * settings page says so). The URL holds the password: it never goes into a log line or an error message — a
 * failure is reported by its SMTP code and response only.
 */
export function createMailer(
  config: Pick<Config, 'ADLERDO_SMTP_URL' | 'ADLERDO_ALERT_FROM'>,
): Mailer | undefined {
  if (!config.ADLERDO_SMTP_URL) return undefined;
  const transport = nodemailer.createTransport(config.ADLERDO_SMTP_URL, {
    from: config.ADLERDO_ALERT_FROM ?? 'AdlerDo <adlerdo@localhost>',
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
      } catch (cause) {
        const { code, responseCode, response } = cause as {
          code?: string;
          responseCode?: number;
          response?: string;
        };
        throw new AppError(
          'transient',
          'alerts.smtp_failed',
          `The alert e-mail could not be sent (${[code, responseCode, response].filter(Boolean).join(' ') || 'SMTP error'}).`,
        );
      }
    },
  };
}
