import { useCallback } from 'react';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { Link } from '../components/Link.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { OrderFacts } from '../components/OrderFacts.tsx';
import { OrderLines } from '../components/OrderLines.tsx';
import { OrderTimeline } from '../components/OrderTimeline.tsx';
import { RetryButton } from '../components/RetryButton.tsx';
import { dashboardApi } from '../dashboard-api.ts';
import { orderMilestones } from '../lib/order-milestones.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useNow } from '../lib/use-now.ts';
import { usePolling } from '../lib/use-polling.ts';
import { useSystemNames } from '../lib/use-system-names.ts';

const REFRESH_SECONDS = 3;

/** One order: where it stands in the cycle, with times, and what holds it back. */
export function OrderPage({ id }: { id: string }) {
  const now = useNow(1000);
  const names = useSystemNames();
  const load = useCallback(() => dashboardApi.order(id), [id]);
  const { data: detail, error, refresh } = usePolling(load, REFRESH_SECONDS * 1000);
  const data = detail && { detail, marketplace: names.marketplaceOf(detail.order.accountId), erp: names.erp };
  const orderId = detail?.order.marketplaceOrderId;
  useDocumentTitle(orderId ? `Order ${orderId}` : 'Order');

  return (
    <>
      <p className="back">
        <Link to="/orders">← All orders</Link>
      </p>
      {!data && !error && <p className="muted">Loading the order…</p>}
      {!data && error && <LoadFailed what="The order" message={error} onRetry={() => void refresh()} />}
      {data && (
        <>
          <div className="page-head page-head-split">
            <div>
              <h1>
                Order <span className="mono">{data.detail.order.marketplaceOrderId}</span>
              </h1>
              <p className="lead">
                From {data.detail.order.accountName} on {data.marketplace}{' '}
                {data.detail.order.channel.toUpperCase()}, on its way through the sync cycle.
              </p>
            </div>
            <div className="page-head-aside">
              <LiveStatus error={error} everySeconds={REFRESH_SECONDS} />
            </div>
          </div>
          {data.detail.issues.map((issue) => (
            <div key={issue.id} className="alert alert-warning issue-alert" role="alert">
              <p className="alert-title">{issue.message}</p>
              {issue.hint && <p className="alert-hint">What to do: {issue.hint}</p>}
              <RetryButton
                label={`Retry order ${data.detail.order.marketplaceOrderId}`}
                retry={async () => {
                  await dashboardApi.retryOrder(id);
                  await refresh();
                }}
                done="Queued: the orders step tries this order again now."
              />
            </div>
          ))}
          <div className="order-grid">
            <section className="card" aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">Timeline</h2>
              <OrderTimeline
                milestones={orderMilestones(data.detail, data.marketplace, data.erp)}
                now={now}
              />
            </section>
            <section className="card" aria-labelledby="order-facts-heading">
              <h2 id="order-facts-heading">Details</h2>
              <OrderFacts detail={data.detail} />
            </section>
          </div>
          <section className="section card card-flush" aria-labelledby="units-heading">
            <h2 id="units-heading" className="card-flush-heading">
              Units
            </h2>
            <OrderLines detail={data.detail} />
          </section>
        </>
      )}
    </>
  );
}
