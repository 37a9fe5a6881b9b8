import type { Issue } from '../dashboard-types.ts';

/**
 * What the seller reads for an issue code: a plain title and, for issues that stop syncing, the one action that
 * leads to the fix. Codes stay in the JSON API and the logs, never on screen. One table per language, keyed by
 * code, so German (and more) is one more table of the same shape.
 */
export interface IssueAction {
  label: string;
  to: string;
}

interface IssueText {
  title: string;
  action?: (issue: Issue) => IssueAction;
}

const keysOf = (issue: Issue): IssueAction => ({
  label: 'Update keys',
  to: `/accounts?keys=${encodeURIComponent(issue.accountId ?? '')}`,
});
const erpPage: IssueAction = { label: 'Check the ERP connection', to: '/erp' };

const EN: Record<string, IssueText> = {
  'account.credentials_invalid': { title: 'Marketplace keys refused', action: keysOf },
  'secrets.unreadable': { title: 'Stored keys cannot be read', action: keysOf },
  'erp.refusing': { title: 'The ERP refuses the connection', action: () => erpPage },
  'erp.unreachable': { title: 'ERP unreachable', action: () => erpPage },
  'sync.step_failing': {
    title: 'A sync step keeps failing',
    action: (issue) => ({
      label: 'See the runs',
      to: `/runs?account=${encodeURIComponent(issue.accountId ?? '')}`,
    }),
  },
  'orders.held_too_long': {
    title: 'Orders held back too long',
    action: () => ({ label: 'See the held orders', to: '/orders?state=held' }),
  },
  'shipment.rejected': {
    title: 'Shipment confirmation refused',
    // The order's own page: its timeline says what was sent and what came back.
    action: (issue) => ({
      label: 'Open the order',
      to: issue.orderId ? `/orders/${issue.orderId}` : `/orders?q=${encodeURIComponent(issue.subject)}`,
    }),
  },
  'shipment.carrier_unmapped': {
    title: 'Shipments wait: an Odoo carrier has no Kaufland carrier',
    action: (issue) => ({
      label: `Map carrier ${issue.subject}`,
      to: `/carriers?account=${encodeURIComponent(issue.accountId ?? '')}&carrier=${encodeURIComponent(issue.subject)}`,
    }),
  },
  'order.sku_not_in_erp': { title: 'Order waits for a product missing in the ERP' },
  'order.refused_by_erp': { title: 'The ERP refused an order' },
  'order.no_address': { title: 'Order without a delivery address' },
  'order.currency_mismatch': { title: "Order currency differs from the ERP's" },
  'order.total_differs': { title: "The ERP's order total differs from what the buyer paid" },
  'order.cancel_refused': { title: 'A cancellation was refused' },
  'order.cancelled_after_shipping': { title: 'Cancelled on the marketplace after it shipped' },
  'order.erp_cancelled_after_shipping': { title: 'Cancelled in the ERP after it shipped' },
  'order.partially_cancelled': { title: 'Order partly cancelled' },
  'sku.no_ean': { title: 'Product without an EAN cannot be offered' },
  'sku.duplicate_ean': { title: 'Two products share one EAN' },
  'sku.not_in_erp_offer': { title: 'Offer on the marketplace for a product missing in the ERP' },
  'offer.rejected': { title: 'The marketplace refused an offer' },
  'price.rate_held': { title: 'Price held: no usable exchange rate' },
};

const CATALOGS: Record<string, Record<string, IssueText>> = { en: EN };

/** The title for an issue's code (a general one for codes not in the table yet) and its action, if any. */
export function issueText(issue: Issue, language = 'en'): { title: string; action?: IssueAction } {
  const entry = (CATALOGS[language] ?? EN)[issue.code] ?? EN[issue.code];
  return {
    title: entry?.title ?? (issue.attention ? 'Syncing has stopped' : 'Held back'),
    action: entry?.action?.(issue),
  };
}
