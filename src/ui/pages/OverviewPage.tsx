import { useCallback } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { AccountSyncCard } from '../components/AccountSyncCard.tsx';
import { AttentionList } from '../components/AttentionList.tsx';
import { DemoBanner } from '../components/DemoBanner.tsx';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { Link } from '../components/Link.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { OverviewCharts } from '../components/OverviewCharts.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { SummaryTiles } from '../components/SummaryTiles.tsx';
import { dashboardApi } from '../dashboard-api.ts';
import { systemName } from '../lib/labels.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useNow } from '../lib/use-now.ts';
import { usePolling } from '../lib/use-polling.ts';

// Steps run every 5–30 s: a 3 s refresh shows each run within moments of it ending.
const REFRESH_SECONDS = 3;

/** The landing page: is everything in step, what ran when, what runs next, and the trends. */
export function OverviewPage() {
  const { t } = useTranslation('overview');
  useDocumentTitle(t('title'));
  const now = useNow(1000);
  const load = useCallback(async () => {
    const [overview, demo, issues] = await Promise.all([
      dashboardApi.overview(),
      dashboardApi.demo(),
      dashboardApi.issues(),
    ]);
    return { overview, demo, issues };
  }, []);
  const { data, error, refresh } = usePolling(load, REFRESH_SECONDS * 1000);
  const marketplace = systemName(data?.overview.accounts[0]?.type, t('marketplace'));
  const erp = systemName(data?.overview.erp?.type, t('erp'));

  return (
    <>
      <PageHead
        title={t('title')}
        lead={t('lead')}
        aside={data && <LiveStatus error={error} everySeconds={REFRESH_SECONDS} />}
      />
      {!data && !error && <p className="muted">{t('loading')}</p>}
      {!data && error && <LoadFailed what={t('what')} message={error} onRetry={() => void refresh()} />}
      {data && (
        <>
          {data.demo && <DemoBanner demo={data.demo} />}
          <AttentionList issues={data.issues} />
          <SummaryTiles overview={data.overview} />
          <section className="section" aria-labelledby="accounts-heading">
            <h2 id="accounts-heading">{t('accounts')}</h2>
            {data.overview.accounts.length === 0 ? (
              <p className="empty">
                <Trans t={t} i18nKey="noAccounts" components={{ accounts: <Link to="/accounts" /> }} />
              </p>
            ) : (
              <div className="stack">
                {data.overview.accounts.map((account) => (
                  <AccountSyncCard
                    key={account.id}
                    account={account}
                    typeName={systemName(account.type, account.type)}
                    now={now}
                    onQueued={() => void refresh()}
                  />
                ))}
              </div>
            )}
          </section>
          <section className="section" aria-labelledby="trends-heading">
            <h2 id="trends-heading">{t('trends')}</h2>
            <OverviewCharts charts={data.overview.charts} now={now} marketplace={marketplace} erp={erp} />
          </section>
        </>
      )}
    </>
  );
}
