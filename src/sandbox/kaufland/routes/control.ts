import { parseJsonBody, validateBody } from '../body.ts';
import type { ControlContext } from '../context.ts';
import {
  setStatusSchema,
  type AddSellerInput,
  type BuyerReturnInput,
  type CreateOrderInput,
  type ReturnArrivalInput,
} from '../control-schemas.ts';
import type { FaultInput } from '../faults.ts';
import { noContent, ok } from '../http-io.ts';
import { forceStatus } from '../order-unit-actions.ts';
import { productDataBook } from '../product-data.ts';
import { orderDetailsView, orderUnitView } from '../order-views.ts';
import { createOrder } from '../orders-factory.ts';
import { buyerStartsReturn, forceReturnUnitStatus, parcelArrives } from '../returns.ts';
import { returnUnitView } from '../return-unit-view.ts';
import { returnDetailsView } from '../return-views.ts';
import { idParam } from '../query.ts';
import type { Router } from '../router.ts';
import { addSeller, rotateKeys } from '../sellers.ts';
import { stateView } from '../state-view.ts';

/** The unsigned control API under /_sandbox (README.md "Control API"); bodies are checked as strictly as /v2's. */
export function controlRoutes(router: Router<ControlContext>): void {
  router.add('POST', '/_sandbox/sellers', ({ store, rawBody }) => {
    const input = rawBody.length === 0 ? {} : (parseJsonBody(rawBody) as AddSellerInput);
    return ok(addSeller(store, input), 201);
  });
  router.add('POST', '/_sandbox/sellers/{client_key}/rotate-keys', ({ store }, params) =>
    ok(rotateKeys(store, params.client_key ?? '')),
  );
  router.add('POST', '/_sandbox/orders', ({ store, rawBody }) => {
    const order = createOrder(store, parseJsonBody(rawBody) as CreateOrderInput);
    return ok(orderDetailsView(store, order), 201);
  });
  router.add('PATCH', '/_sandbox/order-units/{id_order_unit}', ({ store, rawBody }, params) => {
    const { status } = validateBody(setStatusSchema, parseJsonBody(rawBody));
    return ok(orderUnitView(store, forceStatus(store, idParam(params, 'id_order_unit'), status)));
  });
  router.add('POST', '/_sandbox/returns', ({ store, rawBody }) => {
    const record = buyerStartsReturn(store, parseJsonBody(rawBody) as BuyerReturnInput);
    return ok(returnDetailsView(store, record, ['buyer', 'return_units']), 201);
  });
  router.add('POST', '/_sandbox/returns/{id_return}/arrive', ({ store, rawBody }, params) => {
    const input = rawBody.length === 0 ? {} : (parseJsonBody(rawBody) as ReturnArrivalInput);
    const record = parcelArrives(store, idParam(params, 'id_return'), input);
    return ok(returnDetailsView(store, record, ['buyer', 'return_units']));
  });
  router.add('PATCH', '/_sandbox/return-units/{id_return_unit}', ({ store, rawBody }, params) => {
    const unit = forceReturnUnitStatus(store, idParam(params, 'id_return_unit'), parseJsonBody(rawBody));
    return ok(returnUnitView(unit));
  });
  router.add('GET', '/_sandbox/faults', ({ core }) => ok(core.faults.current()));
  router.add('POST', '/_sandbox/faults', ({ core, rawBody }) =>
    ok(core.faults.set(parseJsonBody(rawBody) as FaultInput)),
  );
  router.add('GET', '/_sandbox/state', ({ core, store }) => ok(stateView(store, core.faults.current())));
  router.add('POST', '/_sandbox/reset', ({ core, store }) => {
    store.clear();
    productDataBook(store).clear();
    core.limiter.reset();
    core.faults.set({ rate: 0 });
    return noContent();
  });
}
