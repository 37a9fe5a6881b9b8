import type { ErpConnector, ErpCredentials, ErpScope, ErpSession } from '../../core/ports/erp.port.ts';
import { cancelledSaleOrdersSince } from './models/cancelled-orders.ts';
import { createCreditNote } from './models/credit-notes.ts';
import { documentPdf } from './models/document-pdf.ts';
import { documentsChangedSince, saleOrderDocuments } from './models/documents.ts';
import { invoiceSaleOrder } from './models/invoicing.ts';
import { prepareReturn, returnReceiptsDoneSince } from './models/returns.ts';
import { CountryIds } from './models/countries.ts';
import { CompanyCurrency, readCurrencies } from './models/currencies.ts';
import { findOrCreateCustomers } from './models/partners.ts';
import { OdooScope } from './models/scope.ts';
import { ShippingProduct } from './models/shipping-product.ts';
import { OrderMoneyCache } from './models/order-money-cache.ts';
import { shipmentsSince } from './models/pickings.ts';
import { readProductContent } from './models/product-content.ts';
import { findProductsBySku, productsChangedSince } from './models/products.ts';
import { cancelSaleOrder, createSaleOrders, findSaleOrders } from './models/sale-orders.ts';
import { stockChangedSince, stockCursorNow } from './models/stock.ts';
import { connectOdoo, type OdooClient } from './odoo.client.ts';
import { parseOdooSettings, type OdooConnectionInput } from './odoo.settings.ts';
import { verifyConnection } from './verify.ts';

/** The sync's view of one Odoo account: connects on first use, then keeps the client (and its uid). */
export function openOdooSession(input: OdooConnectionInput, erpScope?: ErpScope): ErpSession {
  const settings = parseOdooSettings(input);
  const scope = new OdooScope(erpScope);
  let client: Promise<OdooClient> | undefined;
  const countries = new CountryIds();
  const companyCurrency = new CompanyCurrency();
  const shippingProduct = new ShippingProduct();
  const orderMoney = new OrderMoneyCache();
  const connected = (): Promise<OdooClient> => {
    client ??= connectOdoo(settings).catch((error: unknown) => {
      client = undefined;
      throw error;
    });
    return client;
  };
  return {
    currencies: async (codes) => readCurrencies(await connected(), codes, companyCurrency),
    productsChangedSince: async (cursor, limit) =>
      productsChangedSince(await connected(), cursor, limit, scope),
    stockChangedSince: async (cursor, limit) => stockChangedSince(await connected(), cursor, limit, scope),
    stockCursorNow: async () => stockCursorNow(await connected()),
    findProductsBySku: async (skus) => findProductsBySku(await connected(), skus, scope),
    findOrCreateCustomers: async (inputs) => findOrCreateCustomers(await connected(), inputs, countries),
    findSaleOrders: async (refs) => findSaleOrders(await connected(), refs),
    createSaleOrders: async (orders) =>
      createSaleOrders(await connected(), orders, shippingProduct, settings.orderTaxIds, orderMoney),
    cancelSaleOrder: async (id) => cancelSaleOrder(await connected(), id),
    cancelledSaleOrdersSince: async (cursor, limit) =>
      cancelledSaleOrdersSince(await connected(), cursor, limit),
    shipmentsSince: async (cursor, limit) => shipmentsSince(await connected(), cursor, limit),
    documentsChangedSince: async (cursor, limit) => documentsChangedSince(await connected(), cursor, limit),
    saleOrderDocuments: async (ids) => saleOrderDocuments(await connected(), ids),
    documentPdf: async (id) => documentPdf(await connected(), id),
    invoiceSaleOrder: async (id) => invoiceSaleOrder(await connected(), id),
    prepareReturn: async (id, input) => prepareReturn(await connected(), id, input),
    returnReceiptsDoneSince: async (cursor, limit) =>
      returnReceiptsDoneSince(await connected(), cursor, limit),
    createCreditNote: async (id, input) => createCreditNote(await connected(), id, input),
    productContent: async (skus) => readProductContent(await connected(), skus),
  };
}

export const odooConnector: ErpConnector = {
  type: 'odoo',
  displayName: 'Odoo',
  verifyConnection,
  open: (credentials: ErpCredentials, options) =>
    openOdooSession({ ...credentials, onCall: options?.onCall }, options?.scope),
};

export { connectOdoo, OdooClient } from './odoo.client.ts';
export type { OdooConnectionInput, OdooSettingsInput } from './odoo.settings.ts';
export { verifyConnection } from './verify.ts';
export { createProducts } from './models/products.ts';
export { setStock } from './models/stock.ts';
export { validatePicking } from './models/validate-picking.ts';
