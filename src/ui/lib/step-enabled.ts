import type { AccountSettings } from '../api-types.ts';
import type { Step } from '../dashboard-types.ts';

/** The account's switches, as the server reads them (src/sync/step-handlers.ts stepEnabled). */
export function stepEnabled(settings: AccountSettings, step: Step): boolean {
  switch (step) {
    case 'catalog':
    case 'stock':
      return settings.productStockSync;
    case 'orders':
    case 'cancellations':
    case 'documents':
    case 'returns':
      return settings.orderImport;
    case 'shipments':
      return settings.shipmentConfirmation;
  }
}
