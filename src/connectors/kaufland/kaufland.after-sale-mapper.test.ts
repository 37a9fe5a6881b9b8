import { describe, expect, it } from 'vitest';
import {
  REFUND_REASONS,
  toMarketplaceDocument,
  toRefundReason,
  toReturnLine,
  toReturnNote,
  toReturnReason,
} from './kaufland.after-sale-mapper.ts';
import { orderInvoiceSchema } from './schemas/order-invoice.ts';
import { returnUnitDetailsSchema } from './schemas/return.ts';
import { orderUnitFixture } from './test-support/fixtures.ts';

function returnUnit(overrides: Record<string, unknown> = {}, parcel: Record<string, unknown> = {}) {
  return returnUnitDetailsSchema.parse({
    id_return_unit: 7896580917,
    id_return: 56987456,
    id_order_unit: 314567898654242,
    ts_created_iso: '2025-05-01T10:00:00Z',
    status: 'return_arrived',
    note: ' Zipper broken ',
    reason: 'defect',
    storefront: 'de',
    fulfillment_type: 'fulfilled_by_merchant',
    return: {
      id_return: 56987456,
      ts_created_iso: '2025-05-01T10:00:00Z',
      ts_updated_iso: '2025-05-03T08:30:00Z',
      storefront: 'de',
      tracking_provider: 'DHL',
      tracking_code: '0034A, 0034B',
      status: 'package_received',
      fulfillment_type: 'fulfilled_by_merchant',
      ...parcel,
    },
    order_unit: orderUnitFixture(),
    ...overrides,
  });
}

describe('return unit → return line', () => {
  it('maps ids, order, SKU, reason, note, tracking and takes the time of change from the return', () => {
    expect(toReturnLine(returnUnit())).toEqual({
      returnLineId: '7896580917',
      returnId: '56987456',
      orderId: 'MRKABC1',
      orderLineId: '314567898654242',
      channel: 'de',
      sku: 'SKU-1',
      status: 'arrived',
      reason: 'defect',
      buyerNote: 'Zipper broken',
      trackingNumbers: ['0034A', '0034B'],
      carrierCode: 'DHL',
      createdAt: '2025-05-01T10:00:00Z',
      updatedAt: '2025-05-03T08:30:00Z',
    });
  });

  it.each([
    ['need_to_be_returned', 'announced'],
    ['return_arrived', 'arrived'],
    ['return_accepted', 'accepted'],
    ['return_rejected', 'rejected'],
    ['return_in_clarification', 'clarification'],
    ['return_in_repair', 'repair'],
    ['return_closed', 'closed'],
  ])('maps status %s to %s', (vendor, core) => {
    expect(toReturnLine(returnUnit({ status: vendor })).status).toBe(core);
  });

  it('keeps what is missing as null or empty: no note, no tracking, no provider', () => {
    const line = toReturnLine(returnUnit({ note: null }, { tracking_code: null, tracking_provider: ' ' }));
    expect(line).toMatchObject({ buyerNote: null, trackingNumbers: [], carrierCode: null });
  });

  it('refuses a return unit read without its order unit (the schema asks for it)', () => {
    expect(() => returnUnitDetailsSchema.parse({ ...returnUnit(), order_unit: undefined })).toThrow();
  });
});

describe('documents, reasons, notes', () => {
  it('maps an order invoice to a document', () => {
    const invoice = orderInvoiceSchema.parse({
      id_invoice: 918273645,
      id_order: 'MB7UWLD',
      storefront: 'de',
      is_marketplace_deemed_supplier: false,
      original_name: 'invoice_MB7UWLD.pdf',
      mime_type: 'application/pdf',
      url: 'https://example.invalid/x',
      ts_created_iso: '2021-07-24T19:26:05Z',
    });
    expect(toMarketplaceDocument(invoice)).toEqual({
      id: '918273645',
      fileName: 'invoice_MB7UWLD.pdf',
      createdAt: '2021-07-24T19:26:05Z',
    });
  });

  it('matches refund and return reasons case-insensitively and refuses others naming the choices', () => {
    expect(REFUND_REASONS).toHaveLength(8);
    expect(toRefundReason(' Delivery_Damage ')).toBe('delivery_damage');
    expect(toReturnReason('WRONG_SIZE')).toBe('wrong_size');
    expect(() => toRefundReason('goodwill')).toThrow(
      expect.objectContaining({
        kind: 'rejected',
        code: 'kaufland.unknown_refund_reason',
        message: expect.stringContaining('delivery_damage, delivery_delay'),
      }),
    );
    expect(() => toReturnReason('meh')).toThrow(
      expect.objectContaining({ code: 'kaufland.unknown_return_reason' }),
    );
  });

  it('fits a return note into Kaufland’s 5 to 100 characters', () => {
    expect(toReturnNote(undefined)).toBe('Return registered by the seller');
    expect(toReturnNote('Hi')).toBe('Return registered by the seller: Hi');
    expect(toReturnNote('Scratch on the display')).toBe('Scratch on the display');
    const long = toReturnNote('x'.repeat(150));
    expect(long).toHaveLength(100);
    expect(long.endsWith('…')).toBe(true);
  });
});
