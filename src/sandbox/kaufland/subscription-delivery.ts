import { createHmac } from 'node:crypto';
import type { SandboxCore } from './context.ts';
import type { OrderUnitStatus } from './records.ts';
import type { SandboxStore } from './state.ts';
import { subscriptionBook, type SubscriptionEvent, type SubscriptionRecord } from './subscription-book.ts';

/** A callback that has not answered within this is counted as failed (Kaufland: "within a few seconds"). */
const DELIVERY_TIMEOUT_MS = 5_000;

interface Notice {
  id_seller: number;
  event_name: SubscriptionEvent;
  storefront: string;
  /** The endpoint whose data changed; the receiver reads it there. */
  url: string;
}

const watching = new WeakSet<SandboxStore>();

/**
 * Makes the sandbox push notifications the way Kaufland does: when an order unit appears or changes status, a
 * POST to every active subscription of that seller, storefront and event. Changes are found by comparing the
 * order units with what was last seen after each change of the store, so every path that creates or moves an
 * order unit (control API, seller actions, the demo) notifies without knowing about subscriptions.
 *
 * The sandbox's choices where Kaufland's documents are silent (reference/kaufland/NOTES.md, "Push
 * notifications"): the body is `{id_subscription, event_name, storefront, url, ts_created_iso}`; it is signed
 * like an API request (Shop-Signature over `POST\nCALLBACK_URL\nBODY\nTIMESTAMP` with the seller's secret key,
 * Shop-Timestamp); a failed delivery is retried after `retry_delays_ms`; after `disable_after` undeliverable
 * notifications in a row the subscription is disabled and its fallback address "mailed" (kept in the state).
 */
export function watchForNotifications(core: SandboxCore): void {
  const { store } = core;
  if (watching.has(store)) return;
  watching.add(store);
  const seen = new Map<number, OrderUnitStatus>();
  const seenOrders = new Set<string>();
  for (const unit of store.orderUnits.values()) {
    seen.set(unit.id_order_unit, unit.status);
    seenOrders.add(unit.id_order);
  }
  let scheduled = false;
  const scan = () => {
    scheduled = false;
    const book = subscriptionBook(store);
    if (store.sellers.size === 0) {
      // A reset: nothing to compare with any more.
      book.clear();
      seen.clear();
      seenOrders.clear();
      return;
    }
    const notices: Notice[] = [];
    for (const unit of store.orderUnits.values()) {
      const before = seen.get(unit.id_order_unit);
      if (before === unit.status) continue;
      seen.set(unit.id_order_unit, unit.status);
      const base = { id_seller: unit.id_seller, storefront: unit.storefront };
      if (before === undefined) {
        if (!seenOrders.has(unit.id_order)) {
          seenOrders.add(unit.id_order);
          notices.push({ ...base, event_name: 'order_new', url: `/v2/orders/${unit.id_order}` });
        }
        notices.push({ ...base, event_name: 'order_unit_new', url: `/v2/order-units/${unit.id_order_unit}` });
      } else {
        notices.push({
          ...base,
          event_name: 'order_unit_status_changed',
          url: `/v2/order-units/${unit.id_order_unit}`,
        });
      }
    }
    for (const notice of notices) notify(core, notice);
  };
  store.onChange(() => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(scan);
  });
}

function notify(core: SandboxCore, notice: Notice): void {
  const book = subscriptionBook(core.store);
  for (const subscription of book.ofSeller(notice.id_seller)) {
    if (!subscription.is_active || subscription.event_name !== notice.event_name) continue;
    if (subscription.storefront !== notice.storefront) continue;
    if (book.settings.lose_rate > 0 && Math.random() < book.settings.lose_rate) {
      book.record({ ...deliveryBase(core, subscription, notice.url), status: -1, attempts: 0 });
      continue;
    }
    void deliver(core, subscription, notice);
  }
}

function deliveryBase(core: SandboxCore, subscription: SubscriptionRecord, url: string) {
  return {
    id_subscription: subscription.id_subscription,
    event_name: subscription.event_name,
    url,
    ts_created_iso: core.store.nowIso(),
  };
}

async function deliver(core: SandboxCore, subscription: SubscriptionRecord, notice: Notice): Promise<void> {
  const book = subscriptionBook(core.store);
  const body = JSON.stringify({
    id_subscription: subscription.id_subscription,
    event_name: notice.event_name,
    storefront: notice.storefront,
    url: notice.url,
    ts_created_iso: core.store.nowIso(),
  });
  const delays = [0, ...book.settings.retry_delays_ms];
  let status = 0;
  let attempts = 0;
  for (const delay of delays) {
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay).unref());
    if (!subscription.is_active || !book.subscriptions.has(subscription.id_subscription)) return;
    attempts++;
    status = await post(core, subscription, body);
    if (status >= 200 && status < 300) break;
  }
  book.record({ ...deliveryBase(core, subscription, notice.url), status, attempts });
  if (status >= 200 && status < 300) {
    subscription.failures = 0;
    return;
  }
  subscription.failures++;
  if (subscription.failures >= book.settings.disable_after) disable(core, subscription);
}

/** What Kaufland does after failing for long enough: the subscription stops and the seller gets a mail. */
export function disable(core: SandboxCore, subscription: SubscriptionRecord): void {
  if (!subscription.is_active) return;
  subscription.is_active = false;
  subscriptionBook(core.store).mail({
    to: subscription.fallback_email,
    subject: `Kaufland could not reach ${subscription.callback_url}; subscription ${subscription.id_subscription} (${subscription.event_name}) is disabled`,
    id_subscription: subscription.id_subscription,
    ts_created_iso: core.store.nowIso(),
  });
  core.logger.info(
    { id_subscription: subscription.id_subscription },
    'kaufland sandbox: subscription disabled',
  );
}

/**
 * The verification request a new callback URL gets (the spec mentions one without its form): a signed POST
 * with event_name `verification`. No 2xx leaves the subscription inactive until it is switched on again.
 */
export async function verifyCallback(core: SandboxCore, subscription: SubscriptionRecord): Promise<void> {
  const body = JSON.stringify({
    id_subscription: subscription.id_subscription,
    event_name: 'verification',
    storefront: subscription.storefront,
    ts_created_iso: core.store.nowIso(),
  });
  const status = await post(core, subscription, body);
  if (status < 200 || status >= 300) subscription.is_active = false;
}

async function post(core: SandboxCore, subscription: SubscriptionRecord, body: string): Promise<number> {
  const seller = core.store.sellers.get(subscription.id_seller);
  if (!seller) return 0;
  const timestamp = Math.floor(core.store.clock() / 1000);
  const signature = createHmac('sha256', Buffer.from(seller.secret_key, 'utf8'))
    .update(`POST\n${subscription.callback_url}\n${body}\n${timestamp}`, 'utf8')
    .digest('hex');
  try {
    const response = await fetch(subscription.callback_url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Kaufland-Sandbox-Push/1.0',
        'shop-signature': signature,
        'shop-timestamp': String(timestamp),
      },
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    return response.status;
  } catch {
    return 0;
  }
}
