import type { ColumnType, Generated } from 'kysely';
import type { HubOrderDocumentsTable, HubRefundsTable, HubReturnLinesTable } from './after-sale.schema.ts';
import type { OfferFeedsTable } from './feed.schema.ts';
import type {
  ProductCategoryMapTable,
  ProductContentChannelsTable,
  ProductContentTable,
  ProductPicturesTable,
} from './product-content.schema.ts';
import type { PushEndpointsTable, PushSubscriptionsTable } from './push.schema.ts';

/** Typed view of the tables created by migrations/*.sql, for Kysely. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AdminsTable {
  id: Generated<string>;
  username: string;
  password_hash: string;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: string;
  admin_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export type AccountStatus = 'connected' | 'credentials_invalid' | 'paused' | 'error';

export interface MarketplaceAccountsTable {
  id: Generated<string>;
  name: string;
  type: string;
  base_url: string;
  client_id_encrypted: string;
  client_id_last4: string;
  client_secret_encrypted: string;
  status: ColumnType<AccountStatus, AccountStatus | undefined, AccountStatus>;
  status_message: string | null;
  storefronts: ColumnType<string[], string[] | undefined, string[]>;
  settings: ColumnType<unknown, string | undefined, string>;
  last_verified_at: Date | null;
  credentials_updated_at: Generated<Date>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SyncCursorsTable {
  account_id: string;
  step: string;
  cursor: ColumnType<unknown, string, string>;
  updated_at: Generated<Date>;
}

export interface SyncRunsTable {
  /** bigserial: pg returns int8 as a string. */
  id: Generated<string>;
  account_id: string;
  step: string;
  trigger: string;
  status: ColumnType<string, string | undefined, string>;
  started_at: Generated<Date>;
  finished_at: Date | null;
  counts: ColumnType<unknown, string | undefined, string>;
  api_calls: ColumnType<unknown, string | undefined, string>;
  error_code: string | null;
  error_message: string | null;
}

export interface SyncIssuesTable {
  id: Generated<string>;
  account_id: string | null;
  step: string;
  code: string;
  subject: string;
  message: string;
  hint: string | null;
  details: ColumnType<unknown, string | undefined, string>;
  occurrences: Generated<number>;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  resolved_at: Date | null;
}

export type ErpStatus = 'connected' | 'credentials_invalid' | 'error';

export interface ErpConnectionsTable {
  id: Generated<string>;
  type: string;
  url: string;
  database_name: string;
  login: string;
  secret_encrypted: string;
  secret_last4: string;
  transport: ColumnType<string, string | undefined, string>;
  server_version: string | null;
  detected_transport: string | null;
  status: ColumnType<ErpStatus, ErpStatus | undefined, ErpStatus>;
  status_message: string | null;
  warehouses: ColumnType<unknown, string | undefined, string>;
  carriers: ColumnType<unknown, string | undefined, string>;
  settings: ColumnType<unknown, string | undefined, string>;
  last_verified_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CatalogProductsTable {
  sku: string;
  erp_id: string;
  ean: string | null;
  name: string;
  price_minor: number;
  /** numeric: pg returns it as a string. */
  free_qty: ColumnType<string, number | string, number | string>;
  on_hand: ColumnType<string, number | string, number | string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  /** Pieces reserved in the hub by marketplace orders the ERP has not reserved yet (migration 006). */
  reserved_qty: ColumnType<number, number | undefined, number>;
  changed_at: ColumnType<Date, Date | undefined, Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface OffersTable {
  account_id: string;
  channel: string;
  sku: string;
  offer_id: string | null;
  amount: number | null;
  price_minor: number | null;
  handling_time_days: number | null;
  status: string | null;
  confirmed_at: Date | null;
  pending_since: Date | null;
  last_error: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/**
 * open (the marketplace has not released it to ship: stored for its reservation only) → received →
 * (held ⇄ received) → in_erp → shipped | cancelled. Lines of open, received and held orders are reserved.
 */
export type HubOrderState = 'open' | 'received' | 'held' | 'in_erp' | 'shipped' | 'cancelled';

export interface HubOrdersTable {
  id: Generated<string>;
  account_id: string;
  marketplace_order_id: string;
  channel: string;
  currency: string;
  buyer: ColumnType<unknown, string | null, string | null>;
  billing_address: ColumnType<unknown, string | null, string | null>;
  shipping_address: ColumnType<unknown, string | null, string | null>;
  /** bigint: pg returns it as a string. */
  total_minor: ColumnType<string, number, number>;
  state: ColumnType<HubOrderState, HubOrderState | undefined, HubOrderState>;
  hold_reason: string | null;
  erp_order_id: string | null;
  erp_order_name: string | null;
  marketplace_created_at: ColumnType<Date, Date | string, Date | string>;
  received_at: Generated<Date>;
  erp_created_at: Date | null;
  /** The ERP sale order's currency, total and contained VAT (minor units; bigint as string) — 007. */
  erp_currency: ColumnType<string | null, string | null | undefined, string | null>;
  erp_total_minor: ColumnType<string | null, number | null | undefined, number | null>;
  erp_tax_minor: ColumnType<string | null, number | null | undefined, number | null>;
  /** What had to change so the ERP's total is the buyer's, for the timeline (CodedMessage[] as jsonb) — 017. */
  erp_corrections: ColumnType<unknown, string | null | undefined, string | null>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  /** When the hub asked the ERP to invoice the shipped order (invoiceOnShipment) — 010. */
  erp_invoice_requested_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface HubOrderLinesTable {
  id: Generated<string>;
  order_id: string;
  account_id: string;
  marketplace_line_id: string;
  sku: string | null;
  title: string | null;
  price_minor: number;
  shipping_minor: number;
  vat_percent: ColumnType<string | null, number | null, number | null>;
  marketplace_status: string;
  erp_shipment_id: string | null;
  carrier: string | null;
  /** The ERP's carrier name; `carrier` stays null until it is mapped (migration 009). */
  erp_carrier: Generated<string | null>;
  tracking_numbers: string[] | null;
  shipped_at: Date | null;
  confirmed_at: Date | null;
  confirm_error: string | null;
  cancelled_at: Date | null;
  created_at: Generated<Date>;
  /** The marketplace is the seller of record and invoices the buyer itself (migration 010). */
  deemed_supplier: ColumnType<boolean, boolean | undefined, boolean>;
}

/** The alert secrets (migration 011): the SMTP password and the webhook URL, encrypted (src/alerts). */
export interface AlertSecretsTable {
  id: Generated<string>;
  name: 'smtp_password' | 'webhook_url';
  value_encrypted: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface DB {
  admins: AdminsTable;
  sessions: SessionsTable;
  marketplace_accounts: MarketplaceAccountsTable;
  sync_cursors: SyncCursorsTable;
  sync_runs: SyncRunsTable;
  sync_issues: SyncIssuesTable;
  erp_connections: ErpConnectionsTable;
  catalog_products: CatalogProductsTable;
  offers: OffersTable;
  hub_orders: HubOrdersTable;
  hub_order_lines: HubOrderLinesTable;
  hub_order_documents: HubOrderDocumentsTable;
  hub_return_lines: HubReturnLinesTable;
  hub_refunds: HubRefundsTable;
  alert_secrets: AlertSecretsTable;
  push_endpoints: PushEndpointsTable;
  push_subscriptions: PushSubscriptionsTable;
  offer_feeds: OfferFeedsTable;
  product_content: ProductContentTable;
  product_content_channels: ProductContentChannelsTable;
  product_category_map: ProductCategoryMapTable;
  product_pictures: ProductPicturesTable;
}
