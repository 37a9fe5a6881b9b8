import type { ApiContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { ok, page, type SandboxResponse } from '../http-io.ts';
import { latestUpdate, orderDetailsView, orderView, unitsOfOrder, type OrderEmbed } from '../order-views.ts';
import { enumArray, isoParam, pagingParams, storefrontParam } from '../query.ts';
import type { Router } from '../router.ts';

export const FULFILLMENT_TYPES = ['fulfilled_by_merchant', 'fulfilled_by_kaufland'] as const;
const ORDER_EMBEDS = ['order_invoices', 'delivery', 'kss_delivery'] as const satisfies OrderEmbed[];

export function orderRoutes(router: Router<ApiContext>): void {
  router.add('GET', '/v2/orders', listOrders);
  router.add('GET', '/v2/orders/{id_order}', (ctx, params) => {
    const embedded = enumArray(ctx.query, 'embedded', ORDER_EMBEDS);
    const order = ctx.store.orders.get(params.id_order ?? '');
    if (!order || order.id_seller !== ctx.seller.id_seller) throw notFound('Order not found');
    return ok(orderDetailsView(ctx.store, order, embedded));
  });
}

/** Newest first, like order-units' default sort; `*_from_iso` filters include the given second. */
function listOrders(ctx: ApiContext): SandboxResponse {
  const storefront = storefrontParam(ctx.query, ctx.seller, false);
  const createdFrom = isoParam(ctx.query, 'ts_created_from_iso');
  const unitsUpdatedFrom = isoParam(ctx.query, 'ts_units_updated_from_iso');
  const fulfillment = enumArray(ctx.query, 'fulfillment_type', FULFILLMENT_TYPES);
  const paging = pagingParams(ctx.query, { min: 1, max: 100 });
  const merchantWanted = fulfillment.length === 0 || fulfillment.includes('fulfilled_by_merchant');
  // Map order is creation order: reversed and stably sorted, same-second orders stay newest first.
  const orders = [...ctx.store.orders.values()]
    .reverse()
    .filter((order) => order.id_seller === ctx.seller.id_seller && merchantWanted)
    .filter((order) => storefront === undefined || order.storefront === storefront)
    .filter((order) => createdFrom === undefined || Date.parse(order.ts_created_iso) >= createdFrom)
    .filter(
      (order) =>
        unitsUpdatedFrom === undefined ||
        Date.parse(latestUpdate(order, unitsOfOrder(ctx.store, order.id_order))) >= unitsUpdatedFrom,
    )
    .sort((a, b) => b.ts_created_iso.localeCompare(a.ts_created_iso));
  return page(orders, paging, (order) => orderView(ctx.store, order));
}
