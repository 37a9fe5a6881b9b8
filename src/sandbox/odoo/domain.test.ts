import { describe, expect, it } from 'vitest';
import { evaluate, likeToRegExp, parseDomain, type LeafResolver } from './domain.ts';

type Row = Record<string, unknown>;
const locations: Record<number, Row> = { 8: { usage: 'internal' }, 5: { usage: 'customer' } };
const rows: Row[] = [
  {
    id: 1,
    name: 'Blue Mug',
    code: 'MUG-1',
    qty: 5,
    active: true,
    tags: [1, 2],
    location_id: 8,
    date: '2026-11-27 00:23:05',
  },
  {
    id: 2,
    name: 'red mug',
    code: false,
    qty: 0,
    active: false,
    tags: [],
    location_id: 5,
    date: '2026-11-27 00:23:06',
  },
  {
    id: 3,
    name: 'Plate',
    code: 'PLT_1',
    qty: 12,
    active: true,
    tags: [2],
    location_id: false,
    date: '2026-11-26 10:00:00',
  },
];

/** Plain objects standing in for records: `location_id.usage` follows a fake many2one. */
const resolver: LeafResolver<Row> = {
  isMany: (path) => path === 'tags',
  values: (row, path) => {
    if (path === 'location_id.usage')
      return row.location_id === false ? [] : [locations[row.location_id as number]?.usage];
    const value = row[path];
    return Array.isArray(value) ? value : [value];
  },
};
const ids = (domain: unknown[]) =>
  rows.filter((r) => evaluate(parseDomain(domain), r, resolver)).map((r) => r.id);

describe('Odoo domain evaluator', () => {
  it('matches everything for an empty domain, and Odoo TRUE/FALSE leaves', () => {
    expect(ids([])).toEqual([1, 2, 3]);
    expect(ids([[1, '=', 1]])).toEqual([1, 2, 3]);
    expect(ids([[0, '=', 1]])).toEqual([]);
  });

  it('compares with =, !=, <, <=, >, >= (strings and numbers; unset never orders)', () => {
    expect(ids([['qty', '=', 0]])).toEqual([2]);
    expect(ids([['qty', '!=', 0]])).toEqual([1, 3]);
    expect(ids([['qty', '<', 5]])).toEqual([2]);
    expect(ids([['qty', '<=', 5]])).toEqual([1, 2]);
    expect(ids([['qty', '>', 5]])).toEqual([3]);
    expect(ids([['date', '>=', '2026-11-27 00:23:05']])).toEqual([1, 2]);
    expect(ids([['code', '>', 'A']])).toEqual([1, 3]);
  });

  it('treats false as "not set" for = and !=', () => {
    expect(ids([['code', '=', false]])).toEqual([2]);
    expect(ids([['code', '!=', false]])).toEqual([1, 3]);
    expect(ids([['location_id', '=', false]])).toEqual([3]);
  });

  it('handles in / not in, including false in the list', () => {
    expect(ids([['code', 'in', ['MUG-1', 'NOPE']]])).toEqual([1]);
    expect(ids([['code', 'in', [false, 'PLT_1']]])).toEqual([2, 3]);
    expect(ids([['code', 'not in', ['MUG-1']]])).toEqual([2, 3]);
  });

  it('handles like (substring), ilike (case-insensitive), =like/=ilike (SQL patterns) and negations', () => {
    expect(ids([['name', 'like', 'mug']])).toEqual([2]);
    expect(ids([['name', 'ilike', 'mug']])).toEqual([1, 2]);
    expect(ids([['name', 'not ilike', 'mug']])).toEqual([3]);
    expect(ids([['code', '=like', 'MUG%']])).toEqual([1]);
    expect(ids([['code', '=like', 'PLT_%']])).toEqual([3]);
    expect(ids([['name', '=ilike', 'red%']])).toEqual([2]);
    expect(likeToRegExp('a.b_%', false).test('a.bXyz')).toBe(true);
    expect(likeToRegExp('a.b', false).test('axb')).toBe(false);
  });

  it('reads Polish notation: &, |, ! and the implicit & between top-level terms', () => {
    expect(ids(['|', ['qty', '=', 0], ['qty', '=', 12]])).toEqual([2, 3]);
    expect(ids(['!', ['active', '=', true]])).toEqual([2]);
    expect(
      ids([
        ['active', '=', true],
        ['qty', '>', 1],
      ]),
    ).toEqual([1, 3]);
    expect(ids(['&', ['active', '=', true], '|', ['code', '=', 'MUG-1'], ['qty', '>', 100]])).toEqual([1]);
    expect(ids(['|', '!', ['active', '=', true], '&', ['qty', '>', 10], ['code', '!=', false]])).toEqual([
      2, 3,
    ]);
  });

  it('follows dotted paths through many2one fields', () => {
    expect(ids([['location_id.usage', '=', 'internal']])).toEqual([1]);
    expect(ids([['location_id.usage', '!=', 'internal']])).toEqual([2, 3]);
  });

  it('treats x2many: = id means "contains", = false means "empty"', () => {
    expect(ids([['tags', '=', 2]])).toEqual([1, 3]);
    expect(ids([['tags', 'in', [1]]])).toEqual([1]);
    expect(ids([['tags', '=', false]])).toEqual([2]);
  });

  it('refuses malformed domains', () => {
    expect(() => parseDomain(['|', ['qty', '=', 1]])).toThrow(/Invalid domain/);
    expect(() => parseDomain([['qty', 'between', 1]])).toThrow(/Invalid leaf/);
    expect(() => parseDomain(['qty'])).toThrow(/Invalid leaf/);
  });
});
