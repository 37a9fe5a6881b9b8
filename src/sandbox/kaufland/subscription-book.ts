import { z } from 'zod';
import type { components } from '../../connectors/kaufland/generated/openapi.d.ts';
import type { SandboxStore } from './state.ts';
import { STOREFRONTS, type Storefront } from './storefronts.ts';

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

/** What the snapshot file keeps of the book (snapshot.ts), so a restarted sandbox still notifies. */
export interface BookSnapshot {
  next_id: number;
  subscriptions: SubscriptionRecord[];
  mails: MailRecord[];
  deliveries: DeliveryRecord[];
  settings: PushSettings;
}

/**
 * The sandbox's push notification state, one book per store, beside the store's own records. Every change
 * tells the listeners (the snapshot file); the subscription routes change records through `update`/`remove`.
 */
export class SubscriptionBook {
  readonly subscriptions = new Map<number, SubscriptionRecord>();
  readonly mails: MailRecord[] = [];
  readonly deliveries: DeliveryRecord[] = [];
  settings: PushSettings = defaultSettings();
  private nextId = FIRST_ID;
  private readonly listeners: (() => void)[] = [];

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  add(record: Omit<SubscriptionRecord, 'id_subscription' | 'failures'>): SubscriptionRecord {
    const created = { ...record, id_subscription: this.nextId++, failures: 0 };
    this.subscriptions.set(created.id_subscription, created);
    this.changed();
    return created;
  }

  update(record: SubscriptionRecord, changes: Partial<Omit<SubscriptionRecord, 'id_subscription'>>): void {
    Object.assign(record, changes);
    this.changed();
  }

  remove(id: number): void {
    if (this.subscriptions.delete(id)) this.changed();
  }

  ofSeller(idSeller: number): SubscriptionRecord[] {
    return [...this.subscriptions.values()].filter((s) => s.id_seller === idSeller);
  }

  record(delivery: DeliveryRecord): void {
    this.deliveries.push(delivery);
    if (this.deliveries.length > MAX_KEPT) this.deliveries.splice(0, this.deliveries.length - MAX_KEPT);
    this.changed();
  }

  mail(mail: MailRecord): void {
    this.mails.push(mail);
    if (this.mails.length > MAX_KEPT) this.mails.splice(0, this.mails.length - MAX_KEPT);
    this.changed();
  }

  clear(): void {
    this.subscriptions.clear();
    this.mails.length = 0;
    this.deliveries.length = 0;
    this.changed();
  }

  toSnapshot(): BookSnapshot {
    return {
      next_id: this.nextId,
      subscriptions: [...this.subscriptions.values()].map((s) => ({ ...s })),
      mails: [...this.mails],
      deliveries: [...this.deliveries],
      settings: { ...this.settings, retry_delays_ms: [...this.settings.retry_delays_ms] },
    };
  }

  /** Replaces the book with a snapshot's (checked: a hand-edited file must not break deliveries later). */
  load(raw: unknown): void {
    const data = bookSnapshotSchema.parse(raw);
    this.subscriptions.clear();
    for (const subscription of data.subscriptions)
      this.subscriptions.set(subscription.id_subscription, subscription);
    this.mails.splice(0, this.mails.length, ...data.mails);
    this.deliveries.splice(0, this.deliveries.length, ...data.deliveries);
    this.settings = data.settings;
    this.nextId = Math.max(data.next_id, ...data.subscriptions.map((s) => s.id_subscription + 1));
  }
}

const FIRST_ID = 11011;

function defaultSettings(): PushSettings {
  return { lose_rate: 0, retry_delays_ms: [200, 1000, 3000], disable_after: 3 };
}

const bookSnapshotSchema = z.object({
  next_id: z.int().min(1),
  subscriptions: z.array(
    z.object({
      id_subscription: z.int().min(1),
      id_seller: z.int(),
      callback_url: z.string().max(255),
      fallback_email: z.string(),
      event_name: z.enum(SUBSCRIPTION_EVENTS),
      is_active: z.boolean(),
      storefront: z.enum(STOREFRONTS),
      failures: z.int().min(0),
    }),
  ),
  mails: z.array(
    z.object({ to: z.string(), subject: z.string(), id_subscription: z.int(), ts_created_iso: z.string() }),
  ),
  deliveries: z.array(
    z.object({
      id_subscription: z.int(),
      event_name: z.string(),
      url: z.string(),
      status: z.int(),
      attempts: z.int(),
      ts_created_iso: z.string(),
    }),
  ),
  settings: z.object({
    lose_rate: z.number().min(0).max(1),
    retry_delays_ms: z.array(z.int().min(0)),
    disable_after: z.int().min(1),
  }),
});

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
