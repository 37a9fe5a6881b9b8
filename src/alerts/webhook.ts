import { isIP } from 'node:net';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import { httpUrl } from '../core/text.ts';
import type { AlertMessage } from './compose.ts';

/**
 * What the webhook receives:
 * - `text` (default): `{"text": "…"}` — Slack incoming webhooks, Microsoft Teams' Office 365 connectors,
 *   Mattermost and Rocket.Chat all show a top-level `text`.
 * - `adaptive_card`: a message with one Adaptive Card — what a Teams "Workflows" webhook (Power Automate,
 *   "Post to a channel when a webhook request is received") expects; it ignores a bare `text`.
 */
export const WEBHOOK_FORMATS = ['text', 'adaptive_card'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/**
 * https everywhere; plain http only to this machine or a private network (a chat server on the LAN, a test
 * receiver), where nothing on the internet can read the token in the URL on its way.
 */
export const webhookUrl = httpUrl('Enter the webhook URL your chat tool gave you, starting with https://')
  // zod runs refinements even after the URL check failed: an unparsable value is left to that check's message.
  .refine((value) => {
    const url = parseUrl(value);
    return !url || url.protocol === 'https:' || isPrivateHost(url.hostname);
  }, 'Use an https:// URL (plain http:// only to localhost or a private network address).')
  .refine((value) => {
    const url = parseUrl(value);
    return !url || (!url.username && !url.password);
  }, 'Remove the user name and password from the URL.');

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) {
    const [a = 0, b = 0] = host.split('.').map(Number);
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  if (isIP(host) === 6) return host === '::1' || /^f[cd][0-9a-f]{2}:/.test(host);
  return false;
}

export function webhookPayload(format: WebhookFormat, message: AlertMessage): unknown {
  if (format === 'text') return { text: `${message.subject}\n\n${message.text}` };
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: message.subject, weight: 'Bolder', size: 'Medium', wrap: true },
            { type: 'TextBlock', text: message.text, wrap: true },
          ],
        },
      },
    ],
  };
}

export interface Webhook {
  /** The host, for messages: the path holds the token. */
  readonly host: string;
  send(message: AlertMessage): Promise<void>;
}

const TIMEOUT_MS = 10_000;
const answerExcerpt = z.string().transform((s) => s.replace(/\s+/g, ' ').trim().slice(0, 200));

/** Posts to the stored URL; a failure is described by the host and the receiver's answer, never the URL. */
export function createWebhook(url: string, format: WebhookFormat): Webhook {
  const { host, pathname } = new URL(url);
  const redact = (text: string) => text.split(url).join('…').split(pathname).join('/…');
  return {
    host,
    async send(message) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(webhookPayload(format, message)),
          // A redirect could carry the token to another host; the chat tools answer directly.
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (cause) {
        throw new AppError('transient', 'alerts.webhook_failed', networkFailure(cause, host));
      }
      if (response.ok) return;
      const body = answerExcerpt.parse(redact(await response.text().catch(() => '')));
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new AppError(
        'transient',
        'alerts.webhook_failed',
        response.status >= 300 && response.status < 400
          ? `The webhook at ${host} answered ${status} (a redirect): enter the URL it points to; AdlerDo does not follow redirects.`
          : `The webhook at ${host} answered ${status}${body ? `: "${body}"` : ''}.` +
              (response.status === 404 || response.status === 403
                ? ' The URL may be wrong or the webhook removed: copy it again from your chat tool.'
                : ''),
      );
    },
  };
}

function networkFailure(cause: unknown, host: string): string {
  const error = cause as { name?: string; cause?: { code?: string; message?: string } };
  const code = error.cause?.code ?? '';
  if (error.name === 'TimeoutError' || error.name === 'AbortError')
    return `The webhook at ${host} did not answer within ${TIMEOUT_MS / 1000} s.`;
  if (code === 'ECONNREFUSED') return `Nothing answers at ${host}: check the webhook URL.`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `The host ${host} was not found: check the webhook URL.`;
  if (/CERT|SSL|TLS/i.test(code))
    return `The secure connection to ${host} failed (${code}): its certificate is not trusted or the address is wrong.`;
  return `The webhook at ${host} could not be reached${code ? ` (${code})` : ''}.`;
}
