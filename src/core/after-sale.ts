/**
 * What happens to an order after the sale, vendor-neutral: the documents (invoices, credit notes) on an
 * order, the buyer's returns line by line, and the seller's answers to them. Money in minor units.
 */

/**
 * Where one returned line stands. `announced`: the buyer registered it, the parcel is on its way;
 * `arrived`: the parcel is at the seller's; then the seller's outcome (`accepted`, `rejected`, in
 * `clarification` with the buyer, in `repair`); `closed`: the marketplace ended it.
 */
export type ReturnLineStatus =
  'announced' | 'arrived' | 'accepted' | 'rejected' | 'clarification' | 'repair' | 'closed';

/** One order line the buyer sends back (every marketplace order line is quantity 1). */
export interface ReturnLine {
  returnLineId: string;
  /** The return (one parcel, one or more lines of the same order) this line belongs to. */
  returnId: string;
  orderId: string;
  orderLineId: string;
  channel: string;
  sku: string | null;
  status: ReturnLineStatus;
  /** The marketplace's reason code as given by the buyer (e.g. "defect"), null when none. */
  reason: string | null;
  buyerNote: string | null;
  /** Tracking of the return parcel, empty until the marketplace knows one. */
  trackingNumbers: string[];
  carrierCode: string | null;
  createdAt: string;
  /** Last change of the line or its return (the listing cursor runs on this). */
  updatedAt: string;
}

/** A document (invoice, credit note) attached to a marketplace order. */
export interface MarketplaceDocument {
  id: string;
  fileName: string;
  createdAt: string | null;
}

/** The seller's answer to an arrived return line. */
export type ReturnOutcome = 'accept' | 'reject' | 'clarify' | 'repair';
