import type { ErpDeliveryStatus, ErpSaleOrderState } from '../../core/ports/erp.port.ts';

type Domain = unknown[];

/**
 * Every difference between Odoo versions the connector cares about, in one place.
 * - storable products: `type = 'product'` (≤14), `detailed_type = 'product'` (15–17), `is_storable` (18+);
 * - done quantity on a move: `quantity_done` (≤16), `quantity` + `picked` (17+);
 * - sale order states: 16 still has `done` (locked); 17+ locks with a flag and keeps `sale`;
 * - order line taxes: `tax_id` (≤18), `tax_ids` (19+);
 * - a price-included tax: `price_include` is a plain field (≤17); from 18 it is computed, read-only and ignored
 *   on write/copy, `price_include_override = 'tax_included'` sets it (checked on the real 19.0);
 * - the API: JSON-RPC (≤18), JSON-2 (19+, where /jsonrpc is deprecated and announced to go in 20): `transport/open.ts`;
 * - validating a picking with nothing entered: a `stock.immediate.transfer` wizard (≤16), automatic (17+);
 * - the return wizard's button: `create_returns` (17), `action_create_returns` (18+), whose lines start at 0
 *   instead of the delivered quantity (checked on the real 19.0);
 * - "Send & Print": the `account.move.send` wizard with checkboxes (17), `account.move.send.wizard` with
 *   `sending_methods` (18+; `manual` = download only, checked on the real 19.0);
 * - a draft invoice's `name`: "/" (17), false (19).
 */
export interface OdooDialect {
  major: number;
  storableProductVals: Record<string, unknown>;
  storableDomain: Domain;
  /** The product fields `productKind` reads. */
  productKindFields: string[];
  productKind(row: Record<string, unknown>): 'storable' | 'consumable' | 'other';
  moveDoneField: 'quantity' | 'quantity_done';
  hasPicked: boolean;
  /** The sale order line's taxes field: `tax_id` up to 18, `tax_ids` from 19. */
  lineTaxField: 'tax_id' | 'tax_ids';
  /** What makes an account.tax price-included on create, write or copy. */
  includedTaxVals: Record<string, unknown>;
  saleState(state: string): ErpSaleOrderState;
  deliveryStatus(value: unknown): ErpDeliveryStatus | null;
  /** The return wizard's public button method. */
  createReturnsMethod: 'create_returns' | 'action_create_returns';
  /** The Send & Print wizard and the values that make it render and store the PDF without e-mailing it. */
  sendAndPrint(invoiceId: number): {
    model: string;
    vals: Record<string, unknown>;
    context: Record<string, unknown>;
  };
}

const SALE_STATES: Record<string, ErpSaleOrderState> = {
  draft: 'draft',
  sent: 'draft',
  sale: 'confirmed',
  done: 'done',
  cancel: 'cancelled',
};
const DELIVERY: readonly string[] = ['pending', 'started', 'partial', 'full'];

export function dialectFor(major: number): OdooDialect {
  const storable =
    major >= 18
      ? { vals: { type: 'consu', is_storable: true }, domain: [['is_storable', '=', true]] }
      : major >= 15
        ? { vals: { detailed_type: 'product' }, domain: [['detailed_type', '=', 'product']] }
        : { vals: { type: 'product' }, domain: [['type', '=', 'product']] };
  const kindField = major >= 15 && major < 18 ? 'detailed_type' : 'type';
  return {
    major,
    storableProductVals: storable.vals,
    storableDomain: storable.domain,
    productKindFields: major >= 18 ? ['type', 'is_storable'] : [kindField],
    productKind: (row) => {
      if (major >= 18) {
        if (row.is_storable === true) return 'storable';
        return row.type === 'consu' ? 'consumable' : 'other';
      }
      const kind = row[kindField];
      return kind === 'product' ? 'storable' : kind === 'consu' ? 'consumable' : 'other';
    },
    moveDoneField: major >= 17 ? 'quantity' : 'quantity_done',
    hasPicked: major >= 17,
    lineTaxField: major >= 19 ? 'tax_ids' : 'tax_id',
    includedTaxVals: major >= 18 ? { price_include_override: 'tax_included' } : { price_include: true },
    saleState: (state) => SALE_STATES[state] ?? 'draft',
    // delivery_status exists from 16; older versions report null and the sync relies on pickings.
    deliveryStatus: (value) =>
      typeof value === 'string' && DELIVERY.includes(value) ? (value as ErpDeliveryStatus) : null,
    createReturnsMethod: major >= 18 ? 'action_create_returns' : 'create_returns',
    sendAndPrint: (invoiceId) => {
      const context = { active_model: 'account.move', active_ids: [invoiceId] };
      return major >= 18
        ? {
            model: 'account.move.send.wizard',
            vals: { move_id: invoiceId, sending_methods: ['manual'] },
            context,
          }
        : {
            model: 'account.move.send',
            vals: { checkbox_send_mail: false, checkbox_download: true },
            context,
          };
    },
  };
}
