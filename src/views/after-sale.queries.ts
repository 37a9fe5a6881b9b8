import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { HubReturnStatus } from '../store/after-sale.schema.ts';
import type { DB } from '../store/schema.ts';
import { productName } from './product-name.ts';

export const RETURN_STATUSES = [
  'announced',
  'arrived',
  'accepted',
  'rejected',
  'clarification',
  'repair',
  'closed',
] as const satisfies readonly HubReturnStatus[];

export interface ReturnListQuery {
  accountId?: string;
  status?: HubReturnStatus;
  page: number;
  pageSize: number;
}

export interface ReturnRow {
  id: string;
  accountId: string;
  accountName: string;
  /** The hub's order, null for an order the hub never imported. */
  orderId: string | null;
  marketplaceOrderId: string;
  marketplaceReturnId: string;
  lineId: string;
  sku: string | null;
  product: string | null;
  reason: string | null;
  buyerNote: string | null;
  status: HubReturnStatus;
  trackingNumbers: string[];
  carrierCode: string | null;
  /** The ERP's return receipt: its name, and when the warehouse validated it. */
  erpReturnName: string | null;
  erpReturnDoneAt: string | null;
  outcome: string | null;
  outcomeSource: string | null;
  outcomeError: string | null;
  creditNote: string | null;
  createdAt: string;
  updatedAt: string;
  /** The marketplace still takes an answer (accept, reject, clarification, repair). */
  answerable: boolean;
}

const ANSWERABLE: readonly HubReturnStatus[] = ['announced', 'arrived', 'clarification', 'repair'];

function baseReturns(db: Kysely<DB>) {
  return db
    .selectFrom('hub_return_lines as r')
    .innerJoin('marketplace_accounts as a', 'a.id', 'r.account_id')
    .leftJoin('hub_order_lines as l', (join) =>
      join
        .onRef('l.account_id', '=', 'r.account_id')
        .onRef('l.marketplace_line_id', '=', 'r.marketplace_line_id'),
    )
    .leftJoin('catalog_products as p', 'p.sku', 'r.sku');
}

function returnColumns() {
  return [
    'r.id',
    'r.account_id',
    'a.name as account_name',
    'r.order_id',
    'r.marketplace_order_id',
    'r.marketplace_return_id',
    'r.marketplace_line_id',
    'r.sku',
    'l.title',
    'p.name as erp_name',
    'r.reason',
    'r.buyer_note',
    'r.status',
    'r.tracking_numbers',
    'r.carrier_code',
    'r.erp_return_name',
    'r.erp_return_done_at',
    'r.outcome',
    'r.outcome_source',
    'r.outcome_error',
    'r.erp_credit_note_name',
    'r.marketplace_created_at',
    'r.updated_at',
  ] as const;
}

function toRow(r: {
  id: string;
  account_id: string;
  account_name: string;
  order_id: string | null;
  marketplace_order_id: string;
  marketplace_return_id: string;
  marketplace_line_id: string;
  sku: string | null;
  title: string | null;
  erp_name: string | null;
  reason: string | null;
  buyer_note: string | null;
  status: HubReturnStatus;
  tracking_numbers: string[];
  carrier_code: string | null;
  erp_return_name: string | null;
  erp_return_done_at: Date | null;
  outcome: string | null;
  outcome_source: string | null;
  outcome_error: string | null;
  erp_credit_note_name: string | null;
  marketplace_created_at: Date;
  updated_at: Date;
}): ReturnRow {
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    orderId: r.order_id,
    marketplaceOrderId: r.marketplace_order_id,
    marketplaceReturnId: r.marketplace_return_id,
    lineId: r.marketplace_line_id,
    sku: r.sku,
    product: r.title || r.erp_name ? productName(r.title, r.erp_name) : null,
    reason: r.reason,
    buyerNote: r.buyer_note,
    status: r.status,
    trackingNumbers: r.tracking_numbers,
    carrierCode: r.carrier_code,
    erpReturnName: r.erp_return_name,
    erpReturnDoneAt: r.erp_return_done_at?.toISOString() ?? null,
    outcome: r.outcome,
    outcomeSource: r.outcome_source,
    outcomeError: r.outcome_error,
    creditNote: r.erp_credit_note_name,
    createdAt: r.marketplace_created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    answerable: ANSWERABLE.includes(r.status),
  };
}

/** The Returns page: newest first; the ones waiting for the seller (arrived, booked back) first of all. */
export async function listReturns(
  db: Kysely<DB>,
  query: ReturnListQuery,
): Promise<{ returns: ReturnRow[]; total: number }> {
  const base = baseReturns(db)
    .where((eb) => (query.status ? eb('r.status', '=', query.status) : eb.lit(true)))
    .where((eb) => (query.accountId ? eb('r.account_id', '=', query.accountId) : eb.lit(true)));
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(returnColumns())
    .orderBy(sql`(r.status IN ('announced', 'arrived') AND r.erp_return_done_at IS NOT NULL)`, 'desc')
    .orderBy('r.marketplace_created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { total: Number(total.n), returns: rows.map(toRow) };
}

export interface AfterSaleEvent {
  event:
    | 'invoice_uploaded'
    | 'credit_note_uploaded'
    | 'return_announced'
    | 'return_arrived'
    | 'return_received'
    | 'return_accepted'
    | 'return_rejected'
    | 'return_clarification'
    | 'return_repair'
    | 'return_closed'
    | 'credit_note'
    | 'refund';
  at: string;
  /** The ERP document's name (invoice, credit note, return receipt), when there is one. */
  document: string | null;
  /** In English words, for the API and the CLI; the web app words it from `facts`. */
  detail: string;
  facts: {
    fileName?: string;
    returnId?: string;
    /** The returned units one return event is about (units of one return that did the same at once). */
    units?: { lineId: string; sku: string | null; reason?: string | null }[];
    lineId?: string;
    sku?: string | null;
    reason?: string | null;
    /** The seller's message to the buyer (reject, clarification). */
    message?: string | null;
    amountMinor?: number;
    currency?: string;
  };
}

const RETURN_EVENTS = [
  ['announced_at', 'return_announced'],
  ['arrived_at', 'return_arrived'],
  ['accepted_at', 'return_accepted'],
  ['rejected_at', 'return_rejected'],
  ['clarification_at', 'return_clarification'],
  ['repair_at', 'return_repair'],
  ['closed_at', 'return_closed'],
] as const;

/** One order's life after the sale: its documents, returns and refunds, and the events for its timeline. */
export async function orderAfterSale(db: Kysely<DB>, orderId: string) {
  const documents = await db
    .selectFrom('hub_order_documents')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  const returns = await baseReturns(db)
    .select(returnColumns())
    .select([
      'r.announced_at',
      'r.arrived_at',
      'r.accepted_at',
      'r.rejected_at',
      'r.clarification_at',
      'r.repair_at',
      'r.closed_at',
      'r.outcome_message',
      'r.erp_credit_note_at',
    ])
    .where('r.order_id', '=', orderId)
    .orderBy('r.id')
    .execute();
  const refunds = await db
    .selectFrom('hub_refunds as f')
    .innerJoin('hub_order_lines as l', 'l.id', 'f.order_line_id')
    .selectAll('f')
    .select(['l.marketplace_line_id', 'l.sku'])
    .where('f.order_id', '=', orderId)
    .orderBy('f.requested_at')
    .execute();

  const events: AfterSaleEvent[] = [];
  for (const doc of documents) {
    if (!doc.uploaded_at) continue;
    events.push({
      event: doc.kind === 'invoice' ? 'invoice_uploaded' : 'credit_note_uploaded',
      at: doc.uploaded_at.toISOString(),
      document: doc.number,
      facts: { fileName: doc.file_name },
      detail: `${doc.kind === 'invoice' ? 'Invoice' : 'Credit note'} ${doc.number} uploaded to the marketplace as ${doc.file_name}`,
    });
  }
  for (const r of returns) {
    const what = `${r.sku ?? 'item'} (unit ${r.marketplace_line_id})`;
    const unit = { lineId: r.marketplace_line_id, sku: r.sku };
    for (const [column, event] of RETURN_EVENTS) {
      const at = r[column];
      if (!at) continue;
      const withMessage = event === 'return_rejected' || event === 'return_clarification';
      events.push({
        event,
        at: at.toISOString(),
        document: null,
        facts: {
          returnId: r.marketplace_return_id,
          units: [event === 'return_announced' ? { ...unit, reason: r.reason } : unit],
          ...(withMessage && { message: r.outcome_message }),
        },
        detail: `Return ${r.marketplace_return_id}: ${what}${withMessage && r.outcome_message ? `: "${r.outcome_message}"` : ''}`,
      });
    }
    if (r.erp_return_done_at)
      events.push({
        event: 'return_received',
        at: r.erp_return_done_at.toISOString(),
        document: r.erp_return_name,
        facts: { returnId: r.marketplace_return_id, units: [unit] },
        detail: `Return receipt ${r.erp_return_name ?? ''} validated in the ERP: ${what} back in stock`,
      });
    if (r.erp_credit_note_at)
      events.push({
        event: 'credit_note',
        at: r.erp_credit_note_at.toISOString(),
        document: r.erp_credit_note_name,
        facts: { returnId: r.marketplace_return_id, units: [unit] },
        detail: `Credit note ${r.erp_credit_note_name ?? ''} for the returned ${what}`,
      });
  }
  for (const f of refunds) {
    if (!f.sent_at) continue;
    events.push({
      event: 'refund',
      at: f.sent_at.toISOString(),
      document: f.erp_credit_note_name,
      facts: {
        lineId: f.marketplace_line_id,
        sku: f.sku,
        reason: f.reason,
        amountMinor: f.amount_minor,
        currency: f.currency,
      },
      detail: `Refund of unit ${f.marketplace_line_id} (${f.reason})${f.erp_credit_note_name ? `, credit note ${f.erp_credit_note_name}` : ''}`,
    });
  }
  const unique = mergeReturnEvents(events);
  unique.sort((a, b) => a.at.localeCompare(b.at));
  return {
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      totalMinor: Number(d.total_minor),
      currency: d.currency,
      fileName: d.file_name,
      uploadedAt: d.uploaded_at?.toISOString() ?? null,
      skippedReason: d.skipped_reason,
      uploadError: d.upload_error,
    })),
    returns: returns.map(toRow),
    refunds: refunds.map((f) => ({
      id: f.id,
      lineId: f.marketplace_line_id,
      sku: f.sku,
      amountMinor: f.amount_minor,
      currency: f.currency,
      reason: f.reason,
      requestedAt: f.requested_at.toISOString(),
      sentAt: f.sent_at?.toISOString() ?? null,
      sendError: f.send_error,
      creditNote: f.erp_credit_note_name,
    })),
    events: unique,
  };
}
/**
 * Units of one return that did the same thing (announced together, booked back on one receipt, credited on one
 * note, answered with one message) are one event listing them, at the earliest of their times.
 */
function mergeReturnEvents(events: AfterSaleEvent[]): AfterSaleEvent[] {
  const merged = new Map<string, AfterSaleEvent>();
  const out: AfterSaleEvent[] = [];
  for (const event of events) {
    if (!event.facts.units || !event.facts.returnId) {
      out.push(event);
      continue;
    }
    const key = [event.event, event.facts.returnId, event.document ?? '', event.facts.message ?? ''].join(
      '|',
    );
    const earlier = merged.get(key);
    if (!earlier) {
      const copy = { ...event, facts: { ...event.facts, units: [...event.facts.units] } };
      merged.set(key, copy);
      out.push(copy);
      continue;
    }
    earlier.facts.units!.push(...event.facts.units);
    if (event.at < earlier.at) earlier.at = event.at;
    earlier.detail = `${earlier.detail}; ${event.detail}`;
  }
  return out;
}
export type OrderAfterSale = Awaited<ReturnType<typeof orderAfterSale>>;
