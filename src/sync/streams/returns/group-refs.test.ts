import { describe, expect, it } from 'vitest';
import { batchRef, groupBy, quantitiesBySku } from './group-refs.ts';

describe('return references and quantities', () => {
  it('names the first batch of a return after the return, a later one after its first line', () => {
    expect(batchRef('kaufland', '77', false, '12')).toBe('kaufland:return:77');
    expect(batchRef('kaufland', '77', true, '12')).toBe('kaufland:return:77/12');
  });

  it('counts one piece per line and SKU, leaving lines without a SKU out', () => {
    expect(quantitiesBySku([{ sku: 'A' }, { sku: 'B' }, { sku: 'A' }, { sku: null }])).toEqual([
      { sku: 'A', quantity: 2 },
      { sku: 'B', quantity: 1 },
    ]);
  });

  it('groups in first-seen order', () => {
    const groups = groupBy(
      [
        { r: 'x', n: 1 },
        { r: 'y', n: 2 },
        { r: 'x', n: 3 },
      ],
      (i) => i.r,
    );
    expect([...groups.keys()]).toEqual(['x', 'y']);
    expect(groups.get('x')!.map((i) => i.n)).toEqual([1, 3]);
  });
});
