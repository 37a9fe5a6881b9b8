import type { OrderUnitRecord } from './records.ts';

/**
 * The order units by id, plus each order's units: an order's view, its details and every order created read them,
 * and filtering all units for each was quadratic (10,600 orders with 31,000 units spent minutes of the sandbox's
 * time in it during the crash scenario odoo-outage, starving its API). A unit's order never changes.
 */
export class OrderUnitTable extends Map<number, OrderUnitRecord> {
  private readonly byOrder = new Map<string, OrderUnitRecord[]>();

  override set(id: number, unit: OrderUnitRecord): this {
    const old = super.get(id);
    super.set(id, unit);
    const ofOrder = this.byOrder.get(unit.id_order) ?? [];
    const at = old ? ofOrder.indexOf(old) : -1;
    // A replaced unit keeps its place, as it does in the Map's own order.
    if (at >= 0) ofOrder[at] = unit;
    else ofOrder.push(unit);
    this.byOrder.set(unit.id_order, ofOrder);
    return this;
  }

  override delete(id: number): boolean {
    const old = super.get(id);
    if (!old) return false;
    const ofOrder = this.byOrder.get(old.id_order) ?? [];
    const at = ofOrder.indexOf(old);
    if (at >= 0) ofOrder.splice(at, 1);
    if (ofOrder.length === 0) this.byOrder.delete(old.id_order);
    return super.delete(id);
  }

  override clear(): void {
    super.clear();
    this.byOrder.clear();
  }

  /** The order's units in the order they were added. */
  ofOrder(idOrder: string): OrderUnitRecord[] {
    return [...(this.byOrder.get(idOrder) ?? [])];
  }
}
