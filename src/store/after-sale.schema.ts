import type { ColumnType, Generated } from 'kysely';

/** Typed view of the after-sale tables (migrations/010_after_sale.sql), for Kysely; joined into DB in schema.ts. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type HubDocumentKind = 'invoice' | 'credit_note';

export interface HubOrderDocumentsTable {
  /** bigserial: pg returns int8 as a string. */
  id: Generated<string>;
  account_id: string;
  order_id: string;
  erp_document_id: string;
  kind: HubDocumentKind;
  number: string;
  total_minor: ColumnType<string, number, number>;
  currency: string;
  /** date: pg returns it as a Date at local midnight. */
  document_date: ColumnType<Date | null, string | null | undefined, string | null>;
  file_name: string;
  marketplace_document_id: Optional<string>;
  uploaded_at: NullableTimestamp;
  skipped_reason: Optional<string>;
  upload_error: Optional<string>;
  attempted_at: NullableTimestamp;
  recorded_at: Generated<Date>;
}

export type HubReturnStatus =
  'announced' | 'arrived' | 'accepted' | 'rejected' | 'clarification' | 'repair' | 'closed';
export type HubReturnOutcome = 'accept' | 'reject' | 'clarify' | 'repair';
export type HubOutcomeSource = 'auto' | 'seller' | 'marketplace';

export interface HubReturnLinesTable {
  id: Generated<string>;
  account_id: string;
  order_id: string | null;
  marketplace_return_line_id: string;
  marketplace_return_id: string;
  marketplace_order_id: string;
  marketplace_line_id: string;
  channel: string;
  sku: string | null;
  status: HubReturnStatus;
  reason: string | null;
  buyer_note: string | null;
  tracking_numbers: ColumnType<string[], string[] | undefined, string[]>;
  carrier_code: string | null;
  marketplace_created_at: Timestamp;
  marketplace_updated_at: Timestamp;
  announced_at: NullableTimestamp;
  arrived_at: NullableTimestamp;
  accepted_at: NullableTimestamp;
  rejected_at: NullableTimestamp;
  clarification_at: NullableTimestamp;
  repair_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  outcome: Optional<HubReturnOutcome>;
  outcome_message: Optional<string>;
  outcome_source: Optional<HubOutcomeSource>;
  outcome_sent_at: NullableTimestamp;
  outcome_error: Optional<string>;
  erp_return_ref: Optional<string>;
  erp_return_id: Optional<string>;
  erp_return_name: Optional<string>;
  erp_return_prepared_at: NullableTimestamp;
  erp_return_done_at: NullableTimestamp;
  erp_return_error: Optional<string>;
  erp_credit_ref: Optional<string>;
  erp_credit_note_id: Optional<string>;
  erp_credit_note_name: Optional<string>;
  erp_credit_note_at: NullableTimestamp;
  erp_credit_error: Optional<string>;
  updated_at: Timestamp;
}

export interface HubRefundsTable {
  id: Generated<string>;
  account_id: string;
  order_id: string;
  order_line_id: string;
  idempotency_key: string;
  amount_minor: number;
  currency: string;
  reason: string;
  requested_at: Generated<Date>;
  sent_at: NullableTimestamp;
  send_error: Optional<string>;
  erp_credit_note_id: Optional<string>;
  erp_credit_note_name: Optional<string>;
  erp_credit_note_at: NullableTimestamp;
  erp_credit_error: Optional<string>;
}
