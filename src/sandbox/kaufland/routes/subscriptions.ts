import { z } from 'zod';
import { parseJsonBody, validateBody } from '../body.ts';
import type { ApiContext, ControlContext } from '../context.ts';
import { fieldError, notFound } from '../errors.ts';
import { noContent, ok, page } from '../http-io.ts';
import { idParam, pagingParams, storefrontParam } from '../query.ts';
import type { Router } from '../router.ts';
import { STOREFRONTS } from '../storefronts.ts';
import {
  SUBSCRIPTION_EVENTS,
  subscriptionBook,
  subscriptionView,
  type SubscriptionRecord,
} from '../subscription-book.ts';
import { disable, verifyCallback, watchForNotifications } from '../subscription-delivery.ts';

const callbackUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(255, 'must be at most 255 characters');
const fallbackEmail = z.email('must be an e-mail address');
const eventName = z.enum(SUBSCRIPTION_EVENTS);

const createSchema = z.strictObject({
  callback_url: callbackUrl,
  fallback_email: fallbackEmail,
  event_name: eventName,
});
const updateSchema = z.strictObject({
  callback_url: callbackUrl.optional(),
  fallback_email: fallbackEmail.optional(),
  event_name: eventName.optional(),
  is_active: z.boolean().optional(),
  storefront: z.enum(STOREFRONTS).optional(),
});
const pushSettingsSchema = z.strictObject({
  lose_rate: z.number().min(0).max(1).optional(),
  retry_delays_ms: z.array(z.int().min(0).max(600_000)).max(20).optional(),
  disable_after: z.int().min(1).max(1000).optional(),
});

function own(ctx: ApiContext, params: Readonly<Record<string, string>>): SubscriptionRecord {
  const id = idParam(params, 'id_subscription');
  const found = subscriptionBook(ctx.store).subscriptions.get(id);
  if (!found || found.id_seller !== ctx.seller.id_seller) throw notFound(`Subscription ${id} not found`);
  return found;
}

/** /v2/subscriptions: push notification subscriptions per the 2.27.0 spec (30 per page at most). */
export function subscriptionRoutes(router: Router<ApiContext>): void {
  router.add('GET', '/v2/subscriptions', (ctx) => {
    const storefront = storefrontParam(ctx.query, ctx.seller, false);
    const event = ctx.query.get('event_name');
    if (event !== null && event !== '' && !eventName.safeParse(event).success)
      throw fieldError('event_name', `"${event}" is not a subscription event`);
    const paging = pagingParams(ctx.query, { min: 0, max: 30 });
    const items = subscriptionBook(ctx.store)
      .ofSeller(ctx.seller.id_seller)
      .filter(
        (s) =>
          (storefront === undefined || s.storefront === storefront) && (!event || s.event_name === event),
      );
    return page(items, paging, subscriptionView);
  });
  router.add('POST', '/v2/subscriptions', (ctx) => {
    const storefront = storefrontParam(ctx.query, ctx.seller, true);
    const input = validateBody(createSchema, parseJsonBody(ctx.rawBody));
    watchForNotifications(ctx.core);
    const created = subscriptionBook(ctx.store).add({
      ...input,
      id_seller: ctx.seller.id_seller,
      storefront,
      is_active: true,
    });
    void verifyCallback(ctx.core, created);
    return ok(subscriptionView(created), 201);
  });
  router.add('GET', '/v2/subscriptions/{id_subscription}', (ctx, params) =>
    ok(subscriptionView(own(ctx, params))),
  );
  router.add('PATCH', '/v2/subscriptions/{id_subscription}', (ctx, params) => {
    const found = own(ctx, params);
    const changes = validateBody(updateSchema, parseJsonBody(ctx.rawBody));
    if (changes.storefront !== undefined && !ctx.seller.storefronts.includes(changes.storefront))
      throw fieldError('storefront', 'not configured for this seller');
    const urlChanged = changes.callback_url !== undefined && changes.callback_url !== found.callback_url;
    subscriptionBook(ctx.store).update(found, {
      ...changes,
      ...(changes.is_active === true && { failures: 0 }),
    });
    if (urlChanged || changes.is_active === true) void verifyCallback(ctx.core, found);
    return ok(subscriptionView(found));
  });
  router.add('DELETE', '/v2/subscriptions/{id_subscription}', (ctx, params) => {
    const found = own(ctx, params);
    subscriptionBook(ctx.store).remove(found.id_subscription);
    return noContent();
  });
}

/** /_sandbox: what was subscribed, delivered and mailed; delivery knobs; Kaufland disabling one by hand. */
export function subscriptionControlRoutes(router: Router<ControlContext>): void {
  router.add('GET', '/_sandbox/subscriptions', ({ store }) => {
    const book = subscriptionBook(store);
    return ok({
      subscriptions: [...book.subscriptions.values()].map((s) => ({
        ...subscriptionView(s),
        id_seller: s.id_seller,
      })),
      deliveries: book.deliveries,
      mails: book.mails,
      settings: book.settings,
    });
  });
  router.add('POST', '/_sandbox/push-settings', ({ store, rawBody }) => {
    const book = subscriptionBook(store);
    book.settings = { ...book.settings, ...validateBody(pushSettingsSchema, parseJsonBody(rawBody)) };
    return ok(book.settings);
  });
  router.add('POST', '/_sandbox/subscriptions/{id_subscription}/disable', ({ core, store }, params) => {
    const found = subscriptionBook(store).subscriptions.get(idParam(params, 'id_subscription'));
    if (!found) throw notFound('No such subscription');
    disable(core, found);
    return ok(subscriptionView(found));
  });
}
