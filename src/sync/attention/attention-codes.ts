/**
 * The attention model: issue codes that mean "syncing has stopped (or will not go on) until someone acts".
 * They are counted and shown first on Overview and Issues, and e-mailed (src/alerts). Everything else in
 * sync_issues is one held-back record the seller may look at when they like.
 */
export const ATTENTION = {
  /** The marketplace refused the account's keys: the account is paused. */
  credentialsInvalid: 'account.credentials_invalid',
  /** AdlerDo cannot decrypt the account's stored keys (a different master key). */
  secretsUnreadable: 'secrets.unreadable',
  /** The ERP refused AdlerDo's login, or its connection is in error: every account waits. */
  erpRefusing: 'erp.refusing',
  /** The ERP did not answer (down, timing out, failing): every account waits. */
  erpUnreachable: 'erp.unreachable',
  /** One step failed on its last runs in a row. */
  stepFailing: 'sync.step_failing',
  /** Orders held back longer than the configured time. */
  ordersHeld: 'orders.held_too_long',
  /** The marketplace refused a shipment confirmation (raised by the shipments step). */
  shipmentRejected: 'shipment.rejected',
  /** A delivery's ERP carrier has no marketplace carrier yet: its confirmations wait (shipments step). */
  carrierUnmapped: 'shipment.carrier_unmapped',
} as const;

export type AttentionCode = (typeof ATTENTION)[keyof typeof ATTENTION];

const ALL = new Set<string>(Object.values(ATTENTION));

/** The codes the reconciler owns (opens and clears from the state); shipment.rejected belongs to its step. */
export const RECONCILED_CODES: readonly AttentionCode[] = [
  ATTENTION.credentialsInvalid,
  ATTENTION.secretsUnreadable,
  ATTENTION.erpRefusing,
  ATTENTION.erpUnreachable,
  ATTENTION.stepFailing,
  ATTENTION.ordersHeld,
];

export function isAttention(code: string): boolean {
  return ALL.has(code);
}

/** The pseudo-step recorded on issues about a whole account or the ERP (not one step's record). */
export const ATTENTION_STEP = 'sync';
