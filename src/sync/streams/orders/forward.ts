import { sql, type Selectable } from 'kysely';
import { toAppError } from '../../../core/errors.ts';
import type { Buyer, PostalAddress } from '../../../core/order.ts';
import type { ErpSaleOrderLineInput } from '../../../core/ports/erp.port.ts';
import { orderLatencySeconds } from '../../../metrics/metrics.ts';
import type { HubOrderLinesTable, HubOrderState, HubOrdersTable } from '../../../store/schema.ts';
import type { StepContext } from '../../step-context.ts';
import { customerInput } from './customer.ts';

type OrderRow = Selectable<HubOrdersTable>;
type LineRow = Selectable<HubOrderLinesTable>;

// Orders forwarded per run: ~4 ERP calls each (lookup, customer, create+confirm), so 200 orders stay within a
// couple of minutes on a slow ERP; the rest follow on the next run, oldest first.
const BATCH = 200;

export const ISSUE_SKU_NOT_IN_ERP = 'order.sku_not_in_erp';
export const ISSUE_REFUSED_BY_ERP = 'order.refused_by_erp';
export const ISSUE_NO_ADDRESS = 'order.no_address';

/**
 * Sends stored orders that are not in the ERP yet, one ERP sale order per marketplace order. The sale order
 * is looked up by the marketplace order id first, so an order created just before a crash is found and
 * recorded, never created twice. Orders with a SKU the ERP does not know are held with an issue and go
 * through on a later run once the SKU exists.
 */
export async function forwardPendingOrders(ctx: StepContext): Promise<void> {
  const orders = await ctx.db
    .selectFrom('hub_orders')
    .selectAll()
    .where('account_id', '=', ctx.account.id)
    .where('state', 'in', ['received', 'held'])
    .orderBy('marketplace_created_at')
    .limit(BATCH)
    .execute();
  if (orders.length === 0) return;
  const lines = await ctx.db
    .selectFrom('hub_order_lines')
    .selectAll()
    .where(
      'order_id',
      'in',
      orders.map((o) => o.id),
    )
    .where('cancelled_at', 'is', null)
    .execute();
  const skus = [...new Set(lines.flatMap((l) => (l.sku ? [l.sku] : [])))];
  const known = new Set((await ctx.erp.findProductsBySku(skus)).map((p) => p.sku));

  for (const order of orders) {
    const orderLines = lines.filter((l) => l.order_id === order.id);
    if (orderLines.length === 0) continue; // every line cancelled: the cancellations step closes it
    const missing = [...new Set(orderLines.map((l) => l.sku ?? '(no SKU)'))].filter((sku) => !known.has(sku));
    if (missing.length > 0) {
      await hold(ctx, order, ISSUE_SKU_NOT_IN_ERP, `SKU ${missing.join(', ')} not in Odoo`, {
        message: `Order ${order.marketplace_order_id} is held: SKU ${missing.join(', ')} not in Odoo.`,
        hint: `Create the product with internal reference ${missing.join(', ')} in Odoo (or correct the SKU on the marketplace). The order goes through on the next cycle.`,
        details: { skus: missing },
      });
      continue;
    }
    await forwardOne(ctx, order, orderLines);
  }
}

async function forwardOne(ctx: StepContext, order: OrderRow, lines: LineRow[]): Promise<void> {
  const ref = order.marketplace_order_id;
  try {
    let saleOrder = await ctx.erp.findSaleOrder(ref);
    // A draft is an earlier attempt cut off between "create" and "confirm" (a crash, or a timeout whose create
    // went through): it goes through createSaleOrder below, which confirms that draft instead of making
    // another. Recorded as it is, it would stay a quotation: no stock reserved, no delivery to ship.
    if (saleOrder && saleOrder.state !== 'draft') {
      ctx.counts.skipped++;
    } else {
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
        return;
      }
      const customerRef = await ctx.erp.findOrCreateCustomer(customer);
      saleOrder = await ctx.erp.createSaleOrder({
        externalRef: ref,
        origin: `${ctx.account.name} ${order.channel.toUpperCase()} ${ref}`,
        customer: customerRef,
        lines: groupLines(lines),
      });
      ctx.counts.created++;
      orderLatencySeconds.observe((Date.now() - order.marketplace_created_at.getTime()) / 1000);
    }
    await ctx.db
      .updateTable('hub_orders')
      .set({
        // `shipped` already when every line is confirmed: a run cut off after the ERP took the order but
        // before it was recorded here leaves the order `received`, and the ERP may ship it (and the shipments
        // step confirm it) before this run records it; nothing else would move it on from `in_erp` then.
        state: sql<HubOrderState>`CASE WHEN EXISTS (SELECT 1 FROM hub_order_lines l WHERE l.order_id = hub_orders.id
          AND l.cancelled_at IS NULL AND l.confirmed_at IS NULL) THEN 'in_erp' ELSE 'shipped' END`,
        erp_order_id: saleOrder.id,
        erp_order_name: saleOrder.name,
        erp_created_at: new Date(),
        hold_reason: null,
        updated_at: new Date(),
      })
      .where('id', '=', order.id)
      .execute();
    for (const code of [ISSUE_SKU_NOT_IN_ERP, ISSUE_REFUSED_BY_ERP, ISSUE_NO_ADDRESS])
      await ctx.issues.resolve(code, [ref]);
  } catch (thrown) {
    const error = toAppError(thrown);
    if (error.kind !== 'rejected') throw error; // transient/config: the run fails, the order stays pending
    await hold(ctx, order, ISSUE_REFUSED_BY_ERP, error.message, {
      message: `Odoo refused order ${ref}: ${error.message}`,
      hint: 'Fix the cause in Odoo (or the product data), then press "Retry" or wait for the next cycle.',
    });
    ctx.counts.failed++;
  }
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
  ctx.counts.skipped++;
}
