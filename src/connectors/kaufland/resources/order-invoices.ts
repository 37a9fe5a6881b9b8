import type { components, operations } from '../generated/openapi.d.ts';
import type { KauflandApi } from '../kaufland.api.ts';
import { dataOf, pageOf, type Page } from '../schemas/common.ts';
import { orderInvoiceSchema, orderWithInvoicesSchema, type OrderInvoice } from '../schemas/order-invoice.ts';

export type { OrderInvoice } from '../schemas/order-invoice.ts';
/** storefront, ts_created_from_iso, limit ≤ 100, offset: no per-order filter (see `listForOrder`). */
export type OrderInvoiceListQuery = NonNullable<operations['GetOrderInvoices']['parameters']['query']>;
export type OrderInvoiceUpload = components['schemas']['OrderInvoiceUploadRequest'];

export interface OrderInvoicesResource {
  /** GET /order-invoices: every invoice of the seller, paged. */
  list(query?: OrderInvoiceListQuery): Promise<Page<OrderInvoice>>;
  /** One order's invoices, through GET /orders/{id_order}?embedded=order_invoices (one call). */
  listForOrder(idOrder: string): Promise<OrderInvoice[]>;
  /** POST /order-invoices/{id_order} → 201. A refused file is AppError `kaufland.document_refused`. */
  upload(idOrder: string, file: OrderInvoiceUpload): Promise<OrderInvoice>;
  get(idOrder: string, idInvoice: number): Promise<OrderInvoice>;
  /** DELETE … → 204. */
  delete(idOrder: string, idInvoice: number): Promise<void>;
}

const invoicePageSchema = pageOf(orderInvoiceSchema);
const invoiceBodySchema = dataOf(orderInvoiceSchema);
const orderBodySchema = dataOf(orderWithInvoicesSchema);

const DOCUMENT_REFUSED = {
  code: 'kaufland.document_refused',
  advice:
    'Kaufland takes one PDF per upload (MIME type application/pdf, a file name ending in .pdf, a few MB at most): ' +
    'fix the document in the ERP, then let AdlerDo upload it again.',
};

export function createOrderInvoicesResource(api: KauflandApi): OrderInvoicesResource {
  const one = (idOrder: string, idInvoice: number) =>
    ({
      path: '/order-invoices/{id_order}/{id_invoice}',
      pathParams: { id_order: idOrder, id_invoice: idInvoice },
    }) as const;
  return {
    async list(query = {}) {
      const body = await api.json({ method: 'GET', path: '/order-invoices', query }, invoicePageSchema);
      return { items: body.data, pagination: body.pagination };
    },
    async listForOrder(idOrder) {
      const call = {
        method: 'GET',
        path: '/orders/{id_order}',
        pathParams: { id_order: idOrder },
        query: { embedded: ['order_invoices'] },
      } as const;
      return (await api.json(call, orderBodySchema)).data.order_invoices ?? [];
    },
    async upload(idOrder, file) {
      const call = {
        method: 'POST',
        path: '/order-invoices/{id_order}',
        pathParams: { id_order: idOrder },
        body: file,
        refusal: DOCUMENT_REFUSED,
        lookedUpBeforeRetry: true,
      } as const;
      return (await api.json(call, invoiceBodySchema)).data;
    },
    get: async (idOrder, idInvoice) =>
      (await api.json({ method: 'GET', ...one(idOrder, idInvoice) }, invoiceBodySchema)).data,
    delete: async (idOrder, idInvoice) => api.noContent({ method: 'DELETE', ...one(idOrder, idInvoice) }),
  };
}
