import { createHash } from 'node:crypto';
import type { SessionMemory } from '../../core/session-memory.ts';
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
import { InstalledLanguages, readProductTexts } from './models/product-texts.ts';
import { findProductsBySku, productsChangedSince } from './models/products.ts';
import { cancelSaleOrder, createSaleOrders, findSaleOrders } from './models/sale-orders.ts';
import { stockChangedSince, stockCursorNow } from './models/stock.ts';
import { connectOdoo, type OdooClient, type OdooSignIn } from './odoo.client.ts';
import { parseOdooSettings, type OdooConnectionInput, type OdooSettings } from './odoo.settings.ts';
import { verifyConnection } from './verify.ts';

/**
 * What one connection's sessions learn once and may share through a SessionMemory: the sign-in (2 calls) and the
 * records read once per session (the scope's stock location, countries, company currency, shipping product,
 * pricelists and taxes; up to ~7 calls for an orders run; the installed languages for product texts).
 */
interface Learnt {
  signIn?: Promise<OdooSignIn | undefined>;
  scope: OdooScope;
  countries: CountryIds;
  companyCurrency: CompanyCurrency;
  shippingProduct: ShippingProduct;
  orderMoney: OrderMoneyCache;
  languages: InstalledLanguages;
}

/**
 * The sync's view of one Odoo account: connects on first use, then keeps the client (and its uid). With `memory`
 * (a worker's, src/core/session-memory.ts) it starts from what an earlier session of the same connection learnt,
 * and forgets that on any error or refused order, so a stale id costs one run at most.
 */
export function openOdooSession(
  input: OdooConnectionInput,
  erpScope?: ErpScope,
  memory?: SessionMemory,
): ErpSession {
  const settings = parseOdooSettings(input);
  const fresh = (): Learnt => ({
    scope: new OdooScope(erpScope),
    countries: new CountryIds(),
    companyCurrency: new CompanyCurrency(),
    shippingProduct: new ShippingProduct(),
    orderMoney: new OrderMoneyCache(),
    languages: new InstalledLanguages(),
  });
  const key = memory && memoryKey(settings, erpScope);
  const learnt = memory && key ? memory.recall(key, fresh) : fresh();
  const forget = () => {
    if (memory && key) memory.forget(key, learnt);
  };
  const connect = async (): Promise<OdooClient> => {
    const known = await learnt.signIn;
    if (known) return connectOdoo(settings, known);
    const made = connectOdoo(settings);
    learnt.signIn = made.then(
      (client) => ({ version: client.version, uid: client.uid }),
      () => undefined,
    );
    return made;
  };
  let client: Promise<OdooClient> | undefined;
  const use = async <T>(work: (client: OdooClient) => Promise<T>): Promise<T> => {
    client ??= connect().catch((error: unknown) => {
      client = undefined;
      throw error;
    });
    try {
      return await work(await client);
    } catch (error) {
      forget();
      throw error;
    }
  };
  // A refusal may come from an id remembered from an earlier run (a pricelist or tax deleted in Odoo since).
  const forgetOnRefusal = <T extends readonly { ok: boolean }[]>(outcomes: T): T => {
    if (outcomes.some((outcome) => !outcome.ok)) forget();
    return outcomes;
  };
  const { scope, countries, companyCurrency, shippingProduct, orderMoney, languages } = learnt;
  return {
    currencies: (codes) => use((c) => readCurrencies(c, codes, companyCurrency)),
    productsChangedSince: (cursor, limit) => use((c) => productsChangedSince(c, cursor, limit, scope)),
    stockChangedSince: (cursor, limit) => use((c) => stockChangedSince(c, cursor, limit, scope)),
    stockCursorNow: () => use((c) => stockCursorNow(c)),
    findProductsBySku: (skus) => use((c) => findProductsBySku(c, skus, scope)),
    findOrCreateCustomers: (inputs) =>
      use(async (c) => forgetOnRefusal(await findOrCreateCustomers(c, inputs, countries))),
    findSaleOrders: (refs) => use((c) => findSaleOrders(c, refs)),
    createSaleOrders: (orders) =>
      use(async (c) =>
        forgetOnRefusal(await createSaleOrders(c, orders, shippingProduct, settings.orderTaxIds, orderMoney)),
      ),
    cancelSaleOrder: (id) => use((c) => cancelSaleOrder(c, id)),
    cancelledSaleOrdersSince: (cursor, limit) => use((c) => cancelledSaleOrdersSince(c, cursor, limit)),
    shipmentsSince: (cursor, limit) => use((c) => shipmentsSince(c, cursor, limit)),
    documentsChangedSince: (cursor, limit) => use((c) => documentsChangedSince(c, cursor, limit)),
    saleOrderDocuments: (ids) => use((c) => saleOrderDocuments(c, ids)),
    documentPdf: (id) => use((c) => documentPdf(c, id)),
    invoiceSaleOrder: (id) => use((c) => invoiceSaleOrder(c, id)),
    prepareReturn: (id, input) => use((c) => prepareReturn(c, id, input)),
    returnReceiptsDoneSince: (cursor, limit) => use((c) => returnReceiptsDoneSince(c, cursor, limit)),
    createCreditNote: (id, input) => use((c) => createCreditNote(c, id, input)),
    productContent: (skus) => use((c) => readProductContent(c, skus)),
    productTexts: (skus, language) => use((c) => readProductTexts(c, skus, language, languages)),
  };
}

/** The connection, its credentials and the scope: anything that makes a remembered id or sign-in another's. */
function memoryKey(settings: OdooSettings, scope: ErpScope | undefined): string {
  const { url, database, login, secret, transport, orderTaxIds } = settings;
  const facts = JSON.stringify([url, database, login, secret, transport, orderTaxIds ?? null, scope ?? null]);
  return `odoo:${createHash('sha256').update(facts).digest('hex')}`;
}

export const odooConnector: ErpConnector = {
  type: 'odoo',
  displayName: 'Odoo',
  verifyConnection,
  open: (credentials: ErpCredentials, options) =>
    openOdooSession({ ...credentials, onCall: options?.onCall }, options?.scope, options?.memory),
};

export { connectOdoo, OdooClient } from './odoo.client.ts';
export type { OdooConnectionInput, OdooSettingsInput } from './odoo.settings.ts';
export { verifyConnection } from './verify.ts';
export { createProducts } from './models/products.ts';
export { setStock } from './models/stock.ts';
export { validatePicking } from './models/validate-picking.ts';
