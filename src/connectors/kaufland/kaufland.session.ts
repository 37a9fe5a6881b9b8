import { isAppError } from '../../core/errors.ts';
import type { OfferState } from '../../core/offer.ts';
import type { OrderLine } from '../../core/order.ts';
import type {
  CallRecord,
  MarketplaceCredentials,
  MarketplaceSession,
  MarketplaceSessionOptions,
} from '../../core/ports/marketplace.port.ts';
import { kauflandAfterSale } from './kaufland.after-sale.ts';
import { createKauflandClient, type KauflandClient, type KauflandClientOptions } from './kaufland.client.ts';
import { kauflandFeedListing } from './kaufland.feed-listing.ts';
import { readAll } from './kaufland.listing.ts';
import {
  toCancelReason,
  toKauflandTime,
  toNewUnit,
  toOfferState,
  toOrderLine,
  toOrderUnitStatuses,
  toStorefront,
  toVendorId,
} from './kaufland.mapper.ts';
import { updateUnits } from './kaufland.offer-updates.ts';
import { kauflandProductContent } from './kaufland.product-content.ts';
import type { CallMetric } from './kaufland.transport.ts';
import { BULK_MAX_UNITS } from './resources/units-bulk.ts';
import type { Storefront } from './resources/units.ts';

/** Transport tuning (retries, timeout, logger, user agent); keys and base URL come from the credentials. */
export type KauflandSessionOptions = MarketplaceSessionOptions &
  Partial<Omit<KauflandClientOptions, 'baseUrl' | 'clientKey' | 'secretKey' | 'onCall'>>;

/** The transport's default per-attempt timeout; an exchange without an answer that lasted this long timed out. */
const DEFAULT_TIMEOUT_MS = 30_000;

/** The sync's view of one Kaufland seller account (the `MarketplaceSession` port) on the Seller API client. */
const UNTRACKED_CARRIER = 'Other';

export function openKauflandSession(
  credentials: MarketplaceCredentials,
  options: KauflandSessionOptions = {},
): MarketplaceSession {
  const { onCall, ...transport } = options;
  const timeoutMs = transport.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const clientOptions = {
    ...transport,
    baseUrl: credentials.baseUrl,
    clientKey: credentials.clientId,
    secretKey: credentials.clientSecret,
    onCall: onCall && ((metric: CallMetric) => onCall(toCallRecord(metric, timeoutMs))),
  };
  const client = createKauflandClient(clientOptions);

  async function findOffer(storefront: Storefront, sku: string): Promise<OfferState | undefined> {
    const units = await client.units.listByOffer(storefront, sku);
    const unit = units.find((candidate) => candidate.id_offer === sku);
    return unit && toOfferState(unit);
  }

  return {
    offerBatchSize: BULK_MAX_UNITS,
    bulkListing: kauflandFeedListing(clientOptions),
    async *listOffers(channel) {
      for await (const unit of client.units.iterate({ storefront: toStorefront(channel) })) {
        const offer = toOfferState(unit);
        if (offer) yield offer;
      }
    },
    findOffer: async (channel, sku) => findOffer(toStorefront(channel), sku),
    async createOffer(channel, offer) {
      const storefront = toStorefront(channel);
      const created = await client.units.create(storefront, toNewUnit(offer));
      if (created.unit) return toOfferState(created.unit);
      return readBack(client, storefront, created.id_unit, () => findOffer(storefront, offer.sku));
    },
    updateOffers: async (channel, changes) => updateUnits(client.units, toStorefront(channel), changes),
    listOrderLines: (query) => listOrderLines(client, query),
    getOrderLine: async (lineId) =>
      toOrderLine(await client.orderUnits.get(toVendorId(lineId, 'order line'))),
    // Kaufland refuses a real carrier without a tracking number; "Other" is its code for untracked parcels.
    confirmShipment: async (lineId, shipment) =>
      client.orderUnits.send(toVendorId(lineId, 'order line'), {
        carrier_code: shipment.trackingNumbers.length > 0 ? shipment.carrierCode : UNTRACKED_CARRIER,
        tracking_numbers: shipment.trackingNumbers,
      }),
    cancelLine: async (lineId, reason) =>
      client.orderUnits.cancel(toVendorId(lineId, 'order line'), toCancelReason(reason)),
    listCarriers: async () => (await client.carriers.list()).map((carrier) => carrier.name),
    ...kauflandAfterSale(client),
    ...kauflandProductContent(client),
  };
}

/**
 * After a create answered with only a Location header. GET /units/{id} sees a new unit at once, while list
 * results lag by minutes, so the id from the Location is tried first, the SKU search only without one. The
 * unit exists either way: a failed read-back must not fail the create (a retry would then be refused as a
 * duplicate id_offer), it only leaves the offer to be found on a later run.
 */
async function readBack(
  client: KauflandClient,
  storefront: Storefront,
  idUnit: number | undefined,
  findBySku: () => Promise<OfferState | undefined>,
): Promise<OfferState | undefined> {
  try {
    return idUnit === undefined
      ? await findBySku()
      : toOfferState(await client.units.get(storefront, idUnit));
  } catch (error) {
    if (isAppError(error) && (error.kind === 'transient' || error.kind === 'rejected')) return undefined;
    throw error;
  }
}

/**
 * Kaufland lists newest first only, so the whole result is read (one call per 100 lines: buyer, addresses and
 * product come with every line) and handed out oldest first. Callers bound it with `createdSince`/`updatedSince`.
 * No statuses means every status. Ties in time go by id, so the order is stable across runs.
 */
async function* listOrderLines(
  client: KauflandClient,
  query: Parameters<MarketplaceSession['listOrderLines']>[0],
): AsyncGenerator<OrderLine, void, undefined> {
  const byUpdate = query.updatedSince !== undefined;
  const filter = {
    storefront: toStorefront(query.channel),
    status: toOrderUnitStatuses(query.statuses),
    ts_created_from_iso: query.createdSince === undefined ? undefined : toKauflandTime(query.createdSince),
    ts_updated_from_iso: query.updatedSince === undefined ? undefined : toKauflandTime(query.updatedSince),
    sort: byUpdate ? 'ts_updated:desc' : 'ts_created:desc',
  } as const;
  const units = await readAll(
    (offset, limit) => client.orderUnits.list({ ...filter, offset, limit }),
    (unit) => unit.id_order_unit,
  );
  const key = byUpdate ? 'ts_updated_iso' : 'ts_created_iso';
  units.sort((a, b) => Date.parse(a[key]) - Date.parse(b[key]) || a.id_order_unit - b.id_order_unit);
  for (const unit of units) yield toOrderLine(unit);
}

function toCallRecord(metric: CallMetric, timeoutMs: number): CallRecord {
  const status = metric.status !== 0 ? metric.status : metric.ms >= timeoutMs ? 'timeout' : 'network_error';
  return { system: 'kaufland', method: metric.method, endpoint: metric.endpoint, status, ms: metric.ms };
}
