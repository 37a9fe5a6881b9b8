import type { DesiredOffer, OfferChange, OfferChangeResult, OfferState } from '../offer.ts';
import type { OrderLine, OrderLineStatus } from '../order.ts';

/**
 * The seam between the hub and a marketplace. The sync, the store and the HTTP layer only see this;
 * vendor vocabulary (units, order-units, storefronts' API names) stays inside the connector folder.
 */
export interface MarketplaceCredentials {
  /** The API root, e.g. https://sellerapi.kaufland.com/v2 or a sandbox's URL. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface CredentialCheck {
  /** Sales channels (Kaufland: storefronts such as "de", "cz") the seller has. */
  storefronts: string[];
}

export interface MarketplaceConnector {
  readonly type: string;
  readonly displayName: string;
  readonly defaultBaseUrl: string;
  /**
   * The ISO 4217 currency of a channel's prices (Kaufland: EUR on de, at, sk, fr, it; CZK on cz; PLN on pl);
   * undefined for a channel the marketplace does not have. Offer and order money is minor units of it.
   */
  channelCurrency(channel: string): string | undefined;
  /**
   * Proves a key pair with one signed call. Throws AppError kind `config` (code `<type>.auth_failed`) when
   * the marketplace rejects the keys, `transient` (code `<type>.unreachable`) when it cannot be reached.
   */
  verifyCredentials(credentials: MarketplaceCredentials): Promise<CredentialCheck>;
  /** Client ID / Client Secret shape check before any call, as field errors (empty list = fine). */
  validateCredentialShape(credentials: Pick<MarketplaceCredentials, 'clientId' | 'clientSecret'>): {
    field: 'clientId' | 'clientSecret';
    message: string;
  }[];
  /** A session for the sync with one account's keys; calls are paced and retried by the connector. */
  openSession(credentials: MarketplaceCredentials, options?: MarketplaceSessionOptions): MarketplaceSession;
}

/** One API call the connector made, for run records and metrics (endpoint as a template, no ids). */
export interface CallRecord {
  system: string;
  method: string;
  endpoint: string;
  status: number | 'network_error' | 'timeout';
  ms: number;
}

export interface MarketplaceSessionOptions {
  onCall?: (call: CallRecord) => void;
}

/**
 * What the sync needs from a marketplace, for one account. Every method throws AppError with the kinds of
 * src/core/errors.ts: `config` for rejected keys (the account pauses), `rejected` for one refused record,
 * `transient` after the connector's own retries.
 */
export interface MarketplaceSession {
  /** The largest batch `updateOffers` sends in one call (Kaufland: 150). */
  readonly offerBatchSize: number;
  /** Every offer on the channel, paged by the connector. */
  listOffers(channel: string): AsyncIterable<OfferState>;
  findOffer(channel: string, sku: string): Promise<OfferState | undefined>;
  /** Creates an offer; undefined when it was accepted but is not listed yet (then found on a later run). */
  createOffer(channel: string, offer: DesiredOffer): Promise<OfferState | undefined>;
  /** Applies changes in batches of `offerBatchSize`, one result per change. */
  updateOffers(channel: string, changes: readonly OfferChange[]): Promise<OfferChangeResult[]>;
  /** Order lines on a channel in the given states created (or updated) since an ISO time, oldest first. */
  listOrderLines(query: {
    channel: string;
    statuses: readonly OrderLineStatus[];
    createdSince?: string;
    updatedSince?: string;
  }): AsyncIterable<OrderLine>;
  getOrderLine(lineId: string): Promise<OrderLine>;
  /** Confirms one shipped line with its carrier (the marketplace's carrier code) and tracking numbers. */
  confirmShipment(
    lineId: string,
    shipment: { carrierCode: string; trackingNumbers: readonly string[] },
  ): Promise<void>;
  cancelLine(lineId: string, reason: string): Promise<void>;
  /** Carrier codes the marketplace accepts. */
  listCarriers(): Promise<string[]>;
}
