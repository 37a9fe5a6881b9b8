import { z } from 'zod';
import type { AfterSaleService, RefundResult } from '../../after-sale/after-sale.service.ts';
import type { OrderAfterSale, ReturnRow } from '../../views/after-sale.queries.ts';
import { RETURN_STATUSES } from '../../views/after-sale.queries.ts';
import { responseOf } from './same-shape.ts';

/** The answers of the Returns page and an order's after-sale part (after-sale.routes.ts). */

export const returnRow = responseOf<ReturnRow>()(
  z.object({
    id: z.string(),
    accountId: z.string(),
    accountName: z.string(),
    orderId: z.string().nullable().describe('The hub’s order, null for an order the hub never imported'),
    marketplaceOrderId: z.string(),
    marketplaceReturnId: z.string(),
    lineId: z.string(),
    sku: z.string().nullable(),
    product: z.string().nullable(),
    reason: z.string().nullable(),
    buyerNote: z.string().nullable(),
    status: z.enum(RETURN_STATUSES),
    trackingNumbers: z.array(z.string()),
    carrierCode: z.string().nullable(),
    erpReturnName: z.string().nullable(),
    erpReturnDoneAt: z.string().nullable(),
    outcome: z.string().nullable(),
    outcomeSource: z.string().nullable(),
    outcomeError: z.string().nullable(),
    creditNote: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    answerable: z.boolean().describe('The marketplace still takes an answer'),
  }),
);

export const returnsResponse = z.object({ returns: z.array(returnRow), total: z.number() });

export const returnAnswerResponse = responseOf<Awaited<ReturnType<AfterSaleService['answerReturn']>>>()(
  z.object({ status: z.string(), outcome: z.string() }),
);

const unit = z.object({
  lineId: z.string(),
  sku: z.string().nullable(),
  reason: z.string().nullable().optional(),
});

const afterSaleEvent = z.object({
  event: z.enum([
    'invoice_uploaded',
    'credit_note_uploaded',
    'return_announced',
    'return_arrived',
    'return_received',
    'return_accepted',
    'return_rejected',
    'return_clarification',
    'return_repair',
    'return_closed',
    'credit_note',
    'refund',
  ]),
  at: z.string(),
  document: z.string().nullable(),
  detail: z.string(),
  facts: z.object({
    fileName: z.string().optional(),
    returnId: z.string().optional(),
    units: z.array(unit).optional(),
    lineId: z.string().optional(),
    sku: z.string().nullable().optional(),
    reason: z.string().nullable().optional(),
    message: z.string().nullable().optional(),
    amountMinor: z.number().optional(),
    currency: z.string().optional(),
  }),
});

export const orderAfterSaleResponse = responseOf<OrderAfterSale & { refundReasons: readonly string[] }>()(
  z.object({
    documents: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['invoice', 'credit_note']),
        number: z.string(),
        totalMinor: z.number(),
        currency: z.string(),
        fileName: z.string(),
        uploadedAt: z.string().nullable(),
        skippedReason: z.string().nullable(),
        uploadError: z.string().nullable(),
      }),
    ),
    returns: z.array(returnRow),
    refunds: z.array(
      z.object({
        id: z.string(),
        lineId: z.string(),
        sku: z.string().nullable(),
        amountMinor: z.number(),
        currency: z.string(),
        reason: z.string(),
        requestedAt: z.string(),
        sentAt: z.string().nullable(),
        sendError: z.string().nullable(),
        creditNote: z.string().nullable(),
      }),
    ),
    events: z.array(afterSaleEvent),
    refundReasons: z.array(z.string()).readonly().describe('The reasons the marketplace takes for a refund'),
  }),
);

export const refundResponse = responseOf<RefundResult>()(
  z.object({
    id: z.string(),
    amountMinor: z.number(),
    currency: z.string(),
    reason: z.string(),
    sentAt: z.string().nullable(),
    creditNote: z.string().nullable(),
    creditNoteError: z.string().nullable(),
    repeated: z.boolean().describe('True when this key had been used before: nothing was sent this time'),
  }),
);
