import {
  initialCounters,
  type Counters,
  type InvoiceRecord,
  type OrderRecord,
  type OrderUnitRecord,
  type ProductRecord,
  type RefundRecord,
  type ReturnRecord,
  type ReturnUnitRecord,
  type SellerRecord,
  type ShipmentRecord,
  type UnitRecord,
} from './records.ts';
import { ProductTable } from './product-table.ts';
import { UnitTable } from './unit-table.ts';
import { OrderUnitTable } from './order-unit-table.ts';

/** The snapshot file's shape. Bump `version` when a record changes incompatibly. */
export interface SnapshotData {
  version: 1;
  counters: Counters;
  sellers: SellerRecord[];
  products: ProductRecord[];
  units: UnitRecord[];
  /** [`${id_seller}|${id_offer}`, amount]: stock shared by a seller's units with the same id_offer. */
  stocks: [string, number][];
  orders: OrderRecord[];
  order_units: OrderUnitRecord[];
  shipments: ShipmentRecord[];
  /** Absent in snapshots written before the after-sale features; read as empty. */
  invoices?: InvoiceRecord[];
  returns?: ReturnRecord[];
  return_units?: ReturnUnitRecord[];
  refunds?: RefundRecord[];
}

/** The in-memory store. Every mutation ends with `changed()`, which the snapshot file listens to. */
export class SandboxStore {
  readonly sellers = new Map<number, SellerRecord>();
  readonly products = new ProductTable();
  readonly units = new UnitTable();
  readonly stocks = new Map<string, number>();
  readonly orders = new Map<string, OrderRecord>();
  readonly orderUnits = new OrderUnitTable();
  shipments: ShipmentRecord[] = [];
  readonly invoices = new Map<number, InvoiceRecord>();
  readonly returns = new Map<number, ReturnRecord>();
  readonly returnUnits = new Map<number, ReturnUnitRecord>();
  refunds: RefundRecord[] = [];
  counters: Counters = initialCounters();
  private readonly listeners: (() => void)[] = [];

  constructor(readonly clock: () => number) {}

  /** Kaufland's timestamp form: ISO-8601 UTC to the second (`2021-07-24T19:26:05Z`). */
  nowIso(offsetMs = 0): string {
    return toIso(this.clock() + offsetMs);
  }

  nextId(kind: keyof Counters): number {
    const id = this.counters[kind];
    this.counters[kind] = id + 1;
    return id;
  }

  sellerByClientKey(clientKey: string): SellerRecord | undefined {
    for (const seller of this.sellers.values()) if (seller.client_key === clientKey) return seller;
    return undefined;
  }

  amountOf(unit: Pick<UnitRecord, 'id_seller' | 'id_offer'>): number {
    return this.stocks.get(stockKey(unit.id_seller, unit.id_offer)) ?? 0;
  }

  setAmount(idSeller: number, idOffer: string, amount: number): void {
    this.stocks.set(stockKey(idSeller, idOffer), amount);
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  clear(): void {
    this.wipe();
    this.changed();
  }

  private wipe(): void {
    for (const map of [this.sellers, this.products, this.units, this.stocks, this.orders, this.orderUnits])
      map.clear();
    for (const map of [this.invoices, this.returns, this.returnUnits]) map.clear();
    this.shipments = [];
    this.refunds = [];
    this.counters = initialCounters();
  }

  toSnapshot(): SnapshotData {
    return {
      version: 1,
      counters: { ...this.counters },
      sellers: [...this.sellers.values()],
      products: [...this.products.values()],
      units: [...this.units.values()],
      stocks: [...this.stocks.entries()],
      orders: [...this.orders.values()],
      order_units: [...this.orderUnits.values()],
      shipments: [...this.shipments],
      invoices: [...this.invoices.values()],
      returns: [...this.returns.values()],
      return_units: [...this.returnUnits.values()],
      refunds: [...this.refunds],
    };
  }

  load(data: SnapshotData): void {
    this.wipe();
    this.counters = { ...initialCounters(), ...data.counters };
    for (const seller of data.sellers) this.sellers.set(seller.id_seller, seller);
    for (const product of data.products) this.products.add(product);
    for (const unit of data.units) this.units.add(unit);
    for (const [key, amount] of data.stocks) this.stocks.set(key, amount);
    for (const order of data.orders) this.orders.set(order.id_order, order);
    for (const unit of data.order_units) this.orderUnits.set(unit.id_order_unit, unit);
    this.shipments = [...data.shipments];
    for (const invoice of data.invoices ?? []) this.invoices.set(invoice.id_invoice, invoice);
    for (const record of data.returns ?? []) this.returns.set(record.id_return, record);
    for (const unit of data.return_units ?? []) this.returnUnits.set(unit.id_return_unit, unit);
    this.refunds = [...(data.refunds ?? [])];
  }
}

export function stockKey(idSeller: number, idOffer: string): string {
  return `${idSeller}|${idOffer}`;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
