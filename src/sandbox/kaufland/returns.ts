import { z } from 'zod';
import { validateBody } from './body.ts';
import {
  buyerReturnSchema,
  RETURN_REASONS,
  returnArrivalSchema,
  setReturnUnitStatusSchema,
  type BuyerReturnInput,
  type ReturnArrivalInput,
} from './control-schemas.ts';
import { fieldError, notFound, ProblemError, validationError } from './errors.ts';
import type {
  OrderUnitRecord,
  OrderUnitStatus,
  ReturnReason,
  ReturnRecord,
  ReturnUnitRecord,
  ReturnUnitStatus,
  SellerRecord,
} from './records.ts';
import { setOrderUnitStatus } from './order-unit-actions.ts';
import type { SandboxStore } from './state.ts';

/** POST /returns: the docs ask for a note of 5 to 100 characters. */
export const initializeReturnSchema = z
  .array(
    z.strictObject({
      id_order_unit: z.int().min(1),
      reason: z.enum(RETURN_REASONS),
      note: z.string().min(5).max(100),
    }),
  )
  .min(1)
  .max(100);

export const returnMessageSchema = z.strictObject({ message: z.string().trim().min(1).max(2000) });

export type ReturnAction = 'accept' | 'reject' | 'clarify' | 'repair';

/**
 * The sandbox's reading of the return-unit life cycle (the spec lists the statuses, not the moves): accept works
 * until a final answer, even before the parcel is scanned in; reject, clarify and repair need the parcel there.
 * `return_accepted`, `return_rejected` and `return_closed` are final.
 */
const ALLOWED_FROM: Readonly<Record<ReturnAction, readonly ReturnUnitStatus[]>> = {
  accept: ['need_to_be_returned', 'return_arrived', 'return_in_clarification', 'return_in_repair'],
  reject: ['return_arrived', 'return_in_clarification', 'return_in_repair'],
  clarify: ['return_arrived', 'return_in_repair'],
  repair: ['return_arrived', 'return_in_clarification'],
};

const RESULT: Readonly<Record<ReturnAction, ReturnUnitStatus>> = {
  accept: 'return_accepted',
  reject: 'return_rejected',
  clarify: 'return_in_clarification',
  repair: 'return_in_repair',
};

/** Order units a buyer can send back: delivered or at least on their way. */
const RETURNABLE: readonly OrderUnitStatus[] = ['sent', 'received', 'sent_and_autopaid'];
/** A return unit in one of these no longer blocks a new return of the same order unit. */
const ENDED: readonly ReturnUnitStatus[] = ['return_rejected', 'return_closed'];

export interface ReturnLineInput {
  id_order_unit: number;
  reason: ReturnReason;
  note: string | null;
}

/**
 * Opens one return for order units of one order: by the buyer (control API) or by the seller (POST /returns).
 * Each order unit must belong to the seller, be returnable and not already be in an open return.
 */
export function startReturn(
  store: SandboxStore,
  seller: SellerRecord,
  lines: readonly ReturnLineInput[],
  tracking: { provider: string | null; code: string | null } = { provider: null, code: null },
): ReturnRecord {
  const first = checkLines(store, seller, lines, undefined);
  const now = store.nowIso();
  const record: ReturnRecord = {
    id_return: store.nextId('return'),
    id_seller: seller.id_seller,
    id_order: first.id_order,
    storefront: first.storefront,
    // With a label (tracking) the buyer can send at once; without one the return is only requested.
    status: tracking.code === null ? 'return_requested' : 'label_generated',
    tracking_provider: tracking.provider,
    tracking_code: tracking.code,
    ts_created_iso: now,
    ts_updated_iso: now,
  };
  store.returns.set(record.id_return, record);
  addUnits(store, record, lines);
  return record;
}

/**
 * PUT /returns/{id_return}: more order units of the same order into a return whose parcel has not arrived yet
 * (the sandbox's reading: an arrived parcel cannot take more, 403).
 */
export function extendReturn(
  store: SandboxStore,
  seller: SellerRecord,
  record: ReturnRecord,
  lines: readonly ReturnLineInput[],
): ReturnRecord {
  checkLines(store, seller, lines, record.id_order);
  if (record.status === 'package_received') {
    throw new ProblemError(
      403,
      '/problems/action-not-allowed',
      `Return ${record.id_return} has arrived already; start a new return for further order units`,
    );
  }
  record.ts_updated_iso = store.nowIso();
  addUnits(store, record, lines);
  return record;
}

/** Every line names a returnable order unit of the seller, once, all of one order (`idOrder` when given). */
function checkLines(
  store: SandboxStore,
  seller: SellerRecord,
  lines: readonly ReturnLineInput[],
  idOrder: string | undefined,
): OrderUnitRecord {
  const orderUnits = lines.map((line, index) => {
    const unit = store.orderUnits.get(line.id_order_unit);
    if (!unit || unit.id_seller !== seller.id_seller)
      throw notFound(`Order unit ${line.id_order_unit} not found`);
    if (lines.findIndex((other) => other.id_order_unit === line.id_order_unit) !== index)
      throw fieldError(`[${index}].id_order_unit`, 'is listed twice');
    return unit;
  });
  const first = orderUnits[0];
  if (first === undefined) throw validationError([{ field: 'body', message: 'names no order unit' }]);
  const order = idOrder ?? first.id_order;
  orderUnits.forEach((unit, index) => {
    if (unit.id_order !== order)
      throw fieldError(
        `[${index}].id_order_unit`,
        'all order units of one return must belong to the same order',
      );
  });
  for (const unit of orderUnits) ensureReturnable(store, unit);
  return first;
}

function addUnits(store: SandboxStore, record: ReturnRecord, lines: readonly ReturnLineInput[]): void {
  for (const line of lines) {
    const unit: ReturnUnitRecord = {
      id_return_unit: store.nextId('returnUnit'),
      id_return: record.id_return,
      id_order_unit: line.id_order_unit,
      id_seller: record.id_seller,
      storefront: record.storefront,
      status: 'need_to_be_returned',
      reason: line.reason,
      note: line.note,
      messages: [],
      ts_created_iso: record.ts_updated_iso,
    };
    store.returnUnits.set(unit.id_return_unit, unit);
  }
  store.changed();
}

function ensureReturnable(store: SandboxStore, unit: OrderUnitRecord): void {
  if (!RETURNABLE.includes(unit.status)) {
    throw new ProblemError(
      403,
      '/problems/returns/unit-wrong-status',
      `Order unit ${unit.id_order_unit} is ${unit.status}; only ${RETURNABLE.join(', ')} order units can be returned`,
    );
  }
  for (const other of store.returnUnits.values()) {
    if (other.id_order_unit === unit.id_order_unit && !ENDED.includes(other.status)) {
      throw new ProblemError(
        403,
        '/problems/returns/unit-wrong-status',
        `Order unit ${unit.id_order_unit} is already in return ${other.id_return}`,
      );
    }
  }
}

/** The parcel reached the seller: the return is received, its waiting units arrived, their order units returned. */
export function returnArrives(
  store: SandboxStore,
  idReturn: number,
  tracking: { provider?: string; code?: string },
): ReturnRecord {
  const record = store.returns.get(idReturn);
  if (!record) throw notFound('Return not found');
  if (record.status === 'package_received')
    throw new ProblemError(403, '/problems/action-not-allowed', `Return ${idReturn} has already arrived`);
  record.status = 'package_received';
  if (tracking.provider !== undefined) record.tracking_provider = tracking.provider;
  if (tracking.code !== undefined) record.tracking_code = tracking.code;
  record.ts_updated_iso = store.nowIso();
  for (const unit of store.returnUnits.values()) {
    if (unit.id_return !== idReturn || unit.status !== 'need_to_be_returned') continue;
    unit.status = 'return_arrived';
    const orderUnit = store.orderUnits.get(unit.id_order_unit);
    if (orderUnit) setOrderUnitStatus(store, orderUnit, 'returned');
  }
  store.changed();
  return record;
}

export function findReturn(store: SandboxStore, seller: SellerRecord, idReturn: number): ReturnRecord {
  const record = store.returns.get(idReturn);
  if (!record || record.id_seller !== seller.id_seller) throw notFound('Return not found');
  return record;
}

export function findReturnUnit(store: SandboxStore, seller: SellerRecord, id: number): ReturnUnitRecord {
  const unit = store.returnUnits.get(id);
  if (!unit || unit.id_seller !== seller.id_seller) throw notFound('Return unit not found');
  return unit;
}

/**
 * The seller's answer. Accepting refunds the buyer (the order unit becomes `returned_paid`); rejecting keeps the
 * sale (the order unit goes back to `received`); clarify and repair leave the order unit as it is. A message
 * (reject, clarify) is validated before the status is checked, as with the order-unit actions.
 */
export function answerReturnUnit(
  store: SandboxStore,
  unit: ReturnUnitRecord,
  action: ReturnAction,
  rawBody?: unknown,
): void {
  const message =
    action === 'reject' || action === 'clarify' ? validateBody(returnMessageSchema, rawBody).message : null;
  const allowed = ALLOWED_FROM[action];
  if (!allowed.includes(unit.status)) {
    throw new ProblemError(
      403,
      '/problems/returns/unit-wrong-status',
      `Return unit ${unit.id_return_unit} is ${unit.status}; ${action} is only allowed from ${allowed.join(', ')}`,
    );
  }
  const now = store.nowIso();
  unit.status = RESULT[action];
  if (message !== null && (action === 'reject' || action === 'clarify'))
    unit.messages.push({ action, message, ts_created_iso: now });
  const parent = store.returns.get(unit.id_return);
  if (parent) parent.ts_updated_iso = now;
  const orderUnit = store.orderUnits.get(unit.id_order_unit);
  if (action === 'accept') unit.accepts = (unit.accepts ?? 0) + 1;
  if (orderUnit && action === 'accept') setOrderUnitStatus(store, orderUnit, 'returned_paid');
  if (orderUnit && action === 'reject') setOrderUnitStatus(store, orderUnit, 'received');
  store.changed();
}

/** Control API: the buyer registers a return in their Kaufland account. The seller follows from the order units. */
export function buyerStartsReturn(store: SandboxStore, raw: BuyerReturnInput): ReturnRecord {
  const input = validateBody(buyerReturnSchema, raw);
  const firstId = input.order_units[0]?.id_order_unit ?? 0;
  const seller = store.sellers.get(store.orderUnits.get(firstId)?.id_seller ?? -1);
  if (!seller) throw notFound(`Order unit ${firstId} not found`);
  return startReturn(
    store,
    seller,
    input.order_units.map((line) => ({ ...line, note: line.note ?? null })),
    { provider: input.tracking_provider ?? null, code: input.tracking_code ?? null },
  );
}

/** Control API: the return parcel is delivered to the seller. */
export function parcelArrives(store: SandboxStore, idReturn: number, raw: ReturnArrivalInput): ReturnRecord {
  const input = validateBody(returnArrivalSchema, raw);
  return returnArrives(store, idReturn, { provider: input.tracking_provider, code: input.tracking_code });
}

/** Control API: Kaufland moves a return unit to any status (e.g. `return_closed`); its return counts as changed. */
export function forceReturnUnitStatus(store: SandboxStore, id: number, raw: unknown): ReturnUnitRecord {
  const { status } = validateBody(setReturnUnitStatusSchema, raw);
  const unit = store.returnUnits.get(id);
  if (!unit) throw notFound('Return unit not found');
  unit.status = status;
  const parent = store.returns.get(unit.id_return);
  if (parent) parent.ts_updated_iso = store.nowIso();
  store.changed();
  return unit;
}
