import { describe, expect, it } from 'vitest';
import { OrderUnitTable } from './order-unit-table.ts';
import type { OrderUnitRecord } from './records.ts';

const unit = (id: number, idOrder: string, status = 'need_to_be_sent') =>
  ({ id_order_unit: id, id_order: idOrder, status }) as unknown as OrderUnitRecord;

/** The index answers what filtering every unit by its order answered, in the same order, through every change. */
describe('order units by order', () => {
  const scan = (table: OrderUnitTable, idOrder: string) =>
    [...table.values()].filter((u) => u.id_order === idOrder);

  it('follows adds, replacements, deletes and clear like a scan of all units', () => {
    const table = new OrderUnitTable();
    for (const [id, order] of [
      [1, 'A'],
      [2, 'B'],
      [3, 'A'],
      [4, 'A'],
      [5, 'B'],
    ] as const)
      table.set(id, unit(id, order));
    table.set(3, unit(3, 'A', 'sent')); // replaced in place
    table.delete(1);
    table.delete(99); // unknown: nothing changes
    for (const order of ['A', 'B', 'C']) expect(table.ofOrder(order)).toEqual(scan(table, order));
    expect(table.ofOrder('A').map((u) => [u.id_order_unit, u.status])).toEqual([
      [3, 'sent'],
      [4, 'need_to_be_sent'],
    ]);
    // A copy: changing it leaves the table as it was.
    table.ofOrder('B').pop();
    expect(table.ofOrder('B')).toHaveLength(2);
    table.clear();
    expect(table.ofOrder('A')).toEqual([]);
    expect(table.size).toBe(0);
  });
});
