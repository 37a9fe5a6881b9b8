import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import type { OrderLineStatus } from '../../core/order.ts';
import {
  failedChange,
  toBulkUpdate,
  toCancelReason,
  toCountryCode,
  toKauflandTime,
  toNewUnit,
  toOfferChangeResult,
  toOfferState,
  toOrderLine,
  toOrderUnitStatuses,
  toStorefront,
  toVendorId,
} from './kaufland.mapper.ts';
import type { OrderUnit, OrderUnitStatus } from './resources/order-units.ts';
import { orderUnitSchema } from './schemas/order-unit.ts';
import { unitSchema } from './schemas/unit.ts';
import { orderUnitFixture, unitFixture } from './test-support/fixtures.ts';

/** Fixtures go through the client's own schemas, so the mapper sees exactly what the client hands out. */
const orderUnit = (overrides: Parameters<typeof orderUnitFixture>[0] = {}): OrderUnit =>
  orderUnitSchema.parse(orderUnitFixture(overrides));
const unit = (overrides: Parameters<typeof unitFixture>[0] = {}) => unitSchema.parse(unitFixture(overrides));

const address = {
  first_name: ' Erika ',
  last_name: 'Mustermann',
  company_name: 'Muster GmbH',
  street: 'Heidestraße',
  house_number: '17a',
  postcode: '51147',
  additional_field: 'Hinterhaus',
  city: 'Köln',
  phone: '',
  country: 'de',
};

describe('order unit → order line', () => {
  it('maps ids, money, VAT, times, buyer and both addresses', () => {
    const line = toOrderLine({
      ...orderUnit({
        billing_address: address,
        shipping_address: { ...address, company_name: null, additional_field: '  ', country: 'AUT' },
      }),
      product: { id_product: 9, title: 'Kaffeemühle', eans: ['4006381333931'] },
    });
    expect(line).toEqual({
      lineId: '314567898654242',
      orderId: 'MRKABC1',
      channel: 'de',
      sku: 'SKU-1',
      title: 'Kaffeemühle',
      status: 'to_ship',
      currency: 'EUR',
      priceMinor: 1999,
      shippingMinor: 495,
      vatPercent: 19,
      deemedSupplier: false,
      createdAt: '2024-03-01T09:00:00Z',
      updatedAt: '2024-03-01T09:20:00Z',
      buyer: { externalId: '42', email: 'buyer@example.com' },
      billingAddress: {
        firstName: 'Erika',
        lastName: 'Mustermann',
        company: 'Muster GmbH',
        street: 'Heidestraße',
        houseNumber: '17a',
        extra: 'Hinterhaus',
        postcode: '51147',
        city: 'Köln',
        country: 'DE',
        phone: null,
      },
      shippingAddress: expect.objectContaining({ company: null, extra: null, country: 'AT' }),
    });
  });

  it('keeps what Kaufland withholds as null: addresses of an open unit, a unit without offer or VAT', () => {
    const line = toOrderLine(
      orderUnit({
        status: 'open',
        id_offer: null,
        vat: null,
        buyer: null,
        billing_address: null,
        shipping_address: null,
      }),
    );
    expect(line).toMatchObject({
      status: 'open',
      sku: null,
      title: null,
      vatPercent: null,
      buyer: null,
      billingAddress: null,
      shippingAddress: null,
    });
  });

  it.each<[OrderUnitStatus, OrderLineStatus]>([
    ['open', 'open'],
    ['need_to_be_sent', 'to_ship'],
    ['sent', 'shipped'],
    ['received', 'received'],
    ['sent_and_autopaid', 'received'],
    ['cancelled', 'cancelled'],
    ['returned', 'returned'],
    ['returned_paid', 'returned'],
  ])('maps status %s to %s', (vendor, core) => {
    expect(toOrderLine(orderUnit({ status: vendor })).status).toBe(core);
  });

  it('asks for every Kaufland status behind the hub statuses, once each', () => {
    expect(toOrderUnitStatuses(['to_ship'])).toEqual(['need_to_be_sent']);
    expect(toOrderUnitStatuses(['received', 'returned', 'received'])).toEqual([
      'received',
      'sent_and_autopaid',
      'returned',
      'returned_paid',
    ]);
    expect(toOrderUnitStatuses([])).toEqual([]);
  });

  it('turns alpha-3 countries into alpha-2 and leaves other values upper-cased', () => {
    expect(['DE', 'de ', 'DEU', 'usa', 'cze'].map(toCountryCode)).toEqual(['DE', 'DE', 'DE', 'US', 'CZ']);
    expect(toCountryCode('Deutschland')).toBe('DEUTSCHLAND');
  });
});

describe('unit ⇄ offer', () => {
  it('maps a unit to the offer state', () => {
    expect(toOfferState(unit({ id_unit: 77, amount: 3, listing_price: 2499, handling_time: 2 }))).toEqual({
      offerId: '77',
      sku: 'SKU-1',
      channel: 'de',
      amount: 3,
      priceMinor: 2499,
      handlingTimeDays: 2,
      status: 'available',
    });
    expect(toOfferState(unit({ status: 'ONHOLD' }))?.status).toBe('on_hold');
    expect(toOfferState(unit({ status: 'INCOMPLETE' }))?.status).toBe('other');
  });

  it('skips a unit without SKU: it cannot be joined with the ERP', () => {
    expect(toOfferState(unit({ id_offer: null }))).toBeUndefined();
    expect(toOfferState(unit({ id_offer: ' ' }))).toBeUndefined();
  });

  it('builds the POST /units body, with the shipping group only when set', () => {
    const offer = {
      sku: 'SKU-9',
      ean: '4006381333931',
      amount: 4,
      priceMinor: 1299,
      handlingTimeDays: 1,
      shippingGroupId: null,
    };
    expect(toNewUnit(offer)).toEqual({
      id_offer: 'SKU-9',
      ean: '4006381333931',
      amount: 4,
      listing_price: 1299,
      handling_time: 1,
      condition: 'NEW',
    });
    expect(toNewUnit({ ...offer, shippingGroupId: 12 })).toMatchObject({ id_shipping_group: 12 });
  });

  it('refuses an offer without EAN as rejected', () => {
    const offer = {
      sku: 'S',
      ean: null,
      amount: 1,
      priceMinor: 1,
      handlingTimeDays: 1,
      shippingGroupId: null,
    };
    expect(() => toNewUnit(offer)).toThrow(
      expect.objectContaining({ kind: 'rejected', code: 'kaufland.ean_required' }),
    );
  });

  it('sends only the fields that change', () => {
    expect(toBulkUpdate({ offerId: '5', sku: 'S', amount: 0 })).toEqual({
      id_unit: 5,
      unit_data: { amount: 0 },
    });
    expect(toBulkUpdate({ offerId: '5', sku: 'S', amount: 2, priceMinor: 999, handlingTimeDays: 3 })).toEqual(
      { id_unit: 5, unit_data: { amount: 2, listing_price: 999, handling_time: 3 } },
    );
    expect(() => toBulkUpdate({ offerId: 'abc', sku: 'S', amount: 1 })).toThrow(
      expect.objectContaining({ kind: 'rejected', code: 'kaufland.invalid_offer_id' }),
    );
  });

  it('turns bulk results into change results', () => {
    const change = { offerId: '5', sku: 'S', amount: 1 };
    const updated = unit({ id_unit: 5 });
    expect(toOfferChangeResult(change, { id_unit: 5, ok: true, status_code: 200, unit: updated })).toEqual({
      offerId: '5',
      sku: 'S',
      ok: true,
    });
    const invalid = {
      id_unit: 5,
      ok: false as const,
      status_code: 400,
      message: 'Parameters are missing or have wrong value.',
      fields: [{ field: 'amount', message: 'must be at most 99999' }],
    };
    expect(toOfferChangeResult(change, invalid)).toEqual({
      offerId: '5',
      sku: 'S',
      ok: false,
      code: 'kaufland.bad_request',
      message: 'Parameters are missing or have wrong value. (amount: must be at most 99999)',
    });
    expect(
      toOfferChangeResult(change, { ...invalid, status_code: 404, message: 'Unit not found', fields: [] }),
    ).toMatchObject({ ok: false, code: 'kaufland.not_found', message: 'Unit not found' });
    expect(toOfferChangeResult(change, { ...invalid, status_code: 503 })).toMatchObject({
      code: 'kaufland.server_error',
    });
    expect(toOfferChangeResult(change, undefined)).toMatchObject({ ok: false, code: 'kaufland.no_result' });
    expect(failedChange(change, new AppError('rejected', 'kaufland.bad_request', 'nope'))).toEqual({
      offerId: '5',
      sku: 'S',
      ok: false,
      code: 'kaufland.bad_request',
      message: 'nope',
    });
  });
});

describe('checks before a call', () => {
  it('accepts Kaufland cancel reasons in any case and refuses others with the list', () => {
    expect(toCancelReason('NoInventory')).toBe('NoInventory');
    expect(toCancelReason(' buyercancelled ')).toBe('BuyerCancelled');
    expect(() => toCancelReason('OutOfStock')).toThrow(
      expect.objectContaining({
        kind: 'rejected',
        code: 'kaufland.unknown_cancel_reason',
        message: expect.stringContaining('NoInventory, DelayedInventory'),
      }),
    );
  });

  it('knows the storefronts of spec 2.27.0', () => {
    expect(toStorefront('de')).toBe('de');
    expect(toStorefront('CZ')).toBe('cz');
    expect(() => toStorefront('es')).toThrow(
      expect.objectContaining({ kind: 'config', code: 'kaufland.unknown_storefront' }),
    );
  });

  it('reads vendor ids from the hub strings', () => {
    expect(toVendorId('314567898654242', 'order line')).toBe(314567898654242);
    for (const bad of ['', '0', '-1', '1.5', '12a', '99999999999999999']) {
      expect(() => toVendorId(bad, 'order line')).toThrow(
        expect.objectContaining({ kind: 'rejected', code: 'kaufland.invalid_line_id' }),
      );
    }
  });

  it('writes filter times as the spec asks, cutting milliseconds', () => {
    expect(toKauflandTime('2024-03-01T10:00:00.999Z')).toBe('2024-03-01T10:00:00Z');
    expect(toKauflandTime('2024-03-01T12:00:00+02:00')).toBe('2024-03-01T10:00:00Z');
    expect(() => toKauflandTime('yesterday')).toThrow(expect.objectContaining({ kind: 'bug' }));
  });
});
