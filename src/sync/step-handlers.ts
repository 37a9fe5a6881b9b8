import type { AccountSettings } from '../accounts/account-settings.ts';
import type { StepHandler } from './step-context.ts';
import type { Step } from './steps.ts';
import { syncCancellations } from './streams/cancellations.ts';
import { syncCatalog } from './streams/catalog.ts';
import { syncDocuments } from './streams/documents.ts';
import { syncOrders } from './streams/orders.ts';
import { withProductContent } from './streams/product-content/product-content.ts';
import { syncReturns } from './streams/returns.ts';
import { syncShipments } from './streams/shipments.ts';
import { syncStock } from './streams/stock.ts';

export const STEP_HANDLERS: Record<Step, StepHandler> = {
  catalog: withProductContent(syncCatalog),
  stock: syncStock,
  orders: syncOrders,
  shipments: syncShipments,
  cancellations: syncCancellations,
  documents: syncDocuments,
  returns: syncReturns,
};

/** The account's switches (guide: orders and shipments on from the start, products & stock when enabled). */
export function stepEnabled(settings: AccountSettings, step: Step): boolean {
  switch (step) {
    case 'catalog':
    case 'stock':
      return settings.productStockSync;
    case 'orders':
    case 'cancellations':
    case 'documents': // invoices and returns concern the orders the hub imported
    case 'returns':
      return settings.orderImport;
    case 'shipments':
      return settings.shipmentConfirmation;
  }
}
