import type { MarketplaceDocument, ReturnLine, ReturnLineStatus } from '../../core/after-sale.ts';
import { AppError } from '../../core/errors.ts';
import type { OrderInvoice } from './resources/order-invoices.ts';
import type { RefundReason } from './resources/order-units.ts';
import type { NewReturnLine } from './resources/returns.ts';
import type { ReturnUnitDetails } from './resources/return-units.ts';
import { refundReasonSchema, returnReasonSchema, type ReturnUnitStatus } from './schemas/return.ts';

/** Kaufland's after-sale words ⇄ the hub's (core/after-sale.ts). Pure: no I/O. */

const RETURN_LINE_STATUS: Record<ReturnUnitStatus, ReturnLineStatus> = {
  need_to_be_returned: 'announced',
  return_arrived: 'arrived',
  return_accepted: 'accepted',
  return_rejected: 'rejected',
  return_in_clarification: 'clarification',
  return_in_repair: 'repair',
  return_closed: 'closed',
};

/**
 * A return unit read with `embedded=order_unit` (for the order and the SKU); its return gives the parcel's
 * tracking and the time of the last change, which Kaufland keeps on the return, not on the unit.
 */
export function toReturnLine(unit: ReturnUnitDetails): ReturnLine {
  const orderUnit = unit.order_unit;
  const parcel = unit.return;
  return {
    returnLineId: String(unit.id_return_unit),
    returnId: String(unit.id_return),
    orderId: orderUnit.id_order,
    orderLineId: String(unit.id_order_unit),
    channel: unit.storefront,
    sku: blankToNull(orderUnit.id_offer),
    status: RETURN_LINE_STATUS[unit.status],
    reason: blankToNull(unit.reason),
    buyerNote: blankToNull(unit.note),
    trackingNumbers: (parcel.tracking_code ?? '')
      .split(',')
      .map((code) => code.trim())
      .filter((code) => code !== ''),
    carrierCode: blankToNull(parcel.tracking_provider),
    createdAt: unit.ts_created_iso,
    updatedAt: parcel.ts_updated_iso,
  };
}

export function toMarketplaceDocument(invoice: OrderInvoice): MarketplaceDocument {
  return {
    id: String(invoice.id_invoice),
    fileName: invoice.original_name,
    createdAt: invoice.ts_created_iso,
  };
}

export const REFUND_REASONS: readonly RefundReason[] = refundReasonSchema.options;

/** Case-insensitive, sent in Kaufland's spelling; anything else is refused before the call. */
export function toRefundReason(reason: string): RefundReason {
  return matchOption(reason, refundReasonSchema.options, {
    code: 'kaufland.unknown_refund_reason',
    what: 'refunding an order line',
  });
}

export function toReturnReason(reason: string): NewReturnLine['reason'] {
  return matchOption(reason, returnReasonSchema.options, {
    code: 'kaufland.unknown_return_reason',
    what: 'a return',
  });
}

const DEFAULT_RETURN_NOTE = 'Return registered by the seller';

/** Kaufland wants a note of 5 to 100 characters on a seller-initiated return. */
export function toReturnNote(note: string | undefined): string {
  const trimmed = note?.trim() ?? '';
  if (trimmed.length < 5) return trimmed === '' ? DEFAULT_RETURN_NOTE : `${DEFAULT_RETURN_NOTE}: ${trimmed}`;
  return trimmed.length > 100 ? `${trimmed.slice(0, 99)}…` : trimmed;
}

function matchOption<T extends string>(
  reason: string,
  options: readonly T[],
  context: { code: string; what: string },
): T {
  const wanted = reason.trim().toLowerCase();
  const match = options.find((option) => option.toLowerCase() === wanted);
  if (match !== undefined) return match;
  const known = options.join(', ');
  throw new AppError(
    'rejected',
    context.code,
    `"${reason}" is not a reason Kaufland accepts for ${context.what}. Use one of: ${known}.`,
    { fields: [{ field: 'reason', message: `Use one of: ${known}.` }] },
  );
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
