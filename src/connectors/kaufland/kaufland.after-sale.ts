import type { ReturnLine, ReturnOutcome } from '../../core/after-sale.ts';
import { AppError, isAppError } from '../../core/errors.ts';
import { formatMinor } from '../../core/money-text.ts';
import type { MarketplaceSession } from '../../core/ports/marketplace.port.ts';
import {
  REFUND_REASONS,
  toMarketplaceDocument,
  toRefundReason,
  toReturnLine,
  toReturnNote,
  toReturnReason,
} from './kaufland.after-sale-mapper.ts';
import type { KauflandClient } from './kaufland.client.ts';
import { readAll } from './kaufland.listing.ts';
import { toKauflandTime, toVendorId } from './kaufland.mapper.ts';

type AfterSale = Pick<
  MarketplaceSession,
  | 'listOrderDocuments'
  | 'uploadOrderDocument'
  | 'listReturnLines'
  | 'getReturnLine'
  | 'setReturnOutcome'
  | 'refundLine'
  | 'refundReasons'
  | 'createReturn'
>;

const OUTCOME_STATUS = {
  accept: 'accepted',
  reject: 'rejected',
  clarify: 'clarification',
  repair: 'repair',
} as const satisfies Record<ReturnOutcome, ReturnLine['status']>;

/** The after-sale half of the Kaufland session: order invoices, returns and return units, refunds. */
export function kauflandAfterSale(client: KauflandClient): AfterSale {
  const getReturnLine = async (returnLineId: string) =>
    toReturnLine(await client.returnUnits.get(toVendorId(returnLineId, 'return line')));

  return {
    // Kaufland's own invoices (deemed supplier) are not the seller's documents: left out.
    async listOrderDocuments(orderId) {
      const invoices = await client.orderInvoices.listForOrder(orderId);
      return invoices
        .filter((invoice) => !invoice.is_marketplace_deemed_supplier)
        .sort(
          (a, b) =>
            Date.parse(a.ts_created_iso) - Date.parse(b.ts_created_iso) || a.id_invoice - b.id_invoice,
        )
        .map(toMarketplaceDocument);
    },
    async uploadOrderDocument(orderId, doc) {
      const invoice = await client.orderInvoices.upload(orderId, {
        original_name: doc.fileName,
        mime_type: 'application/pdf',
        data: Buffer.from(doc.pdf).toString('base64'),
      });
      return toMarketplaceDocument(invoice);
    },
    listReturnLines: (query) => listReturnLines(client, query.updatedSince),
    getReturnLine,
    async setReturnOutcome(returnLineId, outcome, message) {
      const id = toVendorId(returnLineId, 'return line');
      const text = message?.trim() ?? '';
      if ((outcome === 'reject' || outcome === 'clarify') && text === '') {
        throw new AppError(
          'input',
          'kaufland.message_required',
          `To ${outcome} a return, Kaufland needs a message for the buyer: say what is wrong or what you need.`,
          { fields: [{ field: 'message', message: 'Required to reject or clarify a return.' }] },
        );
      }
      try {
        await client.returnUnits.act(id, outcome, text === '' ? undefined : text);
      } catch (error) {
        // A repeat after a lost answer: Kaufland refuses it (403), but the line already is where it was sent.
        if (!isAppError(error) || error.code !== 'kaufland.forbidden') throw error;
        const line = await getReturnLine(returnLineId);
        if (line.status === OUTCOME_STATUS[outcome]) return line;
        throw error;
      }
      return getReturnLine(returnLineId);
    },
    async refundLine(orderLineId, refund) {
      const id = toVendorId(orderLineId, 'order line');
      const reason = toRefundReason(refund.reason);
      if (!Number.isSafeInteger(refund.amountMinor) || refund.amountMinor < 1) {
        throw new AppError(
          'rejected',
          'kaufland.invalid_refund_amount',
          `A refund must be a positive amount in cents, not ${refund.amountMinor}.`,
          { fields: [{ field: 'amountMinor', message: 'A positive whole number of cents.' }] },
        );
      }
      const unit = await client.orderUnits.get(id);
      if (refund.amountMinor > unit.price) {
        const asked = formatMinor(refund.amountMinor, unit.currency);
        const price = formatMinor(unit.price, unit.currency);
        throw new AppError(
          'rejected',
          'kaufland.refund_too_large',
          `A refund of ${asked} is more than the order line's price of ${price}: refund at most ${price}.`,
          { fields: [{ field: 'amountMinor', message: `At most ${price}.` }] },
        );
      }
      await client.orderUnits.refund(id, { amount: refund.amountMinor, reason });
    },
    refundReasons: REFUND_REASONS,
    async createReturn(lines) {
      const created = await client.returns.create(
        lines.map((line) => ({
          id_order_unit: toVendorId(line.orderLineId, 'order line'),
          reason: toReturnReason(line.reason),
          note: toReturnNote(line.note),
        })),
      );
      const units = [...(created.return_units ?? [])].sort((a, b) => a.id_return_unit - b.id_return_unit);
      const result: ReturnLine[] = [];
      for (const unit of units) result.push(await getReturnLine(String(unit.id_return_unit)));
      return result;
    },
  };
}

/**
 * Kaufland keeps the time of a return unit's last change on its return, and only GET /returns filters by it; so
 * the returns changed since the cursor are read (newest first, all pages), then each one's units, each with its
 * order unit. Handed out oldest change first; ties by id, so the order is stable across runs.
 */
async function* listReturnLines(
  client: KauflandClient,
  updatedSince: string | undefined,
): AsyncGenerator<ReturnLine, void, undefined> {
  const filter = {
    sort: 'ts_updated:desc',
    ts_updated_from_iso: updatedSince === undefined ? undefined : toKauflandTime(updatedSince),
  } as const;
  const returns = await readAll(
    (offset, limit) => client.returns.list({ ...filter, offset, limit }),
    (record) => record.id_return,
  );
  returns.sort(
    (a, b) => Date.parse(a.ts_updated_iso) - Date.parse(b.ts_updated_iso) || a.id_return - b.id_return,
  );
  for (const record of returns) {
    const details = await client.returns.get(record.id_return, ['return_units']);
    const units = [...(details.return_units ?? [])].sort((a, b) => a.id_return_unit - b.id_return_unit);
    for (const unit of units) yield toReturnLine(await client.returnUnits.get(unit.id_return_unit));
  }
}
