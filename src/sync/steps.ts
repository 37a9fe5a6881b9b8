/**
 * The steps of the Complete Sync Cycle, in the order one cycle runs them, with their default intervals.
 * Orders and shipments every 30 s keep money and stock moving within a minute; the catalog (names, prices,
 * EANs) changes rarely and costs a full ERP read, so every 5 minutes.
 */
export const STEPS = [
  'catalog',
  'stock',
  'orders',
  'shipments',
  'cancellations',
  'documents',
  'returns',
] as const;
export type Step = (typeof STEPS)[number];

export const DEFAULT_INTERVAL_SECONDS: Record<Step, number> = {
  catalog: 300,
  stock: 30,
  orders: 30,
  shipments: 30,
  cancellations: 60,
  // After the sale (issue 11): invoices and returns are not in a hurry, and each reads the ERP's documents.
  documents: 120,
  returns: 120,
};

// 'push': Kaufland or the ERP said something changed (src/push).
export type Trigger = 'schedule' | 'manual' | 'cli' | 'retry' | 'push';

export function isStep(value: string): value is Step {
  return (STEPS as readonly string[]).includes(value);
}
