import { createHmac } from 'node:crypto';
import type { SandboxCore } from './context.ts';
import type { SandboxStore } from './state.ts';
import { subscriptionBook, type SubscriptionRecord } from './subscription-book.ts';
import { ChangeScanner, type Notice } from './subscription-events.ts';

/** A callback that has not answered within this is counted as failed (Kaufland: "within a few seconds"). */
const DELIVERY_TIMEOUT_MS = 5_000;

/** What delivery needs of a running sandbox: its store, and a logger for disabled subscriptions. */
type Deliverer = Pick<SandboxCore, 'store' | 'logger'>;

const watching = new WeakSet<SandboxStore>();

/**
 * Makes the sandbox push notifications the way Kaufland does: when an order unit or a return appears or changes
 * (subscription-events.ts says which event), a POST to every active subscription of that seller, storefront and
 * event. Called when the first subscription is made, and when a snapshot brings subscriptions back.
 *
 * The sandbox's choices where Kaufland's documents are silent (reference/kaufland/NOTES.md, "Push
 * notifications"): the body is `{id_subscription, event_name, storefront, url, ts_created_iso}`; it is signed
 * like an API request (Shop-Signature over `POST\nCALLBACK_URL\nBODY\nTIMESTAMP` with the seller's secret key,
 * Shop-Timestamp); a failed delivery is retried after `retry_delays_ms`; after `disable_after` undeliverable
 * notifications in a row the subscription is disabled and its fallback address "mailed" (kept in the state).
 */
export function watchForNotifications(core: Deliverer): void {
  const { store } = core;
  if (watching.has(store)) return;
  watching.add(store);
  const scanner = new ChangeScanner(store);
  let scheduled = false;
  const scan = () => {
    scheduled = false;
    if (store.sellers.size === 0) {
      // A reset: nothing to compare with any more.
      subscriptionBook(store).clear();
      scanner.reset();
      return;
    }
    for (const notice of scanner.scan(store)) notify(core, notice);
  };
  store.onChange(() => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(scan);
  });
}

function notify(core: Deliverer, notice: Notice): void {
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

function deliveryBase(core: Deliverer, subscription: SubscriptionRecord, url: string) {
  return {
    id_subscription: subscription.id_subscription,
    event_name: subscription.event_name,
    url,
    ts_created_iso: core.store.nowIso(),
  };
}

async function deliver(core: Deliverer, subscription: SubscriptionRecord, notice: Notice): Promise<void> {
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
    if (subscription.failures > 0) book.update(subscription, { failures: 0 });
    return;
  }
  book.update(subscription, { failures: subscription.failures + 1 });
  if (subscription.failures >= book.settings.disable_after) disable(core, subscription);
}

/** What Kaufland does after failing for long enough: the subscription stops and the seller gets a mail. */
export function disable(core: Deliverer, subscription: SubscriptionRecord): void {
  if (!subscription.is_active) return;
  const book = subscriptionBook(core.store);
  book.update(subscription, { is_active: false });
  book.mail({
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
export async function verifyCallback(core: Deliverer, subscription: SubscriptionRecord): Promise<void> {
  const body = JSON.stringify({
    id_subscription: subscription.id_subscription,
    event_name: 'verification',
    storefront: subscription.storefront,
    ts_created_iso: core.store.nowIso(),
  });
  const status = await post(core, subscription, body);
  if (status < 200 || status >= 300) subscriptionBook(core.store).update(subscription, { is_active: false });
}

async function post(core: Deliverer, subscription: SubscriptionRecord, body: string): Promise<number> {
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
