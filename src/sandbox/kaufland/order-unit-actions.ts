import { CARRIERS_WITHOUT_TRACKING, findCarrier } from './carriers.ts';
import { fieldError, notFound, ProblemError, type ProblemType } from './errors.ts';
import type {
  CancelReason,
  OrderUnitRecord,
  OrderUnitStatus,
  RefundReason,
  RefundRecord,
  SellerRecord,
} from './records.ts';
import type { SandboxStore } from './state.ts';

type Action = 'send' | 'cancel' | 'fulfil';

/**
 * Which status each action starts from (the sandbox's reading of the undocumented rules): a unit is sent only when it
 * needs sending, cancelled only before it left the warehouse, fulfilled (open → need_to_be_sent) only while open.
 */
const ALLOWED_FROM: Readonly<Record<Action, readonly OrderUnitStatus[]>> = {
  send: ['need_to_be_sent'],
  cancel: ['open', 'need_to_be_sent'],
  fulfil: ['open'],
};

const FORBIDDEN_TYPE: Readonly<Record<Action, ProblemType>> = {
  send: '/problems/action-not-allowed',
  cancel: '/problems/order-units/cancel-not-allowed',
  fulfil: '/problems/action-not-allowed',
};

export function findOrderUnit(store: SandboxStore, seller: SellerRecord, id: number): OrderUnitRecord {
  const unit = store.orderUnits.get(id);
  if (!unit || unit.id_seller !== seller.id_seller) throw notFound('Order unit not found');
  return unit;
}

function ensureAllowed(unit: OrderUnitRecord, action: Action): void {
  const allowed = ALLOWED_FROM[action];
  if (allowed.includes(unit.status)) return;
  throw new ProblemError(
    403,
    FORBIDDEN_TYPE[action],
    `Order unit ${unit.id_order_unit} is ${unit.status}; ${action} is only allowed from ${allowed.join(' or ')}`,
  );
}

/** `tracking_numbers` is one comma-separated string; every carrier except "Other"/"Other Hauler" needs at least one. */
export function sendOrderUnit(
  store: SandboxStore,
  unit: OrderUnitRecord,
  input: { carrier_code: string; tracking_numbers: string },
): void {
  if (!findCarrier(input.carrier_code)) {
    throw fieldError('carrier_code', `"${input.carrier_code}" is not a carrier of GET /carriers`);
  }
  const numbers = input.tracking_numbers
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  if (numbers.length === 0 && !CARRIERS_WITHOUT_TRACKING.has(input.carrier_code)) {
    throw fieldError('tracking_numbers', `is required for carrier ${input.carrier_code}`);
  }
  ensureAllowed(unit, 'send');
  setOrderUnitStatus(store, unit, 'sent');
  store.shipments.push({
    id_order_unit: unit.id_order_unit,
    carrier_code: input.carrier_code,
    tracking_numbers: numbers,
    ts_created_iso: store.nowIso(),
  });
  store.changed();
}

export function cancelOrderUnit(store: SandboxStore, unit: OrderUnitRecord, reason: CancelReason): void {
  ensureAllowed(unit, 'cancel');
  unit.cancel_reason = reason;
  setOrderUnitStatus(store, unit, 'cancelled');
  store.changed();
}

export function fulfilOrderUnit(store: SandboxStore, unit: OrderUnitRecord): void {
  ensureAllowed(unit, 'fulfil');
  setOrderUnitStatus(store, unit, 'need_to_be_sent');
  store.changed();
}

/** Control-API move to any status (the buyer received it, returned it, …), bypassing the seller-side rules. */
export function forceStatus(store: SandboxStore, id: number, status: OrderUnitStatus): OrderUnitRecord {
  const unit = store.orderUnits.get(id);
  if (!unit) throw notFound('Order unit not found');
  setOrderUnitStatus(store, unit, status);
  store.changed();
  return unit;
}

export function setOrderUnitStatus(
  store: SandboxStore,
  unit: OrderUnitRecord,
  status: OrderUnitStatus,
): void {
  unit.status = status;
  unit.ts_updated_iso = store.nowIso();
  if (status === 'received' && unit.order_received_timestamp_iso === null)
    unit.order_received_timestamp_iso = unit.ts_updated_iso;
}

/** Order units that were paid and left the warehouse; before that there is nothing to refund. */
const REFUNDABLE: readonly OrderUnitStatus[] = ['sent', 'received', 'sent_and_autopaid', 'returned'];

/**
 * PATCH …/refund: part of the price back to the buyer. Several refunds may add up to the unit's price, not more.
 * The spec declares no 403 here, so every refusal is a 400 naming the field.
 */
export function refundOrderUnit(
  store: SandboxStore,
  unit: OrderUnitRecord,
  input: { amount: number; reason: RefundReason },
): RefundRecord {
  if (!REFUNDABLE.includes(unit.status)) {
    throw fieldError(
      'id_order_unit',
      `order unit ${unit.id_order_unit} is ${unit.status}; refunds are possible once it is sent (not after a paid return)`,
    );
  }
  const refunded = store.refunds
    .filter((refund) => refund.id_order_unit === unit.id_order_unit)
    .reduce((sum, refund) => sum + refund.amount, 0);
  const left = unit.price - refunded;
  if (input.amount > left) {
    throw fieldError(
      'amount',
      `${input.amount} exceeds what is left to refund on this order unit: ${left} of its price ${unit.price} (cents)`,
    );
  }
  const refund: RefundRecord = {
    id_order_unit: unit.id_order_unit,
    amount: input.amount,
    reason: input.reason,
    ts_created_iso: store.nowIso(),
  };
  store.refunds.push(refund);
  unit.ts_updated_iso = refund.ts_created_iso;
  store.changed();
  return refund;
}
