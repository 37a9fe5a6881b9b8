import { validateBody } from './body.ts';
import { createOrderSchema, type AddressInput, type CreateOrderInput } from './control-schemas.ts';
import { fieldError, validationError } from './errors.ts';
import { fakePerson } from './fake-people.ts';
import type { Address, OrderRecord, OrderUnitRecord, OrderUnitStatus, UnitRecord } from './records.ts';
import { requireSeller } from './sellers.ts';
import { toIso, type SandboxStore } from './state.ts';
import { STOREFRONT_FACTS, type Storefront } from './storefronts.ts';

const DAY_MS = 86_400_000;
/** 36^7: order ids are 7 characters of A-Z0-9, like Kaufland's `MB7UWLD`. */
const ORDER_ID_SPACE = 36n ** 7n;
/** Odd and not a multiple of 3, so coprime with 36^7: multiplying by it permutes the id space (no collisions). */
const ORDER_ID_STRIDE = 2_654_435_761n;

function orderId(sequence: number): string {
  return ((BigInt(sequence) * ORDER_ID_STRIDE) % ORDER_ID_SPACE).toString(36).toUpperCase().padStart(7, 'A');
}

/**
 * A buyer's checkout: one order with one order unit per piece. Each item needs the seller's unit with that id_offer
 * on that storefront and enough stock; its price defaults to the unit's listing_price and the stock goes down.
 */
export function createOrder(store: SandboxStore, raw: CreateOrderInput): OrderRecord {
  const input = validateBody(createOrderSchema, raw);
  const seller = requireSeller(store, input.client_key);
  if (!seller.storefronts.includes(input.storefront))
    throw fieldError('storefront', 'not configured for this seller');
  const lines = input.items.map((item, index) => ({
    ...item,
    unit: findUnit(store, { idSeller: seller.id_seller, storefront: input.storefront }, item, index),
  }));
  checkStock(store, lines);

  const createdMs = input.ts_created_iso === undefined ? store.clock() : Date.parse(input.ts_created_iso);
  const sequence = store.nextId('order');
  const person = fakePerson(input.storefront, sequence);
  const shipping = mergeAddress(person.address, input.shipping_address);
  const order: OrderRecord = {
    id_order: orderId(sequence),
    id_seller: seller.id_seller,
    storefront: input.storefront,
    ts_created_iso: toIso(createdMs),
    buyer: {
      id_buyer: input.buyer?.id_buyer ?? store.nextId('buyer'),
      email: input.buyer?.email === undefined ? person.email : input.buyer.email,
    },
    shipping_address: shipping,
    billing_address: input.billing_address
      ? mergeAddress(person.address, input.billing_address)
      : { ...shipping },
    ...(input.is_marketplace_deemed_supplier === true ? { deemed_supplier: true } : {}),
  };
  store.orders.set(order.id_order, order);
  const status: OrderUnitStatus = input.status ?? 'need_to_be_sent';
  for (const line of lines) {
    for (let piece = 0; piece < line.quantity; piece += 1) {
      const unit = orderUnit(
        store,
        order,
        line.unit,
        {
          price: line.price ?? line.unit.listing_price,
          shipping: line.shipping_rate ?? line.unit.shipping_rate,
        },
        status,
        createdMs,
      );
      store.orderUnits.set(unit.id_order_unit, unit);
    }
    store.setAmount(seller.id_seller, line.unit.id_offer, store.amountOf(line.unit) - line.quantity);
  }
  store.changed();
  return order;
}

function findUnit(
  store: SandboxStore,
  where: { idSeller: number; storefront: Storefront },
  item: { id_offer: string },
  index: number,
): UnitRecord {
  const unit = store.units.findOffer(where.idSeller, where.storefront, item.id_offer);
  if (unit) return unit;
  throw fieldError(
    `items[${index}].id_offer`,
    `no unit with id_offer "${item.id_offer}" on ${where.storefront}`,
  );
}

function checkStock(store: SandboxStore, lines: readonly { unit: UnitRecord; quantity: number }[]): void {
  const wanted = new Map<string, number>();
  lines.forEach(({ unit, quantity }, index) => {
    const total = (wanted.get(unit.id_offer) ?? 0) + quantity;
    wanted.set(unit.id_offer, total);
    const amount = store.amountOf(unit);
    if (total > amount) {
      throw validationError([{ field: `items[${index}].quantity`, message: `only ${amount} in stock` }]);
    }
  });
}

function orderUnit(
  store: SandboxStore,
  order: OrderRecord,
  unit: UnitRecord,
  { price, shipping }: { price: number; shipping: number },
  status: OrderUnitStatus,
  createdMs: number,
): OrderUnitRecord {
  const days = {
    min: unit.handling_time + unit.transport_time_min,
    max: unit.handling_time + unit.transport_time_max,
  };
  return {
    id_order_unit: store.nextId('orderUnit'),
    id_order: order.id_order,
    id_seller: order.id_seller,
    storefront: order.storefront,
    id_offer: unit.id_offer,
    id_product: unit.id_product,
    unit_condition: unit.condition.toLowerCase().replace(/_+/g, '_'),
    status,
    cancel_reason: status === 'cancelled' ? 'BuyerCancelled' : null,
    price,
    shipping_rate: shipping,
    vat: STOREFRONT_FACTS[order.storefront].vat,
    delivery_time_min: days.min,
    delivery_time_max: days.max,
    delivery_time_expires_iso: toIso(createdMs + days.max * DAY_MS),
    order_received_timestamp_iso: status === 'received' ? store.nowIso() : null,
    ts_created_iso: order.ts_created_iso,
    ts_updated_iso: order.ts_created_iso,
  };
}

function mergeAddress(generated: Address, given: AddressInput | undefined): Address {
  const defined = Object.fromEntries(Object.entries(given ?? {}).filter(([, value]) => value !== undefined));
  return { ...generated, ...defined };
}
