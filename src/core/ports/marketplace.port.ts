import type { MarketplaceDocument, ReturnLine, ReturnOutcome } from '../after-sale.ts';
import type { BulkListingByFile } from './bulk-listing.port.ts';
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
  /** Present when many new offers can go as one file the marketplace downloads (bulk-listing.port.ts). */
  readonly bulkListing?: BulkListingByFile;
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

  /**
   * Documents (invoices, credit notes) the seller attached to an order, oldest first. The marketplace keeps
   * every upload, so the same file name uploaded twice is listed twice: callers look up before uploading.
   */
  listOrderDocuments(orderId: string): Promise<MarketplaceDocument[]>;
  /**
   * Attaches a PDF to an order. A file the marketplace refuses (type, size, name) throws AppError kind
   * `rejected` (Kaufland: code `kaufland.document_refused`) saying why and what to change.
   */
  uploadOrderDocument(
    orderId: string,
    doc: { fileName: string; pdf: Uint8Array },
  ): Promise<MarketplaceDocument>;
  /**
   * Return lines created or changed since an ISO time (all without one), oldest change first, so the caller
   * can keep the last `updatedAt` as its cursor. A line at the cursor's time may come again.
   */
  listReturnLines(query: { updatedSince?: string }): AsyncIterable<ReturnLine>;
  getReturnLine(returnLineId: string): Promise<ReturnLine>;
  /**
   * The seller's answer to a return line; `message` goes to the buyer and is required for `reject` and
   * `clarify`. An answer the line's status does not allow throws AppError kind `rejected`. Answers with the
   * line as it is afterwards.
   */
  setReturnOutcome(returnLineId: string, outcome: ReturnOutcome, message?: string): Promise<ReturnLine>;
  /**
   * Pays part of an order line's price back to the buyer. `reason` is one of `refundReasons`; an amount
   * above the line's price or an unknown reason throws AppError kind `rejected` before or after the call.
   */
  refundLine(orderLineId: string, refund: { amountMinor: number; reason: string }): Promise<void>;
  /** The refund reason codes the marketplace accepts (Kaufland: delivery_damage, defect, …). */
  readonly refundReasons: readonly string[];
  /**
   * Seller-initiated return for lines of one order (e.g. the buyer sent a parcel back without announcing
   * it). `reason` is a marketplace return reason code. Answers with the new return lines.
   */
  createReturn(
    lines: readonly { orderLineId: string; reason: string; note?: string }[],
  ): Promise<ReturnLine[]>;

  /**
   * Product content, for marketplaces with a shared catalogue where an offer needs a product with its EAN first
   * (Kaufland). Absent on marketplaces without one. Whether the catalogue has a product for the EAN.
   */
  productExists?(channel: string, ean: string): Promise<boolean>;
  /** The marketplace's category guesses for a product, the likeliest first. */
  suggestCategories?(channel: string, product: ProductContentDraft): Promise<CategorySuggestion[]>;
  /** Sends (or replaces) the product content for an EAN; the marketplace checks it later (`productContentState`). */
  sendProductContent?(channel: string, content: ProductContent): Promise<void>;
  productContentState?(channel: string, ean: string): Promise<ProductContentState>;
  /**
   * The language the channel shows product content in (BCP 47, e.g. cs-CZ): content is sent and checked per
   * language, so a product sold on several channels is sent once per channel, in each one's language.
   */
  productContentLanguage?(channel: string): string;
}

/** What the ERP says about a product, enough for a category guess. */
export interface ProductContentDraft {
  title: string;
  description: string;
  brand: string;
  /** Gross price in minor units of the channel's currency. */
  priceMinor: number;
}

export interface ProductContent extends ProductContentDraft {
  ean: string;
  /** Public http(s) URLs the marketplace downloads the pictures from. */
  pictureUrls: readonly string[];
  category: CategorySuggestion;
}

export interface CategorySuggestion {
  id: string;
  name: string;
}

/** One thing the marketplace refused, in its words: a missing attribute or a declined value. */
export interface ProductContentRefusal {
  attribute: string | null;
  /** The value it declined (e.g. the picture URL); null for a missing attribute. */
  value: string | null;
  /** The marketplace's reason, e.g. "missing" or "picture could not be downloaded (HTTP 404)". */
  reason: string;
}

export type ProductContentState =
  /** Nothing was sent for this EAN (or the marketplace forgot it). */
  | { state: 'none' }
  | { state: 'processing' }
  | { state: 'live'; productId: string | null }
  | { state: 'refused'; refusals: ProductContentRefusal[] };
