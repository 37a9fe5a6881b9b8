import { AppError } from '../../../core/errors.ts';
import type { components, operations } from '../generated/openapi.d.ts';
import type { KauflandApi } from '../kaufland.api.ts';
import { paginate } from '../paging.ts';
import { dataOf, pageOf, type Page } from '../schemas/common.ts';
import { orderUnitSchema, type OrderUnit } from '../schemas/order-unit.ts';

export type { OrderUnit, OrderUnitStatus } from '../schemas/order-unit.ts';
/** storefront, status[] and fulfillment_type[] (repeated keys), id_offer, ts_created_from_iso, ts_updated_from_iso, sort, limit ≤ 100, offset. */
export type OrderUnitListQuery = NonNullable<operations['GetOrderUnits']['parameters']['query']>;
export type OrderUnitEmbeddable = components['schemas']['OrderUnitEmbeddable'];
export type CancelReason = components['schemas']['OrderUnitCancelReason'];
export type RefundReason = components['schemas']['OrderUnitRefundReason'];

export interface Shipment {
  /** Kaufland's carrier name, exact spelling ("DHL", "Deutsche Post"); see GET /carriers. */
  carrier_code: string;
  /** Sent as ONE comma-separated string, as Kaufland expects. */
  tracking_numbers: readonly string[];
}

export interface OrderUnitsResource {
  list(query?: OrderUnitListQuery): Promise<Page<OrderUnit>>;
  iterate(query?: Omit<OrderUnitListQuery, 'offset'>): AsyncGenerator<OrderUnit, void, undefined>;
  get(idOrderUnit: number, embedded?: readonly OrderUnitEmbeddable[]): Promise<OrderUnit>;
  /** PATCH …/send → 204. One call per order unit: an order of 3 units needs 3 calls. */
  send(idOrderUnit: number, shipment: Shipment): Promise<void>;
  /** PATCH …/cancel → 204. Kaufland penalises seller cancellations above 1 % a month. */
  cancel(idOrderUnit: number, reason: CancelReason): Promise<void>;
  /** PATCH …/fulfil → 204: `open` → `need_to_be_sent`. */
  fulfil(idOrderUnit: number): Promise<void>;
  /**
   * PATCH …/refund → 204: `amount` cents back to the buyer. Sent once: Kaufland lists no refunds, so a failure that
   * leaves the outcome open is `kaufland.outcome_unknown`, never retried; a refusal is `kaufland.refund_refused`.
   */
  refund(idOrderUnit: number, refund: { amount: number; reason: RefundReason }): Promise<void>;
}

const orderUnitPageSchema = pageOf(orderUnitSchema);
const orderUnitBodySchema = dataOf(orderUnitSchema);

export function createOrderUnitsResource(api: KauflandApi): OrderUnitsResource {
  async function list(query: OrderUnitListQuery = {}): Promise<Page<OrderUnit>> {
    const body = await api.json({ method: 'GET', path: '/order-units', query }, orderUnitPageSchema);
    return { items: body.data, pagination: body.pagination };
  }

  function patch(
    path:
      | '/order-units/{id_order_unit}/send'
      | '/order-units/{id_order_unit}/cancel'
      | '/order-units/{id_order_unit}/fulfil',
    idOrderUnit: number,
    body?: unknown,
  ) {
    return api.noContent({ method: 'PATCH', path, pathParams: { id_order_unit: idOrderUnit }, body });
  }

  return {
    list,
    iterate: (query = {}) =>
      paginate((offset, limit) => list({ ...query, offset, limit }), { limit: query.limit }),
    async get(idOrderUnit, embedded) {
      const call = {
        method: 'GET',
        path: '/order-units/{id_order_unit}',
        pathParams: { id_order_unit: idOrderUnit },
        query: { embedded },
      } as const;
      return (await api.json(call, orderUnitBodySchema)).data;
    },
    send: async (idOrderUnit, shipment) =>
      patch('/order-units/{id_order_unit}/send', idOrderUnit, {
        carrier_code: shipment.carrier_code,
        tracking_numbers: joinTrackingNumbers(idOrderUnit, shipment.tracking_numbers),
      } satisfies components['schemas']['OrderUnitSendRequest']),
    cancel: async (idOrderUnit, reason) =>
      patch('/order-units/{id_order_unit}/cancel', idOrderUnit, {
        reason,
      } satisfies components['schemas']['OrderUnitCancelRequest']),
    fulfil: async (idOrderUnit) => patch('/order-units/{id_order_unit}/fulfil', idOrderUnit),
    refund: async (idOrderUnit, refund) =>
      api.noContent({
        method: 'PATCH',
        path: '/order-units/{id_order_unit}/refund',
        pathParams: { id_order_unit: idOrderUnit },
        body: {
          amount: refund.amount,
          reason: refund.reason,
        } satisfies components['schemas']['OrderUnitRefundRequest'],
        refusal: {
          code: 'kaufland.refund_refused',
          advice:
            "A refund may not exceed what is left of the order line's price after earlier refunds, and the line must have been shipped.",
        },
        once: `the refund of ${refund.amount} cents on order unit ${idOrderUnit}`,
      }),
  };
}

/** A comma inside one number would silently become two numbers on Kaufland's side, so it is refused here. */
export function joinTrackingNumbers(idOrderUnit: number, trackingNumbers: readonly string[]): string {
  const numbers = trackingNumbers.map((number) => number.trim()).filter((number) => number !== '');
  const bad = numbers.find((number) => number.includes(','));
  if (bad !== undefined) {
    throw new AppError(
      'rejected',
      'kaufland.invalid_tracking_number',
      `Tracking number "${bad}" for order unit ${idOrderUnit} contains a comma; Kaufland reads commas as separators.`,
      { fields: [{ field: 'tracking_numbers', message: 'One tracking number must not contain a comma.' }] },
    );
  }
  return numbers.join(',');
}
