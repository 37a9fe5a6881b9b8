import { AppError, isAppError } from '../../core/errors.ts';
import type {
  BulkListingByFile,
  FileImportStatus,
  FileOffer,
  FileRefusalCause,
} from '../../core/ports/bulk-listing.port.ts';
import { createKauflandApi } from './kaufland.api.ts';
import { toOfferState, toStorefront } from './kaufland.mapper.ts';
import { createKauflandTransport, type TransportOptions } from './kaufland.transport.ts';
import { MAX_PAGE_SIZE } from './paging.ts';
import { createImportFilesResource, type ImportStatus } from './resources/import-files.ts';
import { createUnitsResource, type UnitsResource } from './resources/units.ts';
import { storefrontCurrency } from './storefront-currency.ts';

/**
 * The Kaufland inventory feed (reference/kaufland/NOTES.md "Inventory feed"): a CSV with a header line that
 * Kaufland downloads from a URL and imports asynchronously ("usually within a few minutes"). It REPLACES the
 * storefront's listing: units whose id_offer the file does not name are deleted by the import.
 * Columns as Kaufland's inventory file page names them; `condition` 100 is new; prices in cents.
 */
const COLUMNS = [
  'id_offer',
  'ean',
  'condition',
  'price',
  'currency',
  'count',
  'handling_time',
  'id_shipping_group',
] as const;
const CONDITION_NEW = '100';
/**
 * Unit pages read at once after an import: 100,000 units are 1,000 pages, ~60 s one after another at a
 * 50 ms round trip, ~10 s eight at a time (the pacer still keeps every call within 111 per second).
 */
const PAGES_IN_FLIGHT = 8;

/** Statuses after which nothing more happens to the file, and what they mean for the hub. */
const ENDED: Partial<Record<ImportStatus, FileImportStatus['state']>> = {
  IMPORTED: 'imported',
  DOWNLOADING_FAILED: 'rejected',
  CONVERSION_FAILED: 'rejected',
  PREPARING_FAILED: 'rejected',
  CHECKING_FAILED: 'rejected',
  PREPROCESSING_FAILED: 'rejected',
  IMPORTING_FAILED: 'rejected',
  IMPORTING_STOPPED: 'rejected',
  ABORTED: 'rejected',
};

/** The stage a failed import stopped at, in the port's words (the seller's sentence is the hub's, per language). */
const CAUSE_OF: Partial<Record<ImportStatus, FileRefusalCause>> = {
  DOWNLOADING_FAILED: 'download',
  CONVERSION_FAILED: 'unreadable',
  PREPARING_FAILED: 'unreadable',
  PREPROCESSING_FAILED: 'unreadable',
  CHECKING_FAILED: 'checked',
  IMPORTING_FAILED: 'import',
  IMPORTING_STOPPED: 'import',
  ABORTED: 'import',
};

export function kauflandFeedListing(transport: TransportOptions): BulkListingByFile {
  const api = createKauflandApi(createKauflandTransport(transport));
  const files = createImportFilesResource(api);
  const units = createUnitsResource(api);
  return {
    writeFile: (channel, offers) => ({
      contentType: 'text/csv; charset=utf-8',
      body: inventoryFeedCsv(channel, offers),
    }),
    async register(channel, url) {
      try {
        return String((await files.addInventoryFeed(toStorefront(channel), url)).id_import_file);
      } catch (error) {
        // Kaufland may have taken it: the hub looks the URL up on its next run instead of registering again.
        if (isAppError(error) && error.code === 'kaufland.outcome_unknown')
          throw new AppError('transient', 'kaufland.feed_unconfirmed', error.message, { cause: error });
        throw error;
      }
    },
    async findRegistered(channel, url) {
      const found = (await files.recentInventoryFeeds(toStorefront(channel))).find((f) => f.uri === url);
      return found && String(found.id_import_file);
    },
    async status(channel, importId) {
      const file = await files.getInventoryFeed(toStorefront(channel), Number(importId));
      const cause = CAUSE_OF[file.status];
      return {
        state: ENDED[file.status] ?? 'running',
        errorRows: file.error_count ?? 0,
        note: file.note ?? '',
        ...(cause && { cause }),
      };
    },
    listOffers: (channel) => readUnitsInParallel(units, toStorefront(channel)),
  };
}

/**
 * Offset pages fetched several at a time. Right after an import nothing else changes the listing; a unit a
 * shifted page misses is not lost: the hub then creates it alone, is told it exists, and links it.
 */
async function* readUnitsInParallel(
  units: UnitsResource,
  storefront: Parameters<UnitsResource['list']>[0]['storefront'],
) {
  const page = (offset: number) => units.list({ storefront, limit: MAX_PAGE_SIZE, offset });
  const first = await page(0);
  const total = first.pagination?.total ?? first.items.length;
  const offsets: number[] = [];
  for (let offset = MAX_PAGE_SIZE; offset < total; offset += MAX_PAGE_SIZE) offsets.push(offset);
  for (const unit of first.items) {
    const offer = toOfferState(unit);
    if (offer) yield offer;
  }
  for (let start = 0; start < offsets.length; start += PAGES_IN_FLIGHT) {
    const pages = await Promise.all(offsets.slice(start, start + PAGES_IN_FLIGHT).map(page));
    for (const unit of pages.flatMap((p) => p.items)) {
      const offer = toOfferState(unit);
      if (offer) yield offer;
    }
  }
}

/** Rows joined into one piece at a time: 100,000 rows never sit as 100,000 separate line strings at once. */
const ROWS_PER_PIECE = 1_000;

/** Semicolon-separated, one header line, fields quoted only when they hold a separator, quote or line break. */
export function inventoryFeedCsv(channel: string, offers: Iterable<FileOffer>): string {
  const currency = storefrontCurrency(channel) ?? 'EUR';
  const pieces = [`${COLUMNS.join(';')}\n`];
  let lines: string[] = [];
  for (const offer of offers) {
    const row = [
      offer.sku,
      offer.ean,
      CONDITION_NEW,
      String(offer.priceMinor),
      currency,
      String(offer.amount),
      String(offer.handlingTimeDays),
      offer.shippingGroupId === null ? '' : String(offer.shippingGroupId),
    ];
    lines.push(row.map(csvField).join(';'));
    if (lines.length === ROWS_PER_PIECE) {
      pieces.push(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) pieces.push(`${lines.join('\n')}\n`);
  return pieces.join('');
}

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
