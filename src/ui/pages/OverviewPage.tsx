import { useCallback } from 'react';
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
  useDocumentTitle('Overview');
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
  const marketplace = systemName(data?.overview.accounts[0]?.type, 'the marketplace');
  const erp = systemName(data?.overview.erp?.type, 'the ERP');

  return (
    <>
      <PageHead
        title="Overview"
        lead="Every account's Complete Sync Cycle at a glance: what ran, what it did, what runs next."
        aside={data && <LiveStatus error={error} everySeconds={REFRESH_SECONDS} />}
      />
      {!data && !error && <p className="muted">Loading the overview…</p>}
      {!data && error && <LoadFailed what="The overview" message={error} onRetry={() => void refresh()} />}
      {data && (
        <>
          {data.demo && <DemoBanner demo={data.demo} />}
          <AttentionList issues={data.issues} />
          <SummaryTiles overview={data.overview} />
          <section className="section" aria-labelledby="accounts-heading">
            <h2 id="accounts-heading">Accounts</h2>
            {data.overview.accounts.length === 0 ? (
              <p className="empty">
                No marketplace account is connected yet. <Link to="/accounts">Connect one on Accounts</Link> —
                or try AdlerDo with the built-in sandbox there.
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
            <h2 id="trends-heading">Trends</h2>
            <OverviewCharts charts={data.overview.charts} now={now} marketplace={marketplace} erp={erp} />
          </section>
        </>
      )}
    </>
  );
}
