import { parseJsonBody, validateBody } from '../body.ts';
import type { ApiContext } from '../context.ts';
import { noContent } from '../http-io.ts';
import {
  cancelOrderUnit,
  findOrderUnit,
  fulfilOrderUnit,
  refundOrderUnit,
  sendOrderUnit,
} from '../order-unit-actions.ts';
import { idParam } from '../query.ts';
import type { Router } from '../router.ts';
import { cancelSchema, refundSchema, sendSchema } from '../schemas.ts';

/** Each answers 204 or: 404 unknown unit, 400 invalid body, 403 when the unit's status does not allow the action. */
export function orderUnitActionRoutes(router: Router<ApiContext>): void {
  router.add('PATCH', '/v2/order-units/{id_order_unit}/send', (ctx, params) => {
    const unit = findOrderUnit(ctx.store, ctx.seller, idParam(params, 'id_order_unit'));
    sendOrderUnit(ctx.store, unit, validateBody(sendSchema, parseJsonBody(ctx.rawBody)));
    return noContent();
  });
  router.add('PATCH', '/v2/order-units/{id_order_unit}/cancel', (ctx, params) => {
    const unit = findOrderUnit(ctx.store, ctx.seller, idParam(params, 'id_order_unit'));
    cancelOrderUnit(ctx.store, unit, validateBody(cancelSchema, parseJsonBody(ctx.rawBody)).reason);
    return noContent();
  });
  router.add('PATCH', '/v2/order-units/{id_order_unit}/fulfil', (ctx, params) => {
    fulfilOrderUnit(ctx.store, findOrderUnit(ctx.store, ctx.seller, idParam(params, 'id_order_unit')));
    return noContent();
  });
  router.add('PATCH', '/v2/order-units/{id_order_unit}/refund', (ctx, params) => {
    const unit = findOrderUnit(ctx.store, ctx.seller, idParam(params, 'id_order_unit'));
    refundOrderUnit(ctx.store, unit, validateBody(refundSchema, parseJsonBody(ctx.rawBody)));
    return noContent();
  });
}
