import { parseJsonBody } from '../body.ts';
import type { ApiContext } from '../context.ts';
import { noContent, ok, page, type SandboxResponse } from '../http-io.ts';
import { deleteInvoice, findInvoice, invoiceView, uploadInvoice } from '../invoices.ts';
import { idParam, isoParam, pagingParams, storefrontParam } from '../query.ts';
import type { Router } from '../router.ts';

export function orderInvoiceRoutes(router: Router<ApiContext>): void {
  router.add('GET', '/v2/order-invoices', listInvoices);
  router.add('POST', '/v2/order-invoices/{id_order}', (ctx, params) => {
    const invoice = uploadInvoice(ctx.store, ctx.seller, params.id_order ?? '', parseJsonBody(ctx.rawBody));
    return ok(invoiceView(ctx.store, invoice), 201);
  });
  router.add('GET', '/v2/order-invoices/{id_order}/{id_invoice}', (ctx, params) => {
    const invoice = findInvoice(ctx.store, ctx.seller, params.id_order ?? '', idParam(params, 'id_invoice'));
    return ok(invoiceView(ctx.store, invoice));
  });
  router.add('DELETE', '/v2/order-invoices/{id_order}/{id_invoice}', (ctx, params) => {
    const invoice = findInvoice(ctx.store, ctx.seller, params.id_order ?? '', idParam(params, 'id_invoice'));
    deleteInvoice(ctx.store, invoice);
    return noContent();
  });
}

/** Every invoice of the seller, oldest first (as in Kaufland's example); the spec has no per-order filter here. */
function listInvoices(ctx: ApiContext): SandboxResponse {
  const storefront = storefrontParam(ctx.query, ctx.seller, false);
  const createdFrom = isoParam(ctx.query, 'ts_created_from_iso');
  const paging = pagingParams(ctx.query, { min: 1, max: 100 });
  const invoices = [...ctx.store.invoices.values()]
    .filter((invoice) => invoice.id_seller === ctx.seller.id_seller)
    .filter((invoice) => storefront === undefined || invoice.storefront === storefront)
    .filter((invoice) => createdFrom === undefined || Date.parse(invoice.ts_created_iso) >= createdFrom);
  return page(invoices, paging, (invoice) => invoiceView(ctx.store, invoice));
}
