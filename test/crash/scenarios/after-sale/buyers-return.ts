import type { CrashWorld } from '../../crash-world.ts';
import type { LiveOrder } from '../../end-state.ts';
import { shuffled } from '../../rng.ts';

/** The parcel reaches the seller this long after the buyer registered the return. */
const ARRIVES_AFTER_MS = 1_500;

/** One buyer's return: the order units sent back, and how far it has come outside the hub. */
export interface PlannedReturn {
  order: LiveOrder;
  /** Kaufland order unit ids sent back (one of two or more for a partial return). */
  unitIds: number[];
  partial: boolean;
  idReturn?: number;
  startedAt?: number;
  arrived: boolean;
  /** The warehouse validated the return receipt the hub prepared in Odoo. */
  received: boolean;
}

/**
 * What happens outside the hub after the sale: `count` buyers send back (part of) a shipped order once all its
 * units are `sent` on Kaufland; the parcel arrives a little later; then the warehouse validates in Odoo the
 * return receipt the hub prepared (waiting until there is one). Every other return with two units or more
 * sends back one unit only.
 */
export class ReturningBuyers {
  readonly returns: PlannedReturn[];
  readonly errors: string[] = [];

  constructor(
    private readonly w: CrashWorld,
    live: readonly LiveOrder[],
    random: () => number,
    count: number,
  ) {
    const shipped = live.filter((o) => o.plan.deliveries.length > 0);
    let partials = 0;
    this.returns = shuffled(random, shipped)
      .slice(0, count)
      .map((order) => {
        const partial = order.units.length >= 2 && partials++ % 2 === 0;
        const unitIds = order.units.map((u) => u.id).slice(0, partial ? 1 : undefined);
        return { order, unitIds, partial, arrived: false, received: false };
      });
  }

  /** One round: start the returns now possible, deliver parcels that are due, book arrived parcels in Odoo. */
  tick(): void {
    const status = new Map(this.w.kaufland.state().order_units.map((u) => [u.id_order_unit, u.status]));
    const now = Date.now();
    let prepared: Set<string> | undefined;
    for (const r of this.returns) {
      try {
        if (r.idReturn === undefined) {
          if (!r.order.units.every((u) => status.get(u.id) === 'sent')) continue;
          const started = this.w.kaufland.startReturn({
            order_units: r.unitIds.map((id) => ({ id_order_unit: id, reason: 'defect', note: 'Broken' })),
            tracking_provider: 'DHL',
            tracking_code: `RET-${r.order.idOrder}`,
          });
          r.idReturn = started.id_return;
          r.startedAt = now;
        } else if (!r.arrived) {
          if (now - r.startedAt! < ARRIVES_AFTER_MS) continue;
          this.w.kaufland.returnArrives(r.idReturn);
          r.arrived = true;
        } else if (!r.received && (prepared ??= this.openReturnReceipts()).has(r.order.idOrder)) {
          this.w.odoo.receiveReturn({ client_order_ref: r.order.idOrder });
          r.received = true;
        }
      } catch (error) {
        this.errors.push(`return of ${r.order.idOrder}: ${(error as Error).message}`);
      }
    }
  }

  /** Refs of the orders with an open return receipt in Odoo (of one of their deliveries): the hub prepared it. */
  private openReturnReceipts(): Set<string> {
    const state = this.w.odoo.state();
    const refOfOrder = new Map(state.orders.map((o) => [String(o.name), o.clientOrderRef]));
    const originOf = new Map(
      state.pickings.map((p) => [String(p.name), typeof p.origin === 'string' ? p.origin : '']),
    );
    const refs = new Set<string>();
    for (const p of state.pickings) {
      if (p.returnOf === null || ['done', 'cancel'].includes(String(p.state))) continue;
      const ref = refOfOrder.get(originOf.get(p.returnOf) ?? '');
      if (typeof ref === 'string' && ref) refs.add(ref);
    }
    return refs;
  }

  allReceived(): boolean {
    return this.returns.every((r) => r.received);
  }

  units(): number {
    return this.returns.reduce((n, r) => n + r.unitIds.length, 0);
  }

  progress(): string {
    const n = (f: (r: PlannedReturn) => boolean) => this.returns.filter(f).length;
    return `returns started ${n((r) => r.idReturn !== undefined)}, arrived ${n((r) => r.arrived)}, received in Odoo ${n((r) => r.received)} of ${this.returns.length}`;
  }
}
