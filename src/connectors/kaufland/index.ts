import type {
  CredentialCheck,
  MarketplaceConnector,
  MarketplaceCredentials,
} from '../../core/ports/marketplace.port.ts';
import { validateKauflandCredentialShape } from './credentials.ts';
import { createKauflandClient, type KauflandClientOptions } from './kaufland.client.ts';
import { openKauflandSession } from './kaufland.session.ts';
import { storefrontCurrency } from './storefront-currency.ts';

/**
 * A credentials check must answer the seller within seconds: 2 retries (backoff caps 0.5 s and 1 s) and 5 s per
 * attempt instead of the sync's 5 retries and 30 s. A 401 answers at once, a refused connection within 1.5 s,
 * a server that never answers after at most 3 × 5 s + 1.5 s = 16.5 s.
 */
const VERIFY_RETRIES = 2;
const VERIFY_TIMEOUT_MS = 5_000;

/** One signed GET /info/storefront: proves the key pair and lists the seller's storefronts. */
async function verifyCredentials(
  credentials: MarketplaceCredentials,
  options: Partial<KauflandClientOptions> = {},
): Promise<CredentialCheck> {
  const client = createKauflandClient({
    timeoutMs: VERIFY_TIMEOUT_MS,
    ...options,
    retry: { retries: VERIFY_RETRIES, ...options.retry },
    baseUrl: credentials.baseUrl,
    clientKey: credentials.clientId,
    secretKey: credentials.clientSecret,
  });
  return { storefronts: await client.info.getStorefronts() };
}

export const kauflandConnector: MarketplaceConnector = {
  type: 'kaufland',
  displayName: 'Kaufland',
  defaultBaseUrl: 'https://sellerapi.kaufland.com/v2',
  channelCurrency: storefrontCurrency,
  verifyCredentials: (credentials) => verifyCredentials(credentials),
  validateCredentialShape: validateKauflandCredentialShape,
  openSession: (credentials, options) => openKauflandSession(credentials, options),
};

export { openKauflandSession } from './kaufland.session.ts';

export { verifyCredentials as verifyKauflandCredentials };
export { validateKauflandCredentialShape } from './credentials.ts';
export { createKauflandClient } from './kaufland.client.ts';
export type { KauflandClient, KauflandClientOptions } from './kaufland.client.ts';
export type { CallMetric, HttpMethod } from './kaufland.transport.ts';
export type { RetryOptions } from './kaufland.retry.ts';
export { DEFAULT_RETRY } from './kaufland.retry.ts';
export { PACE } from './kaufland.pacer.ts';
export { AUTH_FAILED_MESSAGE } from './kaufland.errors.ts';
export { signRequest } from './signature.ts';
export type { Page, Pagination } from './schemas/common.ts';
export type { Carrier } from './resources/carriers.ts';
export type {
  CreatedUnit,
  NewUnit,
  Storefront,
  Unit,
  UnitChanges,
  UnitListQuery,
} from './resources/units.ts';
export type { BulkUnitResult, BulkUnitUpdate } from './resources/units-bulk.ts';
export type { Order, OrderDetails, OrderEmbeddable, OrderListQuery } from './resources/orders.ts';
export type {
  CancelReason,
  OrderUnit,
  OrderUnitEmbeddable,
  OrderUnitListQuery,
  OrderUnitStatus,
  Shipment,
} from './resources/order-units.ts';
