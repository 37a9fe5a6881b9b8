import type { ColumnType, Generated } from 'kysely';

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

export interface DB {
  admins: AdminsTable;
  sessions: SessionsTable;
  marketplace_accounts: MarketplaceAccountsTable;
}
