/** A marketplace order as the hub sees it, vendor-neutral. Money in minor units of `currency`. */
export type OrderLineStatus = 'open' | 'to_ship' | 'shipped' | 'received' | 'cancelled' | 'returned';

export interface PostalAddress {
  firstName: string;
  lastName: string;
  company: string | null;
  street: string;
  houseNumber: string;
  extra: string | null;
  postcode: string;
  city: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  phone: string | null;
}

export interface Buyer {
  /** The marketplace's id of the buyer, stable across orders. */
  externalId: string;
  email: string | null;
}

export interface OrderLine {
  lineId: string;
  orderId: string;
  channel: string;
  /** Null when the marketplace line names no offer (then it cannot be matched and becomes an issue). */
  sku: string | null;
  title: string | null;
  status: OrderLineStatus;
  currency: string;
  /** Gross item price as the buyer paid it. */
  priceMinor: number;
  shippingMinor: number;
  /** VAT rate in percent, when the marketplace says. */
  vatPercent: number | null;
  /**
   * The marketplace itself is the seller of record towards the buyer and issues the invoice (EU deemed
   * supplier rules): the seller uploads no invoice for such a line.
   */
  deemedSupplier: boolean;
  createdAt: string;
  updatedAt: string;
  buyer: Buyer | null;
  billingAddress: PostalAddress | null;
  shippingAddress: PostalAddress | null;
}
