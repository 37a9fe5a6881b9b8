import type { CodedMessage } from '../coded-message.ts';
import type { ErpCredentials } from './erp.port.ts';
import type { CallRecord, MarketplaceCredentials } from './marketplace.port.ts';

/**
 * Push instead of polling (issue 13): what the hub needs from a marketplace or an ERP that can call it back.
 * Vendor words stay in the connectors; the hub speaks of the kinds of change below, one per sync step they wake.
 */
export type PushChange = 'orders' | 'cancellations' | 'stock' | 'shipments' | 'returns';

/** One subscription at the marketplace: a kind of event on one channel, sent to a callback URL. */
export interface PushSubscription {
  id: string;
  /** The sales channel it covers; '' when the marketplace subscribes for all channels at once. */
  channel: string;
  event: string;
  callbackUrl: string;
  active: boolean;
}

export interface MarketplacePushSession {
  list(): Promise<PushSubscription[]>;
  subscribe(input: {
    channel: string;
    event: string;
    callbackUrl: string;
    fallbackEmail: string;
  }): Promise<PushSubscription>;
  /** Switches a subscription back on (or updates its address and e-mail). */
  repair(id: string, input: { callbackUrl: string; fallbackEmail: string }): Promise<PushSubscription>;
  unsubscribe(id: string): Promise<void>;
}

/** What an incoming notification says, read without trusting it. */
export interface PushNotice {
  /** The kinds of change it announces; empty for a verification request or an event the hub does not use. */
  changes: PushChange[];
  /** The marketplace's event name, for logs. */
  event?: string;
}

export interface MarketplacePushConnector {
  /** The events the hub subscribes to on each channel, and what each one wakes. */
  readonly events: Readonly<Record<string, readonly PushChange[]>>;
  /** The longest callback URL the marketplace accepts. */
  readonly maxCallbackUrlLength: number;
  open(
    credentials: MarketplaceCredentials,
    options?: { onCall?: (call: CallRecord) => void },
  ): MarketplacePushSession;
  /**
   * Checks a notification's signature, if the marketplace signed it: `unsigned` when it carries none, `invalid`
   * when it carries one that does not match the keys (or is too old to be anything but a replay).
   */
  authenticity(
    request: { method: string; url: string; rawBody: string; headers: Readonly<Record<string, unknown>> },
    credentials: MarketplaceCredentials,
    nowMs: number,
  ): 'valid' | 'invalid' | 'unsigned';
  /** Reads a parsed JSON body; undefined when it is not a notification at all (malformed). */
  readNotice(body: unknown): PushNotice | undefined;
}

/** Automation rules in the ERP that call the hub when stock, deliveries or sale orders change. */
export interface ErpPushConnector {
  /**
   * Whether the ERP can call back at all (e.g. Odoo's automation module installed); `reason` when not, as a
   * code the web app says in the seller's language and the English sentence.
   */
  availability(
    credentials: ErpCredentials,
  ): Promise<{ available: true } | { available: false; reason: CodedMessage }>;
  /** Installs one rule per kind of change, all calling `callbackUrl`; returns their ids in the ERP. */
  install(credentials: ErpCredentials, callbackUrl: string, label: string): Promise<string[]>;
  /** Whether these rules are all still there and active. */
  installed(credentials: ErpCredentials, ids: readonly string[]): Promise<boolean>;
  /** Removes the rules (and their actions); ids already gone are fine. */
  remove(credentials: ErpCredentials, ids: readonly string[]): Promise<void>;
  readNotice(body: unknown): PushNotice | undefined;
}
