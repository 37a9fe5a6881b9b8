import type { ColumnType } from 'kysely';

/** Product content for unknown EANs (issue 13), migration 013_product_content.sql. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type ProductContentStateName =
  'known' | 'needs_category' | 'needs_picture' | 'queued' | 'sent' | 'live' | 'refused';

export interface StoredSuggestion {
  id: string;
  name: string;
}

export interface StoredRefusal {
  attribute: string | null;
  value: string | null;
  reason: string;
  /** The content language it was refused in (e.g. cs-CZ); absent on refusals stored before languages. */
  language?: string;
}

export interface ProductContentTable {
  account_id: string;
  ean: string;
  sku: string;
  channel: string;
  state: ProductContentStateName;
  erp_category_id: string | null;
  erp_category_name: string | null;
  suggestions: Json<StoredSuggestion[]>;
  category_id: string | null;
  category_name: string | null;
  picture_url: string | null;
  refusals: Json<StoredRefusal[]>;
  sent_at: Timestamp | null;
  checked_at: Timestamp | null;
  live_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Migration 016_product_content_languages.sql: the content of one product in one channel's language. */
export interface ProductContentChannelsTable {
  account_id: string;
  ean: string;
  channel: string;
  language: string;
  state: 'sent' | 'live' | 'refused';
  text_language: string | null;
  refusals: Json<StoredRefusal[]>;
  sent_at: Timestamp;
  checked_at: Timestamp | null;
}

export interface ProductCategoryMapTable {
  account_id: string;
  erp_category_id: string;
  category_id: string;
  category_name: string;
  updated_at: Timestamp;
}

export interface ProductPicturesTable {
  token: string;
  account_id: string;
  ean: string;
  content_type: string;
  bytes: Buffer;
  created_at: Timestamp;
}
