/**
 * The JSON shapes of the dashboard API (src/views/*.queries.ts, src/http/routes/views.routes.ts,
 * sync.routes.ts, demo.routes.ts). The read models' own types are imported, so that a changed query breaks
 * the UI's type check instead of a page; `import type` is erased by the build, so no server code is bundled.
 */
import type { OfferRow } from '../views/offers.queries.ts';
import type { OrderRow, TimelineEvent } from '../views/orders.queries.ts';
import type { Charts } from '../views/overview.queries.ts';
import type { SkuCheck } from '../views/sku-check.queries.ts';
import type { Account } from './api-types.ts';
import type { Erp } from './erp-types.ts';

export type { OfferFilter } from '../views/offers.queries.ts';
export type { Charts, OfferRow, OrderRow, SkuCheck };

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

export type LatencyPoint = Charts['orderLatency'][number];

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

export type OrderState = OrderRow['state'];

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
  timeline: TimelineEvent[];
  issues: { id: string; code: string; message: string; hint: string | null }[];
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
