import type { Selectable } from 'kysely';
import type { ErpSaleOrder, ErpSaleOrderResult } from '../../../core/ports/erp.port.ts';
import { formatMinor } from '../../../core/money-text.ts';
import type { HubOrderLinesTable, HubOrdersTable } from '../../../store/schema.ts';
import type { StepContext } from '../../step-context.ts';

export const ISSUE_TOTAL_DIFFERS = 'order.total_differs';

/** What the buyer paid for the open lines: their gross prices plus shipping, in the order's minor units. */
export const paid = (
  lines: readonly Pick<Selectable<HubOrderLinesTable>, 'price_minor' | 'shipping_minor'>[],
) => lines.reduce((sum, line) => sum + line.price_minor + line.shipping_minor, 0);

/** The ERP's booking for the order row (migration 007). */
export function erpAmounts(result: ErpSaleOrderResult) {
  return {
    erp_currency: result.order.currency ?? null,
    erp_total_minor: result.order.total,
    erp_tax_minor: result.order.tax ?? null,
    erp_corrections: result.corrections.length > 0 ? JSON.stringify(result.corrections) : null,
  };
}

/**
 * The sale order's total must be what the buyer paid, in the order's currency. With price-included taxes and
 * Odoo's per-line rounding it is, to the cent; a company set to round globally, or a fixed-amount tax, can
 * still differ: then one issue says by how much rather than the difference going unnoticed. True when the
 * total is right: the caller resolves the issues of all such orders of a batch at once.
 */
export async function checkTotal(
  ctx: StepContext,
  order: Selectable<HubOrdersTable>,
  erp: ErpSaleOrder,
  buyerPaid: number,
): Promise<boolean> {
  const ref = order.marketplace_order_id;
  const sameCurrency = erp.currency === undefined || erp.currency === order.currency;
  if (sameCurrency && erp.total === buyerPaid) return true;
  await ctx.issues.raise({
    code: ISSUE_TOTAL_DIFFERS,
    subject: ref,
    message: `Sale order ${erp.name} totals ${formatMinor(erp.total, erp.currency ?? order.currency)}, but the buyer paid ${formatMinor(buyerPaid, order.currency)}.`,
    hint: 'Check the taxes on the order lines in Odoo (price-included taxes keep the gross price) and the rounding setting (Accounting → Settings → Rounding: per line).',
    details: {
      erpOrder: erp.name,
      erpTotal: erp.total,
      erpCurrency: erp.currency ?? null,
      paid: buyerPaid,
      currency: order.currency,
    },
  });
  return false;
}
