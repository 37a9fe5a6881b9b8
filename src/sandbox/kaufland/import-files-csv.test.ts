import { describe, expect, it } from 'vitest';
import { inventoryFeedCsv } from '../../connectors/kaufland/kaufland.feed-listing.ts';
import { parseFeedCsv } from './import-files-csv.ts';

describe('inventory feed CSV: what the hub writes is what the sandbox reads', () => {
  it('keeps SKUs with separators, quotes and line breaks intact, one row per offer', () => {
    const offers = [
      {
        sku: 'PLAIN-1',
        ean: '4006381333931',
        amount: 3,
        priceMinor: 1299,
        handlingTimeDays: 1,
        shippingGroupId: null,
      },
      {
        sku: 'A;B "C"',
        ean: '4006381333948',
        amount: 0,
        priceMinor: 1,
        handlingTimeDays: 0,
        shippingGroupId: 7,
      },
      {
        sku: 'LINE\nBREAK',
        ean: '4006381333955',
        amount: 99_999,
        priceMinor: 5,
        handlingTimeDays: 100,
        shippingGroupId: null,
      },
    ];
    const table = parseFeedCsv(inventoryFeedCsv('cz', offers));
    expect(table.header).toEqual([
      'id_offer',
      'ean',
      'condition',
      'price',
      'currency',
      'count',
      'handling_time',
      'id_shipping_group',
    ]);
    expect(table.rows.map((r) => r.fields.id_offer)).toEqual(['PLAIN-1', 'A;B "C"', 'LINE\nBREAK']);
    expect(table.rows[1]?.fields).toMatchObject({
      price: '1',
      currency: 'CZK',
      count: '0',
      id_shipping_group: '7',
    });
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('takes the separator from the header and skips blank lines', () => {
    const table = parseFeedCsv(
      '\uFEFFean,price,id_offer\r\n4006381333931,499,X-1\r\n\r\n4006381333948,,X-2\r\n',
    );
    expect(table.rows.map((r) => r.fields)).toEqual([
      { ean: '4006381333931', price: '499', id_offer: 'X-1' },
      { ean: '4006381333948', price: '', id_offer: 'X-2' },
    ]);
  });
});
