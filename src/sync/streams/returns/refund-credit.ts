import type { Kysely } from 'kysely';
import { toAppError } from '../../../core/errors.ts';
import type { ErpSession } from '../../../core/ports/erp.port.ts';
import type { DB } from '../../../store/schema.ts';

export const ISSUE_REFUND_NOT_BOOKED = 'order.refund_not_booked';

export interface RefundToBook {
  id: string;
  amount_minor: number;
  currency: string;
  reason: string;
  erp_order_id: string;
}

/**
 * Books a refund the marketplace has paid as a credit note for that amount on the sale order, once (the ERP
 * finds it by the refund's reference on a repeat). A refusal is recorded on the refund and answered as its
 * message; other errors are thrown, and the returns step tries again.
 */
export async function bookRefund(
  db: Kysely<DB>,
  erp: ErpSession,
  refund: RefundToBook,
  options: { accountType: string; post: boolean },
): Promise<{ ok: true; name: string } | { ok: false; message: string }> {
  try {
    const note = await erp.createCreditNote(refund.erp_order_id, {
      ref: `${options.accountType}:refund:${refund.id}`,
      reason: `Refund: ${refund.reason}`,
      amountMinor: refund.amount_minor,
      currency: refund.currency,
      post: options.post,
    });
    await db
      .updateTable('hub_refunds')
      .set({ erp_credit_note_id: note.id, erp_credit_note_name: note.number, erp_credit_note_at: new Date() })
      .where('id', '=', refund.id)
      .execute();
    return { ok: true, name: note.number };
  } catch (thrown) {
    const error = toAppError(thrown);
    if (error.kind !== 'rejected') throw error;
    await db
      .updateTable('hub_refunds')
      .set({ erp_credit_error: error.message })
      .where('id', '=', refund.id)
      .execute();
    return { ok: false, message: error.message };
  }
}

/** Refunds paid on the marketplace whose credit note is still missing (the request ended before booking it). */
export function refundsToBook(db: Kysely<DB>, accountId: string) {
  return db
    .selectFrom('hub_refunds as f')
    .innerJoin('hub_orders as o', 'o.id', 'f.order_id')
    .select([
      'f.id',
      'f.amount_minor',
      'f.currency',
      'f.reason',
      'o.erp_order_id',
      'o.erp_order_name',
      'o.marketplace_order_id',
    ])
    .where('f.account_id', '=', accountId)
    .where('f.sent_at', 'is not', null)
    .where('f.erp_credit_note_id', 'is', null)
    .where('f.erp_credit_error', 'is', null)
    .where('o.erp_order_id', 'is not', null)
    .orderBy('f.requested_at')
    .execute();
}
