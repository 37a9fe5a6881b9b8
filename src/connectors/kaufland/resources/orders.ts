import type { components, operations } from '../generated/openapi.d.ts';
import type { KauflandApi } from '../kaufland.api.ts';
import { paginate } from '../paging.ts';
import { dataOf, pageOf, type Page } from '../schemas/common.ts';
import { orderDetailsSchema, orderSchema, type Order, type OrderDetails } from '../schemas/order.ts';

export type { Order, OrderDetails } from '../schemas/order.ts';
/** storefront, ts_created_from_iso, ts_units_updated_from_iso, fulfillment_type[] (repeated), limit ≤ 100, offset. */
export type OrderListQuery = NonNullable<operations['GetOrders']['parameters']['query']>;
export type OrderEmbeddable = components['schemas']['OrderEmbeddable'];

export interface OrdersResource {
  /** GET /orders: headers only (no units, no addresses). */
  list(query?: OrderListQuery): Promise<Page<Order>>;
  iterate(query?: Omit<OrderListQuery, 'offset'>): AsyncGenerator<Order, void, undefined>;
  /** GET /orders/{id_order}: the order with all its units, buyer and addresses. */
  get(idOrder: string, embedded?: readonly OrderEmbeddable[]): Promise<OrderDetails>;
}

const orderPageSchema = pageOf(orderSchema);
const orderBodySchema = dataOf(orderDetailsSchema);

export function createOrdersResource(api: KauflandApi): OrdersResource {
  async function list(query: OrderListQuery = {}): Promise<Page<Order>> {
    const body = await api.json({ method: 'GET', path: '/orders', query }, orderPageSchema);
    return { items: body.data, pagination: body.pagination };
  }

  return {
    list,
    iterate: (query = {}) =>
      paginate((offset, limit) => list({ ...query, offset, limit }), { limit: query.limit }),
    async get(idOrder, embedded) {
      const call = {
        method: 'GET',
        path: '/orders/{id_order}',
        pathParams: { id_order: idOrder },
        query: { embedded },
      } as const;
      return (await api.json(call, orderBodySchema)).data;
    },
  };
}
