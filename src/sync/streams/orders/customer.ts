import type { ErpAddress, ErpCustomerInput } from '../../../core/ports/erp.port.ts';
import type { Buyer, PostalAddress } from '../../../core/order.ts';

function toErpAddress(address: PostalAddress): ErpAddress {
  return {
    name: `${address.firstName} ${address.lastName}`.trim(),
    company: address.company,
    street: `${address.street} ${address.houseNumber}`.trim(),
    street2: address.extra,
    zip: address.postcode,
    city: address.city,
    countryCode: address.country,
    phone: address.phone,
  };
}

/**
 * The ERP customer for a marketplace buyer: keyed by marketplace and buyer id (a buyer keeps that id across
 * orders), with the billing address as the invoice contact and the shipping address as the delivery contact.
 * Undefined when the marketplace has not released the addresses yet.
 */
export function customerInput(
  marketplace: string,
  buyer: Buyer | null,
  billing: PostalAddress | null,
  shipping: PostalAddress | null,
): ErpCustomerInput | undefined {
  if (!buyer || !shipping) return undefined;
  return {
    externalId: `${marketplace}:${buyer.externalId}`,
    email: buyer.email,
    invoiceAddress: toErpAddress(billing ?? shipping),
    shippingAddress: toErpAddress(shipping),
  };
}
