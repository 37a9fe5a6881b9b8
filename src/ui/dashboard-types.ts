/**
 * The JSON shapes of the dashboard API (src/views/*.queries.ts, src/http/routes/views.routes.ts,
 * sync.routes.ts, demo.routes.ts).
 */
import type { Account } from './api-types.ts';
import type { Erp } from './erp-types.ts';

export const STEPS = ['catalog', 'stock', 'orders', 'shipments', 'cancellations'] as const;
export type Step = (typeof STEPS)[number];

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'paused' | 'skipped';
export type Trigger = 'schedule' | 'manual' | 'cli' | 'retry';

export interface RunCounts {
  read: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

export interface Run {
  id: string;
  accountId: string;
  step: Step;
  trigger: Trigger;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  counts: RunCounts;
  /** Calls by "system METHOD endpoint". */
  apiCalls: Record<string, number>;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface LatencyPoint {
  hour: string;
  p50: number;
  p95: number;
}

export interface Charts {
  ordersPerHour: { hour: string; orders: number }[];
  orderLatency: LatencyPoint[];
  stockLatency: LatencyPoint[];
  callsPerMinute: { minute: string; calls: number }[];
  failuresPerStep: { step: string; failures: number; runs: number }[];
}

export interface OverviewAccount extends Account {
  openIssues: number;
  /** The newest run of each step that has run at all. */
  steps: (Run & { nextRunAt: string })[];
}

export interface Overview {
  erp: Erp | null;
  openIssues: number;
  accounts: OverviewAccount[];
  charts: Charts;
}

export type OrderState = 'received' | 'held' | 'in_erp' | 'shipped' | 'cancelled';

export interface OrderRow {
  id: string;
  accountId: string;
  accountName: string;
  marketplaceOrderId: string;
  channel: string;
  buyer: string | null;
  currency: string;
  totalMinor: number;
  units: number;
  erpOrderName: string | null;
  state: OrderState;
  holdReason: string | null;
  receivedAt: string;
  marketplaceCreatedAt: string;
}

export interface Paged<T> {
  total: number;
  items: T[];
}

export interface Address {
  firstName?: string;
  lastName?: string;
  company?: string | null;
  street?: string;
  houseNumber?: string;
  postcode?: string;
  city?: string;
  country?: string;
}

export type TimelineEventKind =
  'placed' | 'stored' | 'in_erp' | 'shipped' | 'confirmed' | 'cancelled' | 'held';

export interface OrderDetail {
  order: {
    id: string;
    accountId: string;
    accountName: string;
    marketplaceOrderId: string;
    channel: string;
    currency: string;
    totalMinor: number;
    state: OrderState;
    holdReason: string | null;
    erpOrderName: string | null;
    buyer: { email?: string | null } | null;
    shippingAddress: Address | null;
    billingAddress: Address | null;
  };
  lines: {
    lineId: string;
    sku: string | null;
    title: string | null;
    priceMinor: number;
    shippingMinor: number;
    status: 'open' | 'shipped' | 'confirmed' | 'cancelled';
    carrier: string | null;
    trackingNumbers: string[];
    confirmError: string | null;
  }[];
  timeline: { event: TimelineEventKind; at: string; detail: string }[];
  issues: { id: string; code: string; message: string; hint: string | null }[];
}

export type OfferFilter = 'all' | 'out_of_sync' | 'no_ean' | 'not_on_marketplace';

export interface OfferRow {
  sku: string;
  ean: string | null;
  name: string;
  erpQuantity: number;
  erpPriceMinor: number;
  marketplaceAmount: number | null;
  marketplacePriceMinor: number | null;
  confirmedAt: string | null;
  offerStatus: string | null;
  lastError: string | null;
  changedAt: string;
  outOfSync: boolean;
}

export interface SkuCheck {
  erpNotOnMarketplace: { sku: string; name: string; ean: string | null; reason: string }[];
  marketplaceNotInErp: { sku: string; channel: string }[];
  duplicateEans: { ean: string; skus: string[] }[];
}

export interface Issue {
  id: string;
  accountId: string | null;
  step: string;
  code: string;
  subject: string;
  message: string;
  hint: string | null;
  details: Record<string, unknown>;
  occurrences: number;
  createdAt: string;
  lastSeenAt: string;
}

export interface DemoInfo {
  accountId: string;
  startedAt: string;
  storefronts: string[];
  products: number;
  mismatchSku: string;
}
