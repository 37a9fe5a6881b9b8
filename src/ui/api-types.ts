/** The JSON shapes the server answers with (src/accounts/account-view.ts, src/http/routes). */

export interface Admin {
  id: string;
  username: string;
}

export interface AuthState {
  needsSetup: boolean;
  admin: Admin | null;
}

export interface AccountType {
  type: string;
  name: string;
  defaultBaseUrl: string;
}

export type AccountStatus = 'connected' | 'credentials_invalid' | 'paused' | 'error';

export type PriceRounding = 'none' | 'up_99' | 'up_95' | 'up_90' | 'whole';

export interface PriceRule {
  factor: number;
  surchargeMinor: number;
  rounding: PriceRounding;
  minimumMinor: number | null;
}

export interface AccountSettings {
  productStockSync: boolean;
  orderImport: boolean;
  shipmentConfirmation: boolean;
  /** null = every storefront the account has. */
  storefronts: string[] | null;
  handlingTimeDays: number;
  shippingGroupId: number | null;
  carrierMapping: Record<string, string>;
  defaultCarrier: string;
  cancelReason: string;
  safetyBuffer: number;
  priceRule: PriceRule;
}

export type AccountSettingsPatch = Partial<Omit<AccountSettings, 'priceRule'>> & {
  priceRule?: Partial<PriceRule>;
};

export interface Account {
  id: string;
  name: string;
  type: string;
  /** Already masked by the server, e.g. "••••3f2a". */
  clientId: string;
  baseUrl: string;
  status: AccountStatus;
  statusMessage: string | null;
  storefronts: string[];
  settings: AccountSettings;
  lastVerifiedAt: string | null;
  credentialsUpdatedAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewAccountInput {
  type: string;
  name: string;
  clientId: string;
  clientSecret: string;
  baseUrl?: string;
}

export interface NewCredentialsInput {
  clientId?: string;
  clientSecret: string;
}
