import type { components } from '../generated/openapi.d.ts';

type Schemas = components['schemas'];

/** Complete vendor objects per the 2.27.0 spec, plus an extra field the client must tolerate. */
export function unitFixture(
  overrides: Partial<Schemas['Unit']> = {},
): Schemas['Unit'] & { extra_field: string } {
  return {
    status: 'AVAILABLE',
    currency: 'EUR',
    id_unit: 123456789,
    note: null,
    condition: 'NEW',
    listing_price: 1999,
    minimum_price: 1500,
    price: 1999,
    id_offer: 'SKU-1',
    id_product: 555,
    id_shipping_group: null,
    id_warehouse: null,
    amount: 5,
    date_inserted_iso: '2024-01-01T10:00:00Z',
    date_lastchange_iso: '2024-01-02T10:00:00Z',
    handling_time: 1,
    shipping_rate: 495,
    storefront: 'de',
    transport_time_min: 1,
    transport_time_max: 3,
    fulfillment_type: 'fulfilled_by_merchant',
    vat_indicator: 'standard_rate',
    extra_field: 'from a newer API version',
    ...overrides,
  };
}

export function orderUnitFixture(overrides: Partial<Schemas['OrderUnit']> = {}): Schemas['OrderUnit'] {
  return {
    id_order_unit: 314567898654242,
    id_order: 'MRKABC1',
    ts_created_iso: '2024-03-01T09:00:00Z',
    is_marketplace_deemed_supplier: false,
    ts_updated_iso: '2024-03-01T09:20:00Z',
    status: 'need_to_be_sent',
    price: 1999,
    id_offer: 'SKU-1',
    revenue_gross: 1700,
    revenue_net: 1429,
    note: null,
    unit_condition: 'NEW',
    storefront: 'de',
    currency: 'EUR',
    delivery_time_min: 1,
    delivery_time_max: 3,
    delivery_time_expires_iso: '2024-03-04T23:59:59Z',
    order_received_timestamp_iso: null,
    shipping_rate: 495,
    cancel_reason: null,
    fulfillment_type: 'fulfilled_by_merchant',
    buyer: { id_buyer: 42, email: 'buyer@example.com' },
    billing_address: null,
    shipping_address: {
      first_name: 'Erika',
      last_name: 'Mustermann',
      company_name: null,
      street: 'Heidestraße',
      house_number: '17',
      postcode: '51147',
      additional_field: null,
      city: 'Köln',
      phone: null,
      country: 'DE',
    },
    product: null,
    vat: 19,
    ...overrides,
  };
}
