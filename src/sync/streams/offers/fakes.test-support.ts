/**
 * Test support for the catalog and stock steps: an in-memory ERP and a strict in-memory marketplace that
 * count their calls, and a StepContext on a test database. Not used by the running hub.
 */
import type { Kysely } from 'kysely';
import { defaultSettings, type AccountSettings } from '../../../accounts/account-settings.ts';
import { AppError } from '../../../core/errors.ts';
import type { OfferChangeResult, OfferState } from '../../../core/offer.ts';
import type { ErpPage, ErpProduct, ErpSession } from '../../../core/ports/erp.port.ts';
import type { MarketplaceSession } from '../../../core/ports/marketplace.port.ts';
import { readErpSettings } from '../../../erp/erp-settings.ts';
import { createLogger } from '../../../logging/logger.ts';
import type { DB } from '../../../store/schema.ts';
import { readCursor, writeCursor } from '../../cursors.repository.ts';
import { raiseIssue, resolveIssues } from '../../issues.repository.ts';
import { emptyCounts } from '../../run-counts.ts';
import type { StepContext } from '../../step-context.ts';
import type { Step } from '../../steps.ts';

/** Every fake call answers on a later turn of the event loop, as real I/O does. */
const answered = () => new Promise<void>((resolve) => setImmediate(resolve));

const unexpected = (what: string) => () => {
  throw new AppError('bug', 'test.unexpected_call', `The fake was not expected to be asked to ${what}.`);
};

/** Change logs as cursors: the cursor is the index into the log of product edits or of stock moves. */
export class FakeErp {
  readonly products = new Map<string, ErpProduct>();
  private readonly edits: string[] = [];
  private readonly moves: string[] = [];
  calls = 0;
  /** Rates per currency code (units per 1 EUR) the fake company has, active; EUR is the company currency. */
  readonly rates = new Map<string, number>();
  /** Counted apart from `calls` (product and stock reads): one per stock run. */
  currencyCalls = 0;

  edit(...products: ErpProduct[]): void {
    for (const p of products) {
      this.products.set(p.sku, p);
      this.edits.push(p.sku);
    }
  }

  stock(sku: string, freeQty: number): void {
    const product = this.products.get(sku);
    if (product === undefined) return;
    this.products.set(sku, { ...product, freeQty, onHand: freeQty });
    this.moves.push(sku);
  }

  session(): ErpSession {
    const page =
      (log: string[]) =>
      async (cursor: string | null, limit = 500) => {
        await answered();
        return this.page(log, cursor, limit);
      };
    return {
      // A company in EUR with the currencies given `rates`: any other channel currency holds its prices.
      currencies: async () => {
        await answered();
        this.currencyCalls += 1;
        const others = [...this.rates].map(([code, rate]) => ({ code, active: true, rate, rounding: 0.01 }));
        return {
          companyCurrency: 'EUR',
          currencies: [{ code: 'EUR', active: true, rate: 1, rounding: 0.01 }, ...others],
        };
      },
      productsChangedSince: page(this.edits),
      stockChangedSince: page(this.moves),
      stockCursorNow: async () => {
        await answered();
        this.calls += 1;
        return String(this.moves.length);
      },
      findProductsBySku: unexpected('find products'),
      findOrCreateCustomers: unexpected('find customers'),
      findSaleOrders: unexpected('find sale orders'),
      createSaleOrders: unexpected('create sale orders'),
      cancelSaleOrder: unexpected('cancel a sale order'),
      cancelledSaleOrdersSince: unexpected('list cancelled sale orders'),
      shipmentsSince: unexpected('list shipments'),
      documentsChangedSince: unexpected('list documents'),
      saleOrderDocuments: unexpected('list documents of sale orders'),
      documentPdf: unexpected('read a PDF'),
      invoiceSaleOrder: unexpected('invoice a sale order'),
      prepareReturn: unexpected('prepare a return'),
      returnReceiptsDoneSince: unexpected('list return receipts'),
      createCreditNote: unexpected('create a credit note'),
    };
  }

  private page(log: string[], cursor: string | null, limit: number): ErpPage<ErpProduct> {
    this.calls += 1;
    const from = Number(cursor ?? 0);
    const skus = log.slice(from, from + limit);
    const items = skus.flatMap((sku) => this.products.get(sku) ?? []);
    return { items, cursor: String(from + skus.length), hasMore: from + limit < log.length };
  }
}

/** Requests counted as Kaufland would bill them: 100 offers per list page, 150 changes per bulk request. */
export class FakeMarketplace {
  readonly offers = new Map<string, OfferState>();
  requests = { list: 0, find: 0, create: 0, bulk: 0 };
  /** The most changes one `updateOffers` call carried: what the hub held in memory at once. */
  largestUpdate = 0;
  /** The next bulk update fails as a whole, as a timeout after the connector's retries would. */
  failNextUpdate = false;
  refuseChanges = new Set<string>();
  /** Creates that are accepted but not listed back (found by `findOffer` later). */
  unlistedCreates = false;
  private nextId = 1;

  list(sku: string, amount: number, priceMinor: number): OfferState {
    const offer = {
      offerId: String(this.nextId++),
      sku,
      channel: 'de',
      amount,
      priceMinor,
      handlingTimeDays: 1,
    };
    this.offers.set(sku, { ...offer, status: 'available' });
    return this.offers.get(sku)!;
  }

  session(): MarketplaceSession {
    const offers = this.offers;
    const requests = this.requests;
    return {
      offerBatchSize: 150,
      async *listOffers() {
        const all = [...offers.values()];
        requests.list += Math.max(1, Math.ceil(all.length / 100));
        await answered();
        yield* all;
      },
      findOffer: async (_channel, sku) => {
        requests.find += 1;
        await answered();
        return offers.get(sku);
      },
      createOffer: async (_channel, offer) => {
        requests.create += 1;
        await answered();
        if (offers.has(offer.sku))
          throw new AppError('rejected', 'fake.already_exists', 'The offer already exists.');
        const created = this.list(offer.sku, offer.amount, offer.priceMinor);
        return this.unlistedCreates ? undefined : created;
      },
      updateOffers: async (_channel, changes) => {
        requests.bulk += Math.ceil(changes.length / 150);
        this.largestUpdate = Math.max(this.largestUpdate, changes.length);
        await answered();
        if (this.failNextUpdate) {
          this.failNextUpdate = false;
          throw new AppError('transient', 'fake.timeout', 'The marketplace did not answer.');
        }
        return changes.map((change): OfferChangeResult => {
          if (this.refuseChanges.has(change.sku))
            return { ...change, ok: false, code: 'fake.refused', message: 'Price too high.' };
          const offer = offers.get(change.sku)!;
          offers.set(change.sku, {
            ...offer,
            amount: change.amount ?? offer.amount,
            priceMinor: change.priceMinor ?? offer.priceMinor,
            handlingTimeDays: change.handlingTimeDays ?? offer.handlingTimeDays,
          });
          return { offerId: change.offerId, sku: change.sku, ok: true };
        });
      },
      listOrderLines: unexpected('list order lines'),
      getOrderLine: unexpected('read an order line'),
      confirmShipment: unexpected('confirm a shipment'),
      cancelLine: unexpected('cancel a line'),
      listCarriers: unexpected('list carriers'),
      listOrderDocuments: unexpected('list order documents'),
      uploadOrderDocument: unexpected('upload an order document'),
      listReturnLines: unexpected('list return lines'),
      getReturnLine: unexpected('read a return line'),
      setReturnOutcome: unexpected('answer a return line'),
      refundLine: unexpected('refund a line'),
      refundReasons: [],
      createReturn: unexpected('create a return'),
    };
  }

  totalRequests(): number {
    return Object.values(this.requests).reduce((sum, n) => sum + n, 0);
  }
}

export async function addAccount(db: Kysely<DB>): Promise<string> {
  const row = await db
    .insertInto('marketplace_accounts')
    .values({
      name: `Store ${Math.random()}`,
      type: 'kaufland',
      base_url: 'http://fake',
      client_id_encrypted: 'x',
      client_id_last4: 'xxxx',
      client_secret_encrypted: 'x',
      storefronts: ['de'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function stepContext(
  db: Kysely<DB>,
  accountId: string,
  step: Step,
  sides: {
    erp: FakeErp;
    marketplace: FakeMarketplace;
    settings?: Partial<AccountSettings>;
    channels?: string[];
  },
): StepContext {
  const settings = { ...defaultSettings(), productStockSync: true, ...sides.settings };
  const now = new Date().toISOString();
  return {
    db,
    step,
    account: {
      ...{ id: accountId, name: 'Store', type: 'kaufland', clientId: '••••', baseUrl: 'http://fake' },
      ...{ status: 'connected', statusMessage: null, storefronts: ['de'], settings, lastVerifiedAt: null },
      ...{ credentialsUpdatedAt: now, createdAt: now, updatedAt: now },
    },
    channels: sides.channels ?? ['de'],
    erpSettings: readErpSettings({}),
    marketplace: sides.marketplace.session(),
    erp: sides.erp.session(),
    counts: emptyCounts(),
    logger: createLogger('silent'),
    progress: () => undefined,
    cursor: {
      read: <T>() => readCursor<T>(db, accountId, step),
      write: (value) => writeCursor(db, accountId, step, value),
    },
    issues: {
      raise: (issue) => raiseIssue(db, { ...issue, accountId, step }),
      resolve: (code, subjects) => resolveIssues(db, accountId, code, subjects),
    },
  };
}

let lastEan = 4_000_000_000_000;

/** A new product with an EAN of its own (edit one with `{ ...product, field }`). */
export function product(sku: string, freeQty: number, overrides: Partial<ErpProduct> = {}): ErpProduct {
  lastEan += 1;
  const base = {
    id: `id-${sku}`,
    sku,
    ean: String(lastEan),
    name: sku,
    price: 1000,
    freeQty,
    onHand: freeQty,
  };
  return { ...base, active: true, ...overrides };
}
