import type { OrderState, RunStatus, Step, Trigger } from '../dashboard-types.ts';

/** The names sellers know the systems by; unknown types are shown as they are. */
const SYSTEM_NAMES: Record<string, string> = { kaufland: 'Kaufland', odoo: 'Odoo' };

export function systemName(type: string | undefined, fallback: string): string {
  return (type && SYSTEM_NAMES[type]) ?? fallback;
}

export const STEP_LABELS: Record<Step, { name: string; what: string }> = {
  catalog: { name: 'Catalog', what: 'Products, EANs and prices from the ERP' },
  stock: { name: 'Offers & stock', what: 'Amounts and prices out to the marketplace' },
  orders: { name: 'Orders', what: 'New orders into the ERP' },
  shipments: { name: 'Shipments', what: 'Carrier and tracking back to the marketplace' },
  cancellations: { name: 'Cancellations', what: 'Cancelled orders in step on both sides' },
};

export function stepName(step: string): string {
  return STEP_LABELS[step as Step]?.name ?? step;
}

export type Tone = 'ok' | 'info' | 'warn' | 'bad' | 'neutral';

export const RUN_STATUS: Record<RunStatus, { label: string; tone: Tone }> = {
  running: { label: 'Running', tone: 'info' },
  succeeded: { label: 'Succeeded', tone: 'ok' },
  failed: { label: 'Failed', tone: 'bad' },
  paused: { label: 'Paused', tone: 'warn' },
  skipped: { label: 'Skipped', tone: 'neutral' },
};

export const TRIGGER_LABELS: Record<Trigger, string> = {
  schedule: 'Scheduled',
  manual: 'Sync now',
  cli: 'Command line',
  retry: 'Retry',
  push: 'Push',
};

export const ORDER_STATES: Record<OrderState, { label: string; tone: Tone }> = {
  open: { label: 'Not ready to ship', tone: 'neutral' },
  received: { label: 'Received', tone: 'neutral' },
  held: { label: 'Held', tone: 'warn' },
  in_erp: { label: 'In ERP', tone: 'info' },
  shipped: { label: 'Shipped', tone: 'ok' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};
