import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { CallRecord } from '../../core/ports/marketplace.port.ts';
import type {
  MarketplacePushConnector,
  PushChange,
  PushNotice,
  PushSubscription,
} from '../../core/ports/push.port.ts';
import { createKauflandApi } from './kaufland.api.ts';
import { createKauflandTransport } from './kaufland.transport.ts';
import {
  createSubscriptionsResource,
  subscriptionEventSchema,
  type Subscription,
} from './resources/subscriptions.ts';
import { storefrontSchema } from './schemas/common.ts';
import { signRequest } from './signature.ts';

/**
 * Kaufland's push notifications (`/subscriptions`, reference/kaufland/NOTES.md "Push notifications"): a POST to
 * the callback URL naming the event and the changed endpoint, never the data itself; the hub then runs the step
 * that reads it. Subscriptions are per storefront.
 */
const EVENTS: Readonly<Record<string, readonly PushChange[]>> = {
  order_new: ['orders'],
  order_unit_new: ['orders'],
  // Sent, received, cancelled by the buyer or Kaufland: the orders step reads states, cancellations acts on them.
  order_unit_status_changed: ['orders', 'cancellations'],
  return_new: ['returns'],
  return_unit_status_changed: ['returns'],
};

/** Kaufland's replay window for its own request signatures (±5 minutes), applied to signed notifications too. */
const MAX_SKEW_SECONDS = 300;

export const kauflandPush: MarketplacePushConnector = {
  events: EVENTS,
  maxCallbackUrlLength: 255,
  open(credentials, options = {}) {
    const resource = createSubscriptionsResource(
      createKauflandApi(
        createKauflandTransport({
          baseUrl: credentials.baseUrl,
          clientKey: credentials.clientId,
          secretKey: credentials.clientSecret,
          onCall: options.onCall && ((metric) => options.onCall?.(toCallRecord(metric))),
        }),
      ),
    );
    return {
      list: async () => (await resource.list()).map(toPushSubscription),
      async subscribe({ channel, event, callbackUrl, fallbackEmail }) {
        const created = await resource.create(storefrontSchema.parse(channel), {
          callback_url: callbackUrl,
          fallback_email: fallbackEmail,
          event_name: eventName(event),
        });
        return toPushSubscription(created);
      },
      async repair(id, { callbackUrl, fallbackEmail }) {
        const changed = await resource.update(numericId(id), {
          callback_url: callbackUrl,
          fallback_email: fallbackEmail,
          is_active: true,
        });
        return toPushSubscription(changed);
      },
      unsubscribe: (id) => resource.remove(numericId(id)),
    };
  },
  authenticity(request, credentials, nowMs) {
    const signature = header(request.headers, 'shop-signature') ?? header(request.headers, 'hm-signature');
    const timestamp = header(request.headers, 'shop-timestamp') ?? header(request.headers, 'hm-timestamp');
    if (signature === undefined && timestamp === undefined) return 'unsigned';
    if (signature === undefined || timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return 'invalid';
    if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return 'invalid';
    const expected = signRequest({
      method: request.method,
      uri: request.url,
      body: request.rawBody,
      timestamp: Number(timestamp),
      secret: credentials.clientSecret,
    });
    const given = Buffer.from(signature.toLowerCase());
    const wanted = Buffer.from(expected);
    return given.length === wanted.length && timingSafeEqual(given, wanted) ? 'valid' : 'invalid';
  },
  readNotice,
};

const noticeSchema = z.looseObject({
  event_name: z.string().max(100).optional(),
  event: z.string().max(100).optional(),
  url: z.string().max(2000).optional(),
});

function readNotice(body: unknown): PushNotice | undefined {
  const parsed = noticeSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const event = parsed.data.event_name ?? parsed.data.event;
  if (event !== undefined) return { event, changes: [...(EVENTS[event] ?? [])] };
  // No event name: the changed endpoint still says what to read.
  if (parsed.data.url !== undefined && /\/order-units?\b|\/orders?\b/.test(parsed.data.url))
    return { changes: ['orders', 'cancellations'] };
  return { changes: [] };
}

function header(headers: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

function toPushSubscription(subscription: Subscription): PushSubscription {
  return {
    id: String(subscription.id_subscription),
    channel: subscription.storefront ?? '',
    event: subscription.event_name,
    callbackUrl: subscription.callback_url,
    active: subscription.is_active,
  };
}

function eventName(event: string) {
  const parsed = subscriptionEventSchema.safeParse(event);
  if (!parsed.success)
    throw new AppError('bug', 'kaufland.unknown_event', `"${event}" is not a Kaufland subscription event.`);
  return parsed.data;
}

function numericId(id: string): number {
  if (!/^\d{1,15}$/.test(id))
    throw new AppError('bug', 'kaufland.bad_subscription_id', `"${id}" is not a Kaufland subscription id.`);
  return Number(id);
}

function toCallRecord(metric: { method: string; endpoint: string; status: number; ms: number }): CallRecord {
  return {
    system: 'kaufland',
    method: metric.method,
    endpoint: metric.endpoint,
    status: metric.status !== 0 ? metric.status : 'network_error',
    ms: metric.ms,
  };
}
