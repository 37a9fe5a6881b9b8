import { createKauflandApi } from './kaufland.api.ts';
import { createKauflandTransport, type TransportOptions } from './kaufland.transport.ts';
import { createCarriersResource, type CarriersResource } from './resources/carriers.ts';
import { createInfoResource, type InfoResource } from './resources/info.ts';
import { createOrderInvoicesResource, type OrderInvoicesResource } from './resources/order-invoices.ts';
import { createOrderUnitsResource, type OrderUnitsResource } from './resources/order-units.ts';
import { createOrdersResource, type OrdersResource } from './resources/orders.ts';
import { createProductDataResource, type ProductDataResource } from './resources/product-data.ts';
import { createReturnUnitsResource, type ReturnUnitsResource } from './resources/return-units.ts';
import { createReturnsResource, type ReturnsResource } from './resources/returns.ts';
import { createStatusResource, type StatusResource } from './resources/status.ts';
import { createUnitsResource, type UnitsResource } from './resources/units.ts';

/** `baseUrl` includes `/v2` (https://sellerapi.kaufland.com/v2 or a sandbox's); the rest tunes the transport. */
export type KauflandClientOptions = TransportOptions;

export interface KauflandClient {
  /** Where calls go, e.g. https://sellerapi.kaufland.com: for messages and logs. */
  readonly origin: string;
  readonly status: StatusResource;
  readonly info: InfoResource;
  readonly units: UnitsResource;
  readonly orders: OrdersResource;
  readonly orderUnits: OrderUnitsResource;
  readonly carriers: CarriersResource;
  readonly orderInvoices: OrderInvoicesResource;
  readonly returns: ReturnsResource;
  readonly returnUnits: ReturnUnitsResource;
  readonly productData: ProductDataResource;
}

/** Throws AppError `config` at once for an unusable base URL or keys with spaces/line breaks. */
export function createKauflandClient(options: KauflandClientOptions): KauflandClient {
  const transport = createKauflandTransport(options);
  const api = createKauflandApi(transport);
  return {
    origin: transport.origin,
    status: createStatusResource(api),
    info: createInfoResource(api),
    units: createUnitsResource(api),
    orders: createOrdersResource(api),
    orderUnits: createOrderUnitsResource(api),
    carriers: createCarriersResource(api),
    orderInvoices: createOrderInvoicesResource(api),
    returns: createReturnsResource(api),
    returnUnits: createReturnUnitsResource(api),
    productData: createProductDataResource(api),
  };
}
