import { describe, expect, it } from 'vitest';
import { testInstance } from '../instance.test-support.ts';
import { searchRecords } from './search.ts';

/**
 * Index lookups and the partial sort only make searches faster: each domain gives what a full scan and a full
 * sort give. `'!', '!', leaf` means the leaf but hides it from the index lookup, which only reads top-level
 * leaves.
 */
function instance() {
  const odoo = testInstance();
  const db = odoo.store;
  // Codes of every kind a client can write into a char field, and write_dates with ties and gaps.
  const codes: unknown[] = [
    '5',
    5,
    '05',
    'A',
    'a',
    false,
    '',
    'NaN',
    'true',
    0,
    '0',
    '-0',
    7.5,
    '7.5',
    null,
    true,
  ];
  for (let i = 0; i < 60; i += 1) {
    db.insert('product.product', {
      name: `P${i % 7}`,
      default_code: codes[i % codes.length],
      barcode: i % 3 === 0 ? false : String(1000 + (i % 11)),
      list_price: i % 4,
      active: i % 9 !== 0,
      type: i % 10 === 0 ? 'service' : 'product',
      product_tmpl_id: false,
      taxes_id: [1],
      write_date: `2024-05-01 10:00:0${i % 4}`,
    });
  }
  return odoo;
}

const hidden = (domain: unknown[]): unknown[] =>
  domain.map((term) => (Array.isArray(term) ? ['!', '!', term] : term)).flat(1);
const unwrap = (domain: unknown[]) => domain.flatMap((t) => (t === '!' ? [] : [t]));

const DOMAINS: unknown[][] = [
  [['default_code', '=', '5']],
  [['default_code', '=', 5]],
  [['default_code', '=', false]],
  [['default_code', '=', 'NaN']],
  [['default_code', '=', 0]],
  [['default_code', '=', '0']],
  [['default_code', '=', 7.5]],
  [['default_code', 'in', ['05', 'A', false, 5]]],
  [['default_code', 'in', []]],
  [['default_code', '=', true]],
  [['default_code', '=', 1]],
  [['default_code', 'in', ['1']]],
  [
    ['barcode', 'in', ['1003', '1004']],
    ['list_price', '>', 0],
  ],
  [['barcode', '=', 1005]],
  [['id', 'in', [3, '4', '04', 1000, false]]],
  [['id', '=', '7']],
  [
    ['barcode', '!=', false],
    ['default_code', 'in', ['A', 'a']],
  ],
  ['|', ['default_code', '=', 'A'], ['barcode', '=', '1001']],
  ['|', ['id', 'in', [2, 9]], ['barcode', 'in', ['1003', false]]],
  ['|', ['default_code', '=', 'A'], ['list_price', '>', 2]],
  [['type', '=', 'product'], '|', ['default_code', 'in', ['5', 0]], ['id', '=', 11]],
  ['|', '|', ['default_code', '=', 'a'], ['barcode', '=', 1002], ['id', 'in', [40, 41]]],
  ['&', '|', ['default_code', '=', 'A'], ['barcode', '=', '1001'], ['list_price', '=', 1]],
  ['|', ['default_code', '=', 'A'], ['barcode', '!=', '1001']],
  [
    ['product_tmpl_id', '=', false],
    ['default_code', '=', '5'],
  ],
  [
    ['write_date', '>=', '2024-05-01 10:00:01'],
    ['type', '!=', 'service'],
  ],
];

describe('searches through indexes', () => {
  const odoo = instance();
  for (const active_test of [true, false]) {
    const env = odoo.env(2, { active_test });
    it.each(DOMAINS.map((d) => [JSON.stringify(d), d] as const))(
      `find what a full scan finds (active_test ${active_test}): %s`,
      (_, domain) => {
        const ids = (d: unknown[]) => searchRecords(env, 'product.product', d).map((r) => r.id);
        expect(unwrap(hidden(domain))).toEqual(domain);
        expect(ids(domain)).toEqual(ids(hidden(domain)));
      },
    );
  }

  it.each([
    'write_date asc, id asc',
    'write_date desc',
    'default_code, name desc',
    'barcode desc, list_price',
    'name',
  ])('pages ordered by %s are slices of the fully sorted result', (order) => {
    const env = odoo.env(2, { active_test: false });
    const all = searchRecords(env, 'product.product', [], { order }).map((r) => r.id);
    expect(all.length).toBeGreaterThan(40);
    for (const [offset, limit] of [
      [0, 5],
      [3, 7],
      [10, 1],
      [0, 1000],
    ] as const) {
      const page = searchRecords(env, 'product.product', [], { order, offset, limit }).map((r) => r.id);
      expect(page).toEqual(all.slice(offset, offset + limit));
    }
  });
});
