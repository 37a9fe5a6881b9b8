import type { ColumnType, Generated } from 'kysely';

/** Push (issue 13), migration 012_push.sql: callback endpoints and the marketplace subscriptions AdlerDo made. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface PushEndpointsTable {
  token: string;
  kind: 'marketplace' | 'erp';
  account_id: string | null;
  erp_connection_id: string | null;
  consent: Generated<boolean>;
  state: Generated<PushState>;
  /** What the state means for the seller: core/coded-message.ts's {code, values, message} as jsonb — 017. */
  state_note: ColumnType<unknown, string | null | undefined, string | null>;
  remote_ids: ColumnType<string[], string | undefined, string>;
  checked_at: Timestamp | null;
  last_received_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

export interface PushSubscriptionsTable {
  account_id: string;
  channel: string;
  event: string;
  remote_id: string;
  active: boolean;
  repairs: Generated<number>;
  updated_at: Generated<Timestamp>;
}

/** off: no public URL, no e-mail or no consent; active: calls come; unavailable: the other side cannot call. */
export type PushState = 'off' | 'active' | 'unavailable' | 'failed';
