import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { readCodedMessages } from '../core/coded-message.ts';
import { AppError } from '../core/errors.ts';
import { formatMinor } from '../core/money-text.ts';
import type { DB, HubOrderState } from '../store/schema.ts';
import { productName } from './product-name.ts';
import { reservationEvents } from './order-reservation.ts';
import {
  ISSUE_CURRENCY_MISMATCH,
  ISSUE_NO_ADDRESS,
  ISSUE_REFUSED_BY_ERP,
  ISSUE_SKU_NOT_IN_ERP,
} from '../sync/streams/orders/forward.ts';

/** The issues the orders step raises when it holds an order back (each with the order's id as subject). */
const HOLD_CODES: readonly string[] = [
  ISSUE_SKU_NOT_IN_ERP,
  ISSUE_REFUSED_BY_ERP,
  ISSUE_NO_ADDRESS,
  ISSUE_CURRENCY_MISMATCH,
];

export interface OrderListQuery {
  q?: string;
  state?: HubOrderState;
  accountId?: string;
  page: number;
  pageSize: number;
}

export interface OrderRow {
  id: string;
  accountId: string;
  accountName: string;
  marketplaceOrderId: string;
  channel: string;
  buyer: string | null;
  currency: string;
  totalMinor: number;
  /** The ERP sale order's currency and total (minor units), null until it is booked (issue 10). */
  erpCurrency: string | null;
  erpTotalMinor: number | null;
  units: number;
  erpOrderName: string | null;
  state: HubOrderState;
  holdReason: string | null;
  /** The code and details of the open issue that holds the order, so the web app says the reason in its language. */
  holdCode: string | null;
  holdDetails: Record<string, unknown> | null;
  receivedAt: string;
  marketplaceCreatedAt: string;
}

/** The Orders list: searchable by order id, ERP order name, buyer name or e-mail; newest first. */
export async function listOrders(
  db: Kysely<DB>,
  query: OrderListQuery,
): Promise<{ orders: OrderRow[]; total: number }> {
  let base = db
    .selectFrom('hub_orders as o')
    .innerJoin('marketplace_accounts as a', 'a.id', 'o.account_id')
    .where((eb) => (query.state ? eb('o.state', '=', query.state) : eb.lit(true)))
    .where((eb) => (query.accountId ? eb('o.account_id', '=', query.accountId) : eb.lit(true)));
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb('o.marketplace_order_id', 'ilike', like),
        eb('o.erp_order_name', 'ilike', like),
        eb(sql<string>`o.shipping_address->>'lastName'`, 'ilike', like),
        eb(sql<string>`o.shipping_address->>'firstName'`, 'ilike', like),
        eb(sql<string>`o.buyer->>'email'`, 'ilike', like),
      ]),
    );
  }
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'o.id',
      'o.account_id',
      'a.name as account_name',
      'o.marketplace_order_id',
      'o.channel',
      'o.currency',
      'o.total_minor',
      'o.erp_currency',
      'o.erp_total_minor',
      'o.erp_order_name',
      'o.state',
      'o.hold_reason',
      'o.received_at',
      'o.marketplace_created_at',
      sql<
        string | null
      >`nullif(trim(concat(o.shipping_address->>'firstName', ' ', o.shipping_address->>'lastName')), '')`.as(
        'buyer',
      ),
      sql<string>`(SELECT count(*) FROM hub_order_lines l WHERE l.order_id = o.id)`.as('units'),
      sql<{ code: string; details: Record<string, unknown> } | null>`(
        SELECT json_build_object('code', i.code, 'details', i.details) FROM sync_issues i
        WHERE o.state = 'held' AND i.account_id = o.account_id AND i.subject = o.marketplace_order_id
          AND i.code IN (${sql.join(HOLD_CODES)}) AND i.resolved_at IS NULL
        ORDER BY i.last_seen_at DESC LIMIT 1)`.as('hold_issue'),
    ])
    .orderBy('o.marketplace_created_at', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    total: Number(total.n),
    orders: rows.map((r) => ({
      id: r.id,
      accountId: r.account_id,
      accountName: r.account_name,
      marketplaceOrderId: r.marketplace_order_id,
      channel: r.channel,
      buyer: r.buyer,
      currency: r.currency,
      totalMinor: Number(r.total_minor),
      erpCurrency: r.erp_currency,
      erpTotalMinor: r.erp_total_minor === null ? null : Number(r.erp_total_minor),
      units: Number(r.units),
      erpOrderName: r.erp_order_name,
      state: r.state,
      holdReason: r.hold_reason,
      holdCode: r.hold_issue?.code ?? null,
      holdDetails: r.hold_issue?.details ?? null,
      receivedAt: r.received_at.toISOString(),
      marketplaceCreatedAt: r.marketplace_created_at.toISOString(),
    })),
  };
}

export interface TimelineEvent {
  event:
    'placed' | 'stored' | 'reserved' | 'held' | 'in_erp' | 'released' | 'cancelled' | 'shipped' | 'confirmed';
  at: string;
  detail: string;
}

const EVENT_RANK: Record<TimelineEvent['event'], number> = {
  placed: 0,
  stored: 1,
  reserved: 2,
  held: 3,
  in_erp: 4,
  cancelled: 5,
  released: 6,
  shipped: 7,
  confirmed: 8,
};

/** ", total 1449.00 CZK (VAT 251.49 CZK)": the sale order's own amounts in its currency. */
function erpBooking(order: {
  erp_currency: string | null;
  erp_total_minor: string | null;
  erp_tax_minor: string | null;
}): string {
  if (order.erp_currency === null || order.erp_total_minor === null) return '';
  const vat =
    order.erp_tax_minor === null
      ? ''
      : ` (VAT ${formatMinor(Number(order.erp_tax_minor), order.erp_currency)})`;
  return `, total ${formatMinor(Number(order.erp_total_minor), order.erp_currency)}${vat}`;
}

/** One order with its lines, its timeline (marketplace → hub → ERP → shipped → confirmed) and open issues. */
export async function orderDetail(db: Kysely<DB>, id: string) {
  const order = await db
    .selectFrom('hub_orders as o')
    .innerJoin('marketplace_accounts as a', 'a.id', 'o.account_id')
    .selectAll('o')
    .select('a.name as account_name')
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!order) throw new AppError('not_found', 'order.not_found', `No order ${id}.`);
  // The hub's catalog names the product when the marketplace's title is missing or a placeholder.
  const lines = await db
    .selectFrom('hub_order_lines as l')
    .leftJoin('catalog_products as p', 'p.sku', 'l.sku')
    .selectAll('l')
    .select('p.name as erp_name')
    .where('l.order_id', '=', id)
    .orderBy('l.id')
    .execute();
  const issues = await db
    .selectFrom('sync_issues')
    .selectAll()
    .where('account_id', '=', order.account_id)
    .where('subject', 'in', [order.marketplace_order_id, ...lines.map((l) => l.marketplace_line_id)])
    .where('resolved_at', 'is', null)
    .execute();
  const holdIssue =
    order.state === 'held'
      ? issues.find((i) => i.subject === order.marketplace_order_id && HOLD_CODES.includes(i.code))
      : undefined;
  const timeline: TimelineEvent[] = [
    {
      event: 'placed',
      at: order.marketplace_created_at.toISOString(),
      detail: `Order ${order.marketplace_order_id} placed on the marketplace`,
    },
    { event: 'stored', at: order.received_at.toISOString(), detail: 'Received and stored by AdlerDo' },
    ...reservationEvents(order, lines),
  ];
  if (order.state === 'held' && order.hold_reason)
    timeline.push({
      event: 'held',
      at: order.updated_at.toISOString(),
      detail: `Held: ${order.hold_reason}`,
    });
  // Rows of any age read: a stored item that is not {code, values, message} is left out, not a crash.
  const corrections = readCodedMessages(order.erp_corrections);
  const correctionText = corrections.map((c) => c.message).join('; ');
  if (order.erp_created_at)
    timeline.push({
      event: 'in_erp',
      at: order.erp_created_at.toISOString(),
      detail: `Sale order ${order.erp_order_name ?? ''} created and confirmed in the ERP${erpBooking(order)}${correctionText ? `. Tax correction: ${correctionText}` : ''}`,
    });
  for (const line of lines) {
    const what = `${line.sku ?? 'item'} (unit ${line.marketplace_line_id})`;
    if (line.shipped_at)
      timeline.push({
        event: 'shipped',
        at: line.shipped_at.toISOString(),
        detail: `${what} shipped with ${line.carrier ?? 'a carrier'}${line.tracking_numbers?.length ? `, tracking ${line.tracking_numbers.join(', ')}` : ''}`,
      });
    if (line.confirmed_at)
      timeline.push({
        event: 'confirmed',
        at: line.confirmed_at.toISOString(),
        detail: `${what} confirmed on the marketplace`,
      });
    if (line.cancelled_at)
      timeline.push({
        event: 'cancelled',
        at: line.cancelled_at.toISOString(),
        detail: `${what} cancelled on the marketplace`,
      });
  }
  // Lifecycle order first: ERP times have whole seconds, so a delivery validated within the second the order
  // was stored would otherwise sort before it.
  timeline.sort((a, b) => EVENT_RANK[a.event] - EVENT_RANK[b.event] || a.at.localeCompare(b.at));
  return {
    order: {
      id: order.id,
      accountId: order.account_id,
      accountName: order.account_name,
      marketplaceOrderId: order.marketplace_order_id,
      channel: order.channel,
      currency: order.currency,
      totalMinor: Number(order.total_minor),
      state: order.state,
      holdReason: order.hold_reason,
      holdCode: holdIssue?.code ?? null,
      holdDetails: (holdIssue?.details as Record<string, unknown> | undefined) ?? null,
      erpOrderName: order.erp_order_name,
      // What the ERP booked: its currency, total and contained VAT (minor units), next to what the buyer paid.
      erpCurrency: order.erp_currency,
      erpTotalMinor: order.erp_total_minor === null ? null : Number(order.erp_total_minor),
      erpTaxMinor: order.erp_tax_minor === null ? null : Number(order.erp_tax_minor),
      // What AdlerDo changed so the ERP's total is the buyer's: code and values for the web app's languages...
      erpCorrections: corrections,
      // ...and the English sentences joined, as API clients have read them (null when nothing was changed).
      erpCorrection: correctionText || null,
      buyer: order.buyer,
      shippingAddress: order.shipping_address,
      billingAddress: order.billing_address,
    },
    lines: lines.map((l) => ({
      lineId: l.marketplace_line_id,
      sku: l.sku,
      title: productName(l.title, l.erp_name),
      priceMinor: l.price_minor,
      shippingMinor: l.shipping_minor,
      status: l.cancelled_at ? 'cancelled' : l.confirmed_at ? 'confirmed' : l.shipped_at ? 'shipped' : 'open',
      carrier: l.carrier,
      trackingNumbers: l.tracking_numbers ?? [],
      confirmError: l.confirm_error,
    })),
    timeline,
    // Code, subject and details let the web app say message and hint in the reader's language.
    issues: issues.map((i) => ({
      id: i.id,
      code: i.code,
      subject: i.subject,
      message: i.message,
      hint: i.hint,
      details: i.details as Record<string, unknown>,
    })),
  };
}
