import { sql, type Selectable } from 'kysely';
import { chunks } from '../../../core/chunks.ts';
import { isAppError, type AppError } from '../../../core/errors.ts';
import type { Buyer, PostalAddress } from '../../../core/order.ts';
import type {
  ErpCustomerInput,
  ErpCustomerRef,
  ErpSaleOrderLineInput,
} from '../../../core/ports/erp.port.ts';
import { orderLatencySeconds } from '../../../metrics/metrics.ts';
import type { HubOrderLinesTable, HubOrderState, HubOrdersTable } from '../../../store/schema.ts';
import type { StepContext } from '../../step-context.ts';
import { cancelOnMarketplace } from '../cancellations/erp-cancellations.ts';
import { marketplaceConnector } from '../../../connectors/index.ts';
import { customerInput } from './customer.ts';
import { checkTotal, erpAmounts, ISSUE_TOTAL_DIFFERS, paid } from './erp-total.ts';
import { openLinesOf } from './ledger.ts';

type OrderRow = Selectable<HubOrdersTable>;
type LineRow = Selectable<HubOrderLinesTable>;
interface Ready {
  order: OrderRow;
  lines: LineRow[];
  customer: ErpCustomerInput;
}

// 50 orders per ERP batch cost ~9 calls (customers 4, sale orders 5) instead of ~11 per order; at 50 ms a call
// plus the ERP's own work that is ~1 s a batch. Orders are picked 1,000 at a time, oldest first; a run goes on to
// the next 1,000 while a backlog remains (syncOrders).
export const PER_RUN = 1000;
const PER_BATCH = 50;
/**
 * A call that changes data and fails without an answer (a timeout, an HTTP 500) is not repeated by the ERP
 * connector — it may have run — so at 20 % faults about half of all batches failed somewhere (crash scenario
 * odoo-outage), and a failed batch waited for the next run. Both halves of a batch (customers, sale orders) look
 * up before they create, so the failed half is tried again at once, up to this many times in all, as long as the
 * ERP answers a read in between (a down ERP ends the run at once instead).
 */
const ATTEMPTS = 4;
/**
 * A batch still failing after its attempts (with the ERP answering reads) stays for a later pass; the run goes on
 * with the next batches, and ends after this many such batches in a row (the ERP takes no writes).
 */
const FAILED_BATCHES_IN_A_ROW = 3;

export interface ForwardPass {
  picked: number;
  settled: number;
  /** Batches were left untried because the deadline came (they wait, `received`, for the next pass or run). */
  cutShort?: boolean;
  /** The first error of a batch left for a later pass (transient). */
  failed?: AppError;
}

export const ISSUE_SKU_NOT_IN_ERP = 'order.sku_not_in_erp';
export const ISSUE_REFUSED_BY_ERP = 'order.refused_by_erp';
export const ISSUE_NO_ADDRESS = 'order.no_address';
export const ISSUE_CURRENCY_MISMATCH = 'order.currency_mismatch';

/**
 * Sends stored orders that are not in the ERP yet, one ERP sale order per marketplace order, in batches. The
 * ERP looks each order up by the marketplace order id before creating it, so an order created just before a
 * crash is found and recorded, never created twice. Orders with a SKU the ERP does not know are held with an
 * issue and go through on a later run once the SKU exists. Returns how many orders were picked (at most PER_RUN),
 * how many of them are settled (in the ERP, held or refused), whether `deadline` (epoch ms) cut the pass short, and
 * the first error of a batch that is not settled, so the caller knows whether more wait; throws when the ERP is
 * down or takes no writes.
 */
export async function forwardPendingOrders(
  ctx: StepContext,
  states: readonly ('received' | 'held')[],
  deadline = Number.POSITIVE_INFINITY,
): Promise<ForwardPass> {
  const orders = await ctx.db
    .selectFrom('hub_orders')
    .selectAll()
    .where('account_id', '=', ctx.account.id)
    .where('state', 'in', [...states])
    // New orders before held ones, oldest first; held ones least recently tried first (holding touches
    // updated_at), so a thousand orders held for a missing SKU neither keep new ones waiting nor starve the
    // other held ones.
    .orderBy(sql`state = 'held'`)
    .orderBy(sql`CASE WHEN state = 'held' THEN updated_at ELSE marketplace_created_at END`)
    .orderBy('id')
    .limit(PER_RUN)
    .execute();
  if (orders.length === 0) return { picked: 0, settled: 0 };
  const lines = await openLinesOf(
    ctx.db,
    orders.map((o) => o.id),
  );
  const linesOf = new Map<string, LineRow[]>();
  for (const line of lines) linesOf.set(line.order_id, [...(linesOf.get(line.order_id) ?? []), line]);
  const skus = [...new Set(lines.flatMap((l) => (l.sku ? [l.sku] : [])))];
  const known = new Set((await ctx.erp.findProductsBySku(skus)).map((p) => p.sku));

  const ready: Ready[] = [];
  for (const order of orders) {
    const orderLines = linesOf.get(order.id) ?? [];
    if (orderLines.length === 0) continue; // every line cancelled: the cancellations step closes it
    const ref = order.marketplace_order_id;
    const currency = marketplaceConnector(ctx.account.type).channelCurrency(order.channel);
    if (currency !== order.currency) {
      await hold(ctx, order, ISSUE_CURRENCY_MISMATCH, `currency ${order.currency} is not the storefront's`, {
        message: `Order ${ref} is held: its money is in ${order.currency}, but ${order.channel.toUpperCase()} sells in ${currency ?? 'no known currency'}.`,
        hint: 'Check the order on the marketplace; AdlerDo books no order whose currency it cannot trust. Cancel it there or contact support.',
        details: { currency: order.currency, channel: order.channel, channelCurrency: currency ?? null },
      });
      ctx.counts.skipped++;
      continue;
    }
    const missing = [...new Set(orderLines.map((l) => l.sku ?? '(no SKU)'))].filter((sku) => !known.has(sku));
    if (missing.length > 0) {
      await hold(ctx, order, ISSUE_SKU_NOT_IN_ERP, `SKU ${missing.join(', ')} not in Odoo`, {
        message: `Order ${ref} is held: SKU ${missing.join(', ')} not in Odoo.`,
        hint: `Create the product with internal reference ${missing.join(', ')} in Odoo (or correct the SKU on the marketplace). The order goes through on the next cycle.`,
        details: { skus: missing },
      });
      ctx.counts.skipped++;
      continue;
    }
    const customer = customerInput(
      ctx.account.type,
      order.buyer as Buyer | null,
      order.billing_address as PostalAddress | null,
      order.shipping_address as PostalAddress | null,
    );
    if (!customer) {
      await hold(ctx, order, ISSUE_NO_ADDRESS, 'no address yet', {
        message: `Order ${ref} has no buyer address yet.`,
        hint: 'The marketplace releases addresses shortly after the order; it is retried on the next cycle.',
      });
      ctx.counts.skipped++;
      continue;
    }
    ready.push({ order, lines: orderLines, customer });
  }
  let settled = orders.length - ready.length;
  let failed: AppError | undefined;
  let inARow = 0;
  for (const [i, batch] of chunks(ready, PER_BATCH).entries()) {
    // Between batches (~1 s each on the sandbox ERP, ~4 s on a real Odoo), never before the first: a pass always
    // moves the backlog on.
    if (i > 0 && Date.now() >= deadline)
      return { picked: orders.length, settled, cutShort: true, ...(failed && { failed }) };
    const outcome = await forwardBatch(ctx, batch);
    if (outcome.ok) {
      settled += batch.length;
      inARow = 0;
      continue;
    }
    if (outcome.erpDown) throw outcome.error;
    failed ??= outcome.error;
    if (++inARow >= FAILED_BATCHES_IN_A_ROW) throw failed;
  }
  return { picked: orders.length, settled, ...(failed && { failed }) };
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: AppError; erpDown: boolean };

/**
 * `run` (one half of a batch, safe to repeat) until it succeeds, up to ATTEMPTS times. Between two attempts the
 * ERP is asked for the batch's orders, a read its connector repeats on its own: when even that fails, the ERP is
 * down (not flaky) and the run must end now, with no more calls into it.
 */
async function attempted<T>(
  ctx: StepContext,
  refs: readonly string[],
  run: () => Promise<T>,
): Promise<Attempt<T>> {
  let first: AppError | undefined;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      if (!isAppError(error) || !error.retryable) throw error;
      first ??= error;
    }
    if (attempt === ATTEMPTS) break;
    try {
      await ctx.erp.findSaleOrders(refs);
    } catch (error) {
      if (!isAppError(error) || !error.retryable) throw error;
      return { ok: false, error: first, erpDown: true };
    }
  }
  return { ok: false, error: first!, erpDown: false };
}

async function forwardBatch(ctx: StepContext, batch: readonly Ready[]): Promise<Attempt<void>> {
  const refs = batch.map((r) => r.order.marketplace_order_id);
  const customers = await attempted(ctx, refs, () =>
    ctx.erp.findOrCreateCustomers(batch.map((r) => r.customer)),
  );
  if (!customers.ok) return customers;
  const withCustomer: { ready: Ready; customerRef: ErpCustomerRef }[] = [];
  for (const [i, ready] of batch.entries()) {
    const outcome = customers.value[i]!;
    if (outcome.ok) withCustomer.push({ ready, customerRef: outcome.value });
    else await refuse(ctx, ready.order, outcome.error);
  }
  const inputs = withCustomer.map(({ ready, customerRef }) => ({
    externalRef: ready.order.marketplace_order_id,
    origin: `${ctx.account.name} ${ready.order.channel.toUpperCase()} ${ready.order.marketplace_order_id}`,
    customer: customerRef,
    lines: groupLines(ready.lines),
    shippingAmount: ready.lines.reduce((sum, line) => sum + line.shipping_minor, 0),
    currency: ready.order.currency,
    marketplace: marketplaceConnector(ctx.account.type).displayName,
  }));
  const created = await attempted(ctx, refs, () => ctx.erp.createSaleOrders(inputs));
  if (!created.ok) return created;
  const outcomes = created.value;
  const recorded: string[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, { ready }] of withCustomer.entries()) {
      const outcome = outcomes[i]!;
      if (!outcome.ok) continue;
      const { order, created } = outcome.value;
      await trx
        .updateTable('hub_orders')
        .set({
          // `shipped` already when every line is confirmed: a run cut off after the ERP took the order but
          // before it was recorded here leaves the order `received`, and the ERP may ship it (and the shipments
          // step confirm it) before this run records it; nothing else would move it on from `in_erp` then.
          state: sql<HubOrderState>`CASE WHEN EXISTS (SELECT 1 FROM hub_order_lines l WHERE l.order_id = hub_orders.id
            AND l.cancelled_at IS NULL AND l.confirmed_at IS NULL) THEN 'in_erp' ELSE 'shipped' END`,
          erp_order_id: order.id,
          erp_order_name: order.name,
          erp_created_at: new Date(),
          ...erpAmounts(outcome.value),
          hold_reason: null,
          updated_at: new Date(),
        })
        .where('id', '=', ready.order.id)
        .execute();
      recorded.push(ready.order.marketplace_order_id);
      if (created) {
        ctx.counts.created++;
        orderLatencySeconds.observe((Date.now() - ready.order.marketplace_created_at.getTime()) / 1000);
      } else ctx.counts.skipped++;
    }
  });
  const totalsRight: string[] = [];
  for (const [i, { ready }] of withCustomer.entries()) {
    const outcome = outcomes[i]!;
    if (!outcome.ok) await refuse(ctx, ready.order, outcome.error);
    else if (await checkTotal(ctx, ready.order, outcome.value.order, paid(ready.lines)))
      totalsRight.push(ready.order.marketplace_order_id);
  }
  await ctx.issues.resolve(ISSUE_TOTAL_DIFFERS, totalsRight);
  // Found already cancelled in the ERP (cancelled there while the hub held the order): the marketplace's
  // units go the same way as for any order cancelled in the ERP before shipping.
  await cancelOnMarketplace(
    ctx,
    outcomes.flatMap((o) => (o.ok && o.value.order.state === 'cancelled' ? [o.value.order] : [])),
  );
  if (recorded.length > 0) {
    for (const code of [
      ISSUE_SKU_NOT_IN_ERP,
      ISSUE_REFUSED_BY_ERP,
      ISSUE_NO_ADDRESS,
      ISSUE_CURRENCY_MISMATCH,
    ])
      await ctx.issues.resolve(code, recorded);
  }
  return { ok: true, value: undefined };
}

/** Lines are quantity 1 each; the ERP gets one line per SKU and price with the summed quantity. */
export function groupLines(lines: readonly Pick<LineRow, 'sku' | 'price_minor'>[]): ErpSaleOrderLineInput[] {
  const grouped = new Map<string, ErpSaleOrderLineInput>();
  for (const line of lines) {
    const key = `${line.sku}\u0000${line.price_minor}`;
    const existing = grouped.get(key);
    if (existing) existing.quantity += 1;
    else grouped.set(key, { sku: line.sku ?? '', quantity: 1, unitPrice: line.price_minor });
  }
  return [...grouped.values()];
}

async function refuse(ctx: StepContext, order: OrderRow, error: AppError): Promise<void> {
  const ref = order.marketplace_order_id;
  await hold(ctx, order, ISSUE_REFUSED_BY_ERP, error.message, {
    message: `Odoo refused order ${ref}: ${error.message}`,
    // The connector's own hint when it knows the fix (e.g. "Activate CZK in Odoo …").
    hint:
      typeof error.details?.hint === 'string'
        ? error.details.hint
        : 'Fix the cause in Odoo (or the product data), then press "Retry" or wait for the next cycle.',
    details: { error: error.message },
  });
  ctx.counts.failed++;
}

async function hold(
  ctx: StepContext,
  order: OrderRow,
  code: string,
  reason: string,
  issue: { message: string; hint: string; details?: Record<string, unknown> },
): Promise<void> {
  await ctx.db
    .updateTable('hub_orders')
    .set({ state: 'held', hold_reason: reason, updated_at: new Date() })
    .where('id', '=', order.id)
    .execute();
  await ctx.issues.raise({ code, subject: order.marketplace_order_id, ...issue });
}
