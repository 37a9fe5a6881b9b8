import type { ApiContext, ControlContext } from '../context.ts';
import { Router } from '../router.ts';
import { carrierRoutes } from './carriers.ts';
import { controlRoutes } from './control.ts';
import { importFileControlRoutes, importFileRoutes } from './import-files.ts';
import { infoRoutes } from './info.ts';
import { orderInvoiceRoutes } from './order-invoices.ts';
import { orderUnitActionRoutes } from './order-unit-actions.ts';
import { orderUnitRoutes } from './order-units.ts';
import { orderRoutes } from './orders.ts';
import { catalogueControlRoutes, productDataRoutes } from './product-data.ts';
import { subscriptionControlRoutes, subscriptionRoutes } from './subscriptions.ts';
import { returnUnitRoutes } from './return-units.ts';
import { returnRoutes } from './returns.ts';
import { bulkRoutes } from './units-bulk.ts';
import { unitRoutes } from './units.ts';

export function apiRouter(): Router<ApiContext> {
  const router = new Router<ApiContext>();
  infoRoutes(router);
  carrierRoutes(router);
  // Before units.ts so that POST /units/bulk is never read as a unit id.
  bulkRoutes(router);
  unitRoutes(router);
  orderRoutes(router);
  orderUnitRoutes(router);
  orderUnitActionRoutes(router);
  subscriptionRoutes(router);
  importFileRoutes(router);
  orderInvoiceRoutes(router);
  returnRoutes(router);
  returnUnitRoutes(router);
  productDataRoutes(router);
  return router;
}

export function controlRouter(): Router<ControlContext> {
  const router = new Router<ControlContext>();
  controlRoutes(router);
  subscriptionControlRoutes(router);
  importFileControlRoutes(router);
  catalogueControlRoutes(router);
  return router;
}
