import type { DesiredOffer, OfferState } from '../offer.ts';

/**
 * Listing many offers as one file the marketplace downloads from the hub (issue 13), instead of one call per
 * offer. A marketplace session that can do it has `bulkListing`; the hub checks for it and otherwise creates
 * offers one by one. The file REPLACES the channel's whole listing (what it does not name is ended), so the hub
 * writes every offer the channel keeps into it, not only the new ones.
 */
export interface BulkListingByFile {
  /**
   * The file for one channel: every row is an offer the channel has afterwards. Rows are read once, in order, so
   * the hub can hand them over as they are made instead of holding a second copy of every offer.
   */
  writeFile(channel: string, offers: Iterable<FileOffer>): { contentType: string; body: string };
  /** Tells the marketplace where to download the file; answers its id there. */
  register(channel: string, url: string): Promise<string>;
  /** The id of a file already registered under this URL (a crash between registering and recording it). */
  findRegistered(channel: string, url: string): Promise<string | undefined>;
  /** How far the marketplace is with the file. */
  status(channel: string, importId: string): Promise<FileImportStatus>;
  /** Every offer on the channel once a file was imported, read as fast as the marketplace allows. */
  listOffers(channel: string): AsyncIterable<OfferState>;
}

/** One row: what the hub wants listed, with the product's EAN (the file names products by it). */
export type FileOffer = Omit<DesiredOffer, 'ean'> & { ean: string };

export interface FileImportStatus {
  /** running: not finished; imported: every valid row applied; rejected: the whole file refused. */
  state: 'running' | 'imported' | 'rejected';
  /** Rows the marketplace could not apply (it does not say which). */
  errorRows: number;
  /** The marketplace's own words about the file, e.g. why it refused it. */
  note: string;
  /** When refused: at which stage, so the seller reads it in their language (the note stays the marketplace's). */
  cause?: FileRefusalCause;
}

/** download: it could not fetch the file; unreadable: not a file it can read; checked: its check refused the
 * content; import: the import itself failed or was stopped. */
export type FileRefusalCause = 'download' | 'unreadable' | 'checked' | 'import';
