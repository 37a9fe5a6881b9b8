import type { ColumnType, Generated } from 'kysely';

/** First listing by file (issue 13), migration 014_offer_feeds.sql: one row per file sent to a marketplace. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type OfferFeedState = 'prepared' | 'registered' | 'imported' | 'rejected';

export interface OfferFeedsTable {
  id: Generated<string>;
  account_id: string;
  channel: string;
  token: string;
  content_type: string;
  body: string;
  skus: string[];
  state: OfferFeedState;
  import_id: string | null;
  note: string | null;
  error_rows: number | null;
  created_at: Generated<Timestamp>;
  finished_at: Timestamp | null;
}
