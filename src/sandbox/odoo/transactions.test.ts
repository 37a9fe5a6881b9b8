import { describe, expect, it } from 'vitest';
import { testInstance } from './instance.test-support.ts';
import { OdooInstance } from './instance.ts';

/** Each call is one transaction: what a failing call did is undone, indexes included; the rest keeps them right. */
const ADMIN = 2;
const MODELS = [
  'product.product',
  'product.template',
  'sale.order',
  'sale.order.line',
  'stock.picking',
  'stock.move',
  'stock.move.line',
  'stock.quant',
];

const odoo = () => testInstance();

const call = (instance: OdooInstance, model: string, method: string, ...args: unknown[]) =>
  instance.run(ADMIN, { model, method, args, kwargs: {} });
const search = (instance: OdooInstance, model: string, domain: unknown[]) =>
  call(instance, model, 'search', domain) as number[];
/** Every record as plain data, copied: what a rollback has to give back exactly. */
const dump = (instance: OdooInstance) =>
  structuredClone(Object.fromEntries(MODELS.map((m) => [m, instance.store.all(m).map((r) => ({ ...r }))])));
/** What the index itself holds (findBy and search also check the table, so they hide a stale entry). */
const indexed = (instance: OdooInstance, model: string, field: string, value: string) => [
  ...(instance.store.fieldIndex(model, field)?.ids(value) ?? ['no index']),
];
const product = (code: string, barcode: string | false = false) => ({
  name: code,
  default_code: code,
  barcode,
  detailed_type: 'product',
});

describe('one call, one transaction', () => {
  it('a failing batch create leaves nothing behind: no record, no SKU or barcode to find', () => {
    const instance = odoo();
    const [taken] = call(instance, 'product.product', 'create', [product('OLD', '111')]) as number[];
    const before = dump(instance);
    expect(() =>
      call(instance, 'product.product', 'create', [product('NEW-1', '222'), product('NEW-2', '111')]),
    ).toThrow(/Barcode\(s\) already assigned/);
    expect(dump(instance)).toEqual(before);
    for (const [field, value] of [
      ['default_code', 'NEW-1'],
      ['barcode', '222'],
    ] as const) {
      expect(indexed(instance, 'product.product', field, value)).toEqual([]);
      expect(instance.store.findBy('product.product', field, value)).toEqual([]);
      expect(search(instance, 'product.product', [[field, '=', value]])).toEqual([]);
      expect(search(instance, 'product.product', [[field, 'in', [value, 'other']]])).toEqual([]);
    }
    expect(search(instance, 'product.product', [['barcode', '=', '111']])).toEqual([taken]);
    // The barcode of the rolled-back product is free again.
    const [again] = call(instance, 'product.product', 'create', [product('NEW-1', '222')]) as number[];
    expect(search(instance, 'product.product', [['barcode', '=', '222']])).toEqual([again]);
  });

  it('a failing write puts back the fields and the index entries of every record it changed', () => {
    const instance = odoo();
    const ids = call(instance, 'product.product', 'create', [
      product('W-1', '301'),
      product('W-2', '302'),
    ]) as number[];
    const before = dump(instance);
    expect(() => call(instance, 'product.product', 'write', ids, { barcode: '303' })).toThrow(
      /Barcode\(s\) already assigned/,
    );
    expect(() => call(instance, 'product.product', 'write', ids, { default_code: 'X', name: false })).toThrow(
      /mandatory field is not set/,
    );
    expect(dump(instance)).toEqual(before);
    expect(search(instance, 'product.product', [['barcode', 'in', ['301', '302', '303']]])).toEqual(ids);
    expect(search(instance, 'product.product', [['default_code', '=', 'X']])).toEqual([]);
    expect(indexed(instance, 'product.product', 'barcode', '303')).toEqual([]);
    expect(indexed(instance, 'product.product', 'default_code', 'X')).toEqual([]);
    expect(indexed(instance, 'product.product', 'barcode', '301')).toEqual([ids[0]]);
    expect(search(instance, 'product.product', [['default_code', '=', 'W-2']])).toEqual([ids[1]]);
  });

  it('a failing create puts back an order line another command deleted, at its place', () => {
    const instance = odoo();
    const [productId] = call(instance, 'product.product', 'create', [product('L-1')]) as number[];
    const line = (qty: number) => [0, 0, { product_id: productId, product_uom_qty: qty }];
    const [orderId] = call(instance, 'sale.order', 'create', [
      { partner_id: 3, order_line: [line(1), line(2), line(3)] },
    ]) as number[];
    const lineIds = search(instance, 'sale.order.line', [['order_id', '=', orderId]]);
    const before = dump(instance);
    expect(() =>
      call(instance, 'sale.order', 'create', [
        { partner_id: 3, order_line: [[2, lineIds[0], 0]] },
        { order_line: [line(4)] },
      ]),
    ).toThrow(/mandatory field is not set/);
    expect(dump(instance)).toEqual(before);
    expect(instance.store.all('sale.order.line').map((l) => l.id)).toEqual(lineIds);
    const [order] = call(instance, 'sale.order', 'read', [orderId], ['order_line']) as {
      order_line: number[];
    }[];
    expect(order?.order_line).toEqual(lineIds);
  });

  it('a failing validation undoes what it did to the pickings before the one that failed', () => {
    const instance = odoo();
    const [stocked, empty] = call(instance, 'product.product', 'create', [
      product('R-1'),
      product('R-2'),
    ]) as number[];
    const inventory = { context: { inventory_mode: true } };
    const [quant] = instance.run(ADMIN, {
      model: 'stock.quant',
      method: 'create',
      args: [[{ product_id: stocked, location_id: 8, inventory_quantity: 5 }]],
      kwargs: inventory,
    }) as number[];
    instance.run(ADMIN, {
      model: 'stock.quant',
      method: 'action_apply_inventory',
      args: [[quant]],
      kwargs: inventory,
    });
    const orders = call(
      instance,
      'sale.order',
      'create',
      [stocked, empty].map((id) => ({
        partner_id: 3,
        order_line: [[0, 0, { product_id: id, product_uom_qty: 2 }]],
      })),
    ) as number[];
    call(instance, 'sale.order', 'action_confirm', orders);
    const pickings = search(instance, 'stock.picking', [['sale_id', 'in', orders]]);
    const before = dump(instance);
    expect(() => call(instance, 'stock.picking', 'button_validate', pickings)).toThrow(
      /no quantities are reserved/,
    );
    expect(dump(instance)).toEqual(before);
    const [stock] = call(instance, 'product.product', 'read', [stocked], ['free_qty']) as {
      free_qty: number;
    }[];
    expect(stock?.free_qty).toBe(3);
  });
});

describe('indexes follow every change', () => {
  it('after write() changes an indexed field and after unlink', () => {
    const instance = odoo();
    const [a, b] = call(instance, 'product.product', 'create', [
      product('I-1', '401'),
      product('I-2', '402'),
    ]) as number[];
    call(instance, 'product.product', 'write', [a], { default_code: 'I-9', barcode: false });
    expect(search(instance, 'product.product', [['default_code', '=', 'I-1']])).toEqual([]);
    expect(search(instance, 'product.product', [['default_code', '=', 'I-9']])).toEqual([a]);
    expect(search(instance, 'product.product', [['barcode', '=', '401']])).toEqual([]);
    expect(
      search(instance, 'product.product', [
        ['barcode', '=', false],
        ['default_code', 'like', 'I-'],
      ]),
    ).toEqual([a]);
    call(instance, 'product.product', 'unlink', [b]);
    expect(search(instance, 'product.product', [['barcode', '=', '402']])).toEqual([]);
    expect(instance.store.findBy('product.product', 'default_code', 'I-2')).toEqual([]);
    expect(indexed(instance, 'product.product', 'default_code', 'I-2')).toEqual([]);
    expect(indexed(instance, 'product.product', 'default_code', 'I-1')).toEqual([]);
    // The barcode of the deleted product can be given to another one.
    call(instance, 'product.product', 'write', [a], { barcode: '402' });
    expect(search(instance, 'product.product', [['barcode', '=', '402']])).toEqual([a]);
  });

  it('after a partner moves to another company', () => {
    const instance = odoo();
    const [c1, c2] = call(instance, 'res.partner', 'create', [
      { name: 'C1', ref: 'K-1' },
      { name: 'C2', ref: 'K-2' },
    ]) as number[];
    const [child] = call(instance, 'res.partner', 'create', [
      { parent_id: c1, type: 'delivery' },
    ]) as number[];
    call(instance, 'res.partner', 'write', [child], { parent_id: c2 });
    expect(search(instance, 'res.partner', [['parent_id', '=', c1]])).toEqual([]);
    expect(search(instance, 'res.partner', [['parent_id', '=', c2]])).toEqual([child]);
    const [company] = call(instance, 'res.partner', 'read', [c2], ['child_ids']) as { child_ids: number[] }[];
    expect(company?.child_ids).toEqual([child]);
    call(instance, 'res.partner', 'write', [c1], { ref: 'K-2' });
    expect(search(instance, 'res.partner', [['ref', '=', 'K-2']])).toEqual([c1, c2]);
  });
});
