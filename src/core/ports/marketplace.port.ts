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
   * Proves a key pair with one signed call. Throws AppError kind `config` (code `<type>.auth_failed`) when
   * the marketplace rejects the keys, `transient` (code `<type>.unreachable`) when it cannot be reached.
   */
  verifyCredentials(credentials: MarketplaceCredentials): Promise<CredentialCheck>;
  /** Client ID / Client Secret shape check before any call, as field errors (empty list = fine). */
  validateCredentialShape(credentials: Pick<MarketplaceCredentials, 'clientId' | 'clientSecret'>): {
    field: 'clientId' | 'clientSecret';
    message: string;
  }[];
}
