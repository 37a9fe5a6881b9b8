import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { afterSaleApi } from '../after-sale-api.ts';
import '../after-sale.css';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { Link } from '../components/Link.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { OrderFacts } from '../components/OrderFacts.tsx';
import { OrderIssueWords } from '../components/OrderIssueWords.tsx';
import { OrderLines } from '../components/OrderLines.tsx';
import { OrderTimeline } from '../components/OrderTimeline.tsx';
import { RefundForm } from '../components/RefundForm.tsx';
import { RetryButton } from '../components/RetryButton.tsx';
import { dashboardApi } from '../dashboard-api.ts';
import { afterSaleMilestones, orderMilestones } from '../lib/order-milestones.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useNow } from '../lib/use-now.ts';
import { usePolling } from '../lib/use-polling.ts';
import { useSystemNames } from '../lib/use-system-names.ts';

const REFRESH_SECONDS = 3;

/** One order: where it stands in the cycle and after the sale, with times, and what holds it back. */
export function OrderPage({ id }: { id: string }) {
  const { t } = useTranslation('order');
  const now = useNow(1000);
  const names = useSystemNames();
  const load = useCallback(
    // The after-sale part is an extra: the order shows even when it cannot be read.
    async () => {
      const [detail, afterSale] = await Promise.all([
        dashboardApi.order(id),
        afterSaleApi.order(id).catch(() => undefined),
      ]);
      return { detail, afterSale };
    },
    [id],
  );
  const { data: loaded, error, refresh } = usePolling(load, REFRESH_SECONDS * 1000);
  const data = loaded && {
    ...loaded,
    marketplace: names.marketplaceOf(loaded.detail.order.accountId),
    erp: names.erp,
  };
  const orderId = loaded?.detail.order.marketplaceOrderId;
  useDocumentTitle(orderId ? t('title', { id: orderId }) : t('titleLoading'));
  const shipped = data?.detail.lines.some((l) => l.status === 'shipped' || l.status === 'confirmed');

  return (
    <>
      <p className="back">
        <Link to="/orders">{t('back')}</Link>
      </p>
      {!data && !error && <p className="muted">{t('loading')}</p>}
      {!data && error && <LoadFailed what={t('what')} message={error} onRetry={() => void refresh()} />}
      {data && (
        <>
          <div className="page-head page-head-split">
            <div>
              <h1>
                {t('titleLoading')} <span className="mono">{data.detail.order.marketplaceOrderId}</span>
              </h1>
              <p className="lead">
                {t('lead', {
                  account: data.detail.order.accountName,
                  marketplace: data.marketplace,
                  storefront: data.detail.order.channel.toUpperCase(),
                })}
              </p>
            </div>
            <div className="page-head-aside">
              <LiveStatus error={error} everySeconds={REFRESH_SECONDS} />
            </div>
          </div>
          {data.detail.issues.map((issue) => (
            <div key={issue.id} className="alert alert-warning issue-alert" role="alert">
              <OrderIssueWords issue={issue} />
              <RetryButton
                label={t('retryLabel', { id: data.detail.order.marketplaceOrderId })}
                retry={async () => {
                  await dashboardApi.retryOrder(id);
                  await refresh();
                }}
                done={t('retryDone')}
              />
            </div>
          ))}
          <div className="order-grid">
            <section className="card" aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">{t('timeline')}</h2>
              <OrderTimeline
                milestones={[
                  ...orderMilestones(data.detail, data.marketplace, data.erp),
                  ...(data.afterSale ? afterSaleMilestones(data.afterSale, data.marketplace, data.erp) : []),
                ]}
                now={now}
              />
            </section>
            <section className="card" aria-labelledby="order-facts-heading">
              <h2 id="order-facts-heading">{t('details')}</h2>
              <OrderFacts detail={data.detail} afterSale={data.afterSale} />
            </section>
          </div>
          <section className="section card card-flush" aria-labelledby="units-heading">
            <h2 id="units-heading" className="card-flush-heading">
              {t('units')}
            </h2>
            <OrderLines detail={data.detail} afterSale={data.afterSale} />
          </section>
          {data.afterSale && shipped && (
            <section className="section card" aria-labelledby="refund-heading">
              <h2 id="refund-heading">{t('refund.heading')}</h2>
              <RefundForm
                detail={data.detail}
                afterSale={data.afterSale}
                marketplace={data.marketplace}
                erp={data.erp}
                onDone={refresh}
              />
            </section>
          )}
        </>
      )}
    </>
  );
}
