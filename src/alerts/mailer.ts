import nodemailer from 'nodemailer';
import { AppError } from '../core/errors.ts';
import type { AlertMessage } from './compose.ts';
import { describeSmtpFailure } from './smtp-failure.ts';

export type SmtpTls = 'none' | 'starttls' | 'tls';

/** Where mail goes: the operator's ADLERDO_SMTP_URL, or the server set on the settings page. */
export type SmtpTarget =
  | { kind: 'url'; url: string }
  | {
      kind: 'server';
      host: string;
      port: number;
      tls: SmtpTls;
      user: string | null;
      password: string | null;
    };

export interface Mailer {
  /** host:port, for messages (never the credentials). */
  readonly where: string;
  send(to: string[], message: AlertMessage): Promise<void>;
}

/** The usual port of each TLS mode, used when none is set. */
export const DEFAULT_SMTP_PORT: Record<SmtpTls, number> = { none: 25, starttls: 587, tls: 465 };

// A dead server must not hold the alerter (or a "Send test" click) for nodemailer's default two minutes.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/**
 * One SMTP connection per send. Credentials are handed to nodemailer only: a failure is reported in words built
 * from the SMTP code and the server's answer (with any credential cut out), never from the URL or the options.
 */
export function createMailer(target: SmtpTarget, from: string): Mailer {
  const { where, secrets, options } = transportOptions(target);
  const transport = nodemailer.createTransport(options, { from });
  return {
    where,
    async send(to, message) {
      try {
        await transport.sendMail({ to, subject: message.subject, text: message.text });
      } catch (cause) {
        throw new AppError('transient', 'alerts.smtp_failed', describeSmtpFailure(cause, where, secrets));
      } finally {
        transport.close();
      }
    },
  };
}

function transportOptions(target: SmtpTarget) {
  if (target.kind === 'url') {
    const url = new URL(target.url);
    const secure = url.protocol === 'smtps:';
    const port = url.port || String(secure ? DEFAULT_SMTP_PORT.tls : DEFAULT_SMTP_PORT.starttls);
    const secrets = [decodeURIComponent(url.password), decodeURIComponent(url.username)].filter(Boolean);
    return { where: `${url.hostname}:${port}`, secrets, options: { url: target.url, ...TIMEOUTS } };
  }
  const auth = target.user ? { auth: { user: target.user, pass: target.password ?? '' } } : {};
  const tls =
    target.tls === 'tls'
      ? { secure: true }
      : target.tls === 'starttls'
        ? { secure: false, requireTLS: true }
        : { secure: false, ignoreTLS: true };
  return {
    where: `${target.host}:${target.port}`,
    secrets: [target.password ?? ''].filter(Boolean),
    options: { host: target.host, port: target.port, ...tls, ...auth, ...TIMEOUTS },
  };
}
