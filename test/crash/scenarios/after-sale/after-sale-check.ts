import { documentFileName } from '../../../../src/sync/streams/documents/file-name.ts';
import { desiredAmount } from '../../../../src/sync/streams/offers/desired-offer.ts';
import { ACCOUNT_SAFETY_BUFFER, ERP_SAFETY_BUFFER, type CrashWorld } from '../../crash-world.ts';
import type { LiveOrder } from '../../end-state.ts';
import type { PlannedReturn } from './buyers-return.ts';

/** The hub's reference at the end of a return's credit note: "[kaufland:return:<id>:credit]" (or a later batch "/<line>"). */
const CREDIT_REF = /:return:(\d+)(?:\/[^:\]]+)?:credit\]?\s*$/;

export interface AfterSaleCounts {
  orders: number;
  invoicesUploadedOnce: number;
  returns: number;
  returnUnits: number;
  unitsAcceptedOnce: number;
  creditNotes: number;
  creditNotesUploadedOnce: number;
  duplicates: number;
  missing: number;
  stockChecked: number;
}

/** What remains to happen before the after-sale world is settled (empty: converged). */
export function stillPending(
  w: CrashWorld,
  live: readonly LiveOrder[],
  returns: readonly PlannedReturn[],
): string[] {
  const c = checkAfterSale(w, live, returns, { stock: false });
  return c.problems;
}

/**
 * Both sandboxes against what happened: every order once in Odoo with exactly one posted invoice; every posted
 * Odoo document (invoice and credit note) uploaded to its Kaufland order exactly once under its file name, and
 * nothing else uploaded; every returned unit accepted on Kaufland exactly once (the sandbox counts accepts);
 * exactly one posted credit note per accepted return and none besides; at least one return receipt done in
 * Odoo per return and at most one per delivery picking; Kaufland amounts on every account equal to Odoo's free quantity minus both buffers.
 */
export function checkAfterSale(
  w: CrashWorld,
  live: readonly LiveOrder[],
  returns: readonly PlannedReturn[],
  options: { stock: boolean } = { stock: true },
): { problems: string[]; counts: AfterSaleCounts } {
  const problems: string[] = [];
  let duplicates = 0;
  let missing = 0;
  const kaufland = w.kaufland.state();
  const odoo = w.odoo.state();
  const refOfOrder = new Map(odoo.orders.map((o) => [text(o.name), text(o.clientOrderRef)]));
  const saleOrdersPerRef = countBy(odoo.orders.map((o) => text(o.clientOrderRef)));
  for (const order of live) {
    const n = saleOrdersPerRef.get(order.idOrder) ?? 0;
    if (n !== 1) problems.push(`order ${order.idOrder}: ${n} sale orders in Odoo`);
  }

  // Documents: the order a document belongs to (a credit note's via the invoice it reverses, if it has no origin).
  const docs = odoo.documents
    .filter((d) => d.state !== 'cancel')
    .map((d) => ({
      ...d,
      name: text(d.name),
      state: text(d.state),
      ref: d.ref === null ? null : text(d.ref),
    }));
  const pickings = odoo.pickings.map((p) => ({
    name: text(p.name),
    origin: text(p.origin),
    state: text(p.state),
    returnOf: p.returnOf,
  }));
  const docByName = new Map(docs.map((d) => [d.name, d]));
  const refOfDoc = (d: (typeof docs)[number]): string | null => {
    const origin = d.origin ?? (d.reversalOf ? (docByName.get(d.reversalOf)?.origin ?? null) : null);
    return origin ? (refOfOrder.get(text(origin)) ?? null) : null;
  };
  const uploads = countBy(
    kaufland.order_invoices.map((i) => `${i.id_order}|${i.original_name.toLowerCase()}`),
  );
  const expectedUploads = new Set<string>();
  let invoicesOnce = 0;
  let creditsOnce = 0;
  for (const d of docs) {
    const ref = refOfDoc(d);
    if (d.state !== 'posted') {
      problems.push(`${d.type} ${d.name} of ${ref}: ${d.state}, not posted`);
      continue;
    }
    const key = `${ref}|${documentFileName(d.name).toLowerCase()}`;
    expectedUploads.add(key);
    const n = uploads.get(key) ?? 0;
    if (n === 1) {
      if (d.type === 'invoice') invoicesOnce++;
      else creditsOnce++;
      continue;
    }
    problems.push(`${d.type} ${d.name} of ${ref}: uploaded to Kaufland ${n} times`);
    if (n === 0) missing++;
    else duplicates += n - 1;
  }
  for (const [key, n] of uploads) {
    if (expectedUploads.has(key)) continue;
    problems.push(`Kaufland document ${key} (${n}×) matches no posted Odoo document`);
    duplicates += n;
  }
  const invoicesPerRef = countBy(docs.filter((d) => d.type === 'invoice').map((d) => refOfDoc(d) ?? '?'));
  for (const order of live) {
    const n = invoicesPerRef.get(order.idOrder) ?? 0;
    if (n === 1) continue;
    problems.push(`order ${order.idOrder}: ${n} invoices in Odoo`);
    if (n === 0) missing++;
    else duplicates += n - 1;
  }

  // Returns: each unit accepted once; each return one credit note and one return receipt done.
  const returnUnits = kaufland.return_units;
  const creditsPerReturn = countBy(
    docs
      .filter((d) => d.type === 'credit_note')
      .map((d) => CREDIT_REF.exec(d.ref ?? '')?.[1] ?? `? ${d.name}`),
  );
  // A return spanning two deliveries gets a receipt on each; a delivery is never returned twice.
  const doneReturns = pickings.filter((p) => p.returnOf !== null && p.state === 'done');
  for (const [delivery, n] of countBy(doneReturns.map((p) => text(p.returnOf))))
    if (n > 1) problems.push(`delivery ${delivery}: ${n} return receipts done in Odoo`);
  const doneReceiptsPerOrder = countBy(
    doneReturns.map((p) => refOfOrder.get(pickings.find((o) => o.name === p.returnOf)?.origin ?? '') ?? '?'),
  );
  let unitsOnce = 0;
  let creditNotes = 0;
  const planned = new Set<string>();
  for (const r of returns) {
    if (r.idReturn === undefined) {
      problems.push(`return of ${r.order.idOrder} never started (its units were not all sent)`);
      missing += r.unitIds.length;
      continue;
    }
    planned.add(String(r.idReturn));
    const units = returnUnits.filter((u) => u.id_return === r.idReturn);
    if (units.length !== r.unitIds.length)
      problems.push(`return ${r.idReturn}: ${units.length} units on Kaufland, sent back ${r.unitIds.length}`);
    for (const u of units) {
      if (u.status === 'return_accepted' && u.accepts === 1) unitsOnce++;
      else problems.push(`return unit ${u.id_return_unit}: ${u.status}, accepted ${u.accepts}×`);
      if (u.accepts > 1) duplicates += u.accepts - 1;
      if (u.accepts === 0) missing++;
    }
    const notes = creditsPerReturn.get(String(r.idReturn)) ?? 0;
    if (notes === 1) creditNotes++;
    else {
      problems.push(`return ${r.idReturn} of ${r.order.idOrder}: ${notes} credit notes in Odoo`);
      if (notes === 0) missing++;
      else duplicates += notes - 1;
    }
    const receipts = doneReceiptsPerOrder.get(r.order.idOrder) ?? 0;
    if (receipts < 1) problems.push(`return of ${r.order.idOrder}: ${receipts} return receipts done in Odoo`);
  }
  for (const [id, n] of creditsPerReturn)
    if (!planned.has(id)) {
      problems.push(`credit note(s) for no planned return: ${id} (${n}×)`);
      duplicates += n;
    }

  let stockChecked = 0;
  if (options.stock) {
    const products = new Map(odoo.products.map((p) => [p.sku, p]));
    for (const unit of kaufland.units) {
      const product = products.get(unit.id_offer ?? null);
      if (!product) continue;
      stockChecked++;
      const want = desiredAmount(
        product.free,
        product.active,
        {
          erpSafetyBuffer: ERP_SAFETY_BUFFER,
          accountSafetyBuffer: ACCOUNT_SAFETY_BUFFER,
          priceRule: { factor: 1, surchargeMinor: 0, rounding: 'none', minimumMinor: null },
          handlingTimeDays: 1,
          shippingGroupId: null,
        },
        0,
      );
      if (unit.amount !== want)
        problems.push(
          `stock ${unit.id_offer} on ${unit.storefront}: Kaufland ${unit.amount}, Odoo free ${product.free} → ${want}`,
        );
    }
  }

  return {
    problems,
    counts: {
      orders: live.length,
      invoicesUploadedOnce: invoicesOnce,
      returns: returns.length,
      returnUnits: returns.reduce((n, r) => n + r.unitIds.length, 0),
      unitsAcceptedOnce: unitsOnce,
      creditNotes,
      creditNotesUploadedOnce: creditsOnce,
      duplicates,
      missing,
      stockChecked,
    },
  };
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** The Odoo sandbox's state holds loosely typed values. */
function text(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
