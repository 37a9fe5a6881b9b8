import { apiRequest } from './api.ts';
import type { ReturnAnswerInput, RefundInput } from '../after-sale/after-sale-input.ts';
import type { RefundResult } from '../after-sale/after-sale.service.ts';
import type { ReturnsQuery } from '../http/schemas/after-sale.schemas.ts';
import type { AfterSaleEvent, OrderAfterSale, ReturnRow } from '../views/after-sale.queries.ts';

/** The JSON of the after-sale routes (src/http/routes/after-sale.routes.ts), types from the server's own code. */
export type { AfterSaleEvent, RefundResult, ReturnRow, ReturnsQuery };
export type ReturnStatus = ReturnRow['status'];
export type AfterSale = OrderAfterSale & { refundReasons: string[] };

const id = (value: string) => encodeURIComponent(value);

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const afterSaleApi = {
  returns: (params: Partial<ReturnsQuery>) =>
    apiRequest<{ returns: ReturnRow[]; total: number }>('GET', `/api/returns${query(params)}`),
  answer: (returnLineId: string, answer: ReturnAnswerInput) =>
    apiRequest<{ status: string; outcome: string }>(
      'POST',
      `/api/returns/${id(returnLineId)}/answer`,
      answer,
    ),
  order: (orderId: string) => apiRequest<AfterSale>('GET', `/api/orders/${id(orderId)}/after-sale`),
  refund: (orderId: string, input: RefundInput) =>
    apiRequest<RefundResult>('POST', `/api/orders/${id(orderId)}/refunds`, input),
};
