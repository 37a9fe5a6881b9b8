/**
 * The JSON shapes of the dashboard API (src/views/*.queries.ts, src/http/routes/views.routes.ts,
 * sync.routes.ts, demo.routes.ts). The read models' own types are imported, so that a changed query breaks
 * the UI's type check instead of a page; `import type` is erased by the build, so no server code is bundled.
 */
import type { Buyer, PostalAddress } from '../core/order.ts';
import type { DemoInfo } from '../http/routes/demo.routes.ts';
import type { OffersQuery, OrdersQuery } from '../http/schemas/views.schemas.ts';
import type { IssueRecord } from '../sync/issues.repository.ts';
import type { RunCounts } from '../sync/run-counts.ts';
import type { RunRecord, RunStatus } from '../sync/runs.repository.ts';
import type { Step, Trigger } from '../sync/steps.ts';
import type { OfferRow } from '../views/offers.queries.ts';
import type { orderDetail, OrderRow, TimelineEvent } from '../views/orders.queries.ts';
import type { Charts } from '../views/overview.queries.ts';
import type { SkuCheck } from '../views/sku-check.queries.ts';
import type { Account } from './api-types.ts';
import type { Erp } from './erp-types.ts';

export type { OfferFilter } from '../views/offers.queries.ts';
export type {
  Charts,
  DemoInfo,
  OffersQuery,
  OfferRow,
  OrderRow,
  OrdersQuery,
  RunCounts,
  RunStatus,
  SkuCheck,
  Step,
  Trigger,
};

/** The steps in the order a cycle runs them (a value the bundle needs; checked against the server's Step). */
export const STEPS = [
  'catalog',
  'stock',
  'orders',
  'shipments',
  'cancellations',
  'documents',
  'returns',
] as const satisfies readonly Step[];

export type Run = RunRecord;

export type LatencyPoint = Charts['orderLatency'][number];

export interface OverviewAccount extends Account {
  openIssues: number;
  /** The newest run of each step that has run at all. */
  steps: (Run & { nextRunAt: string })[];
}

export interface Overview {
  erp: Erp | null;
  openIssues: number;
  /** Open issues that stopped syncing (keys refused, ERP down, …): never "nothing needs you" while > 0. */
  attentionIssues: number;
  accounts: OverviewAccount[];
  charts: Charts;
}

export type OrderState = OrderRow['state'];

export interface Paged<T> {
  total: number;
  items: T[];
}

type OrderDetailRead = Awaited<ReturnType<typeof orderDetail>>;
type OrderDetailLine = OrderDetailRead['lines'][number];
/** Stored as jsonb from the vendor-neutral order (core/order.ts); older rows may lack fields. */
export type Address = Partial<PostalAddress>;

/** The read model's answer, with its jsonb columns and the line status spelled out. */
export type OrderDetail = Omit<OrderDetailRead, 'order' | 'lines'> & {
  order: Omit<OrderDetailRead['order'], 'buyer' | 'shippingAddress' | 'billingAddress'> & {
    buyer: Partial<Buyer> | null;
    shippingAddress: Address | null;
    billingAddress: Address | null;
  };
  lines: (Omit<OrderDetailLine, 'status'> & { status: 'open' | 'shipped' | 'confirmed' | 'cancelled' })[];
};
export type { TimelineEvent };

/** Issues as the API sends them: open ones only, so without resolvedAt. */
export type Issue = Omit<IssueRecord, 'resolvedAt'>;
