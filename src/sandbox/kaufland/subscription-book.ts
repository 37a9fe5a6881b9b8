import type { components } from '../../connectors/kaufland/generated/openapi.d.ts';
import type { SandboxStore } from './state.ts';
import type { Storefront } from './storefronts.ts';

export type SubscriptionEvent = components['schemas']['SubscriptionEventName'];
export type SubscriptionView = components['schemas']['Subscription'];

export const SUBSCRIPTION_EVENTS = [
  'order_new',
  'order_unit_new',
  'order_unit_status_changed',
  'item_changed',
  'category_changed',
  'return_new',
  'return_status_changed',
  'return_unit_status_changed',
  'item_unit_new',
  'item_unit_changed',
  'item_unit_deleted',
  'item_unit_out_of_stock',
  'item_unit_not_available',
  'item_unit_available',
] as const satisfies readonly SubscriptionEvent[];

export interface SubscriptionRecord {
  id_subscription: number;
  id_seller: number;
  callback_url: string;
  fallback_email: string;
  event_name: SubscriptionEvent;
  is_active: boolean;
  storefront: Storefront;
  /** Notifications in a row that could not be delivered after every retry. */
  failures: number;
}

/** A "mail" the sandbox would have sent to a fallback address: kept in its state for tests and the seller. */
export interface MailRecord {
  to: string;
  subject: string;
  id_subscription: number;
  ts_created_iso: string;
}

export interface DeliveryRecord {
  id_subscription: number;
  event_name: string;
  url: string;
  /** HTTP status of the last attempt; 0 = no answer; -1 = lost on purpose (fault). */
  status: number;
  attempts: number;
  ts_created_iso: string;
}

/** How deliveries behave; tests shorten the retries, the bench loses a share of pushes on purpose. */
export interface PushSettings {
  /** Share (0–1) of notifications silently never sent, like a network that drops them. */
  lose_rate: number;
  /** Delays before each retry of a failed delivery; real Kaufland retries for hours, the sandbox for seconds. */
  retry_delays_ms: number[];
  /** Undeliverable notifications in a row after which the subscription is disabled and its fallback mailed. */
  disable_after: number;
}

const MAX_KEPT = 500;

/**
 * The sandbox's push notification state, one book per store. Kept beside the store (not in its snapshot):
 * subscriptions live as long as the sandbox process, which is what tests and the demo need.
 */
export class SubscriptionBook {
  readonly subscriptions = new Map<number, SubscriptionRecord>();
  readonly mails: MailRecord[] = [];
  readonly deliveries: DeliveryRecord[] = [];
  settings: PushSettings = { lose_rate: 0, retry_delays_ms: [200, 1000, 3000], disable_after: 3 };
  private nextId = 11011;

  add(record: Omit<SubscriptionRecord, 'id_subscription' | 'failures'>): SubscriptionRecord {
    const created = { ...record, id_subscription: this.nextId++, failures: 0 };
    this.subscriptions.set(created.id_subscription, created);
    return created;
  }

  ofSeller(idSeller: number): SubscriptionRecord[] {
    return [...this.subscriptions.values()].filter((s) => s.id_seller === idSeller);
  }

  record(delivery: DeliveryRecord): void {
    this.deliveries.push(delivery);
    if (this.deliveries.length > MAX_KEPT) this.deliveries.splice(0, this.deliveries.length - MAX_KEPT);
  }

  mail(mail: MailRecord): void {
    this.mails.push(mail);
    if (this.mails.length > MAX_KEPT) this.mails.splice(0, this.mails.length - MAX_KEPT);
  }

  clear(): void {
    this.subscriptions.clear();
    this.mails.length = 0;
    this.deliveries.length = 0;
  }
}

const books = new WeakMap<SandboxStore, SubscriptionBook>();

export function subscriptionBook(store: SandboxStore): SubscriptionBook {
  let book = books.get(store);
  if (!book) {
    book = new SubscriptionBook();
    books.set(store, book);
  }
  return book;
}

export function subscriptionView(record: SubscriptionRecord): SubscriptionView {
  return {
    id_subscription: record.id_subscription,
    callback_url: record.callback_url,
    fallback_email: record.fallback_email,
    event_name: record.event_name,
    is_active: record.is_active,
    storefront: record.storefront,
  };
}
