import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallsChart } from '../components/CallsChart.tsx';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { RunsTable } from '../components/RunsTable.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { dashboardApi } from '../dashboard-api.ts';
import { STEPS, type Step } from '../dashboard-types.ts';
import { STEP_LABELS, systemName } from '../lib/labels.ts';
import { readQuery, writeQuery } from '../lib/url-query.ts';
import { useAccounts } from '../lib/use-accounts.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useNow } from '../lib/use-now.ts';
import { usePolling } from '../lib/use-polling.ts';

const REFRESH_SECONDS = 5;
const LIMIT = 100;

/** The run log: every step run with what it read and wrote, its API calls and its error. */
export function RunsPage() {
  const { t } = useTranslation('runs');
  useDocumentTitle(t('title'));
  const now = useNow(1000);
  const { accounts } = useAccounts();
  const [account, setAccount] = useState(() => readQuery('account'));
  const [step, setStep] = useState(() => readQuery('step'));
  const load = useCallback(
    () =>
      dashboardApi.runs({
        account: account || undefined,
        step: (STEPS as readonly string[]).includes(step) ? (step as Step) : undefined,
        limit: LIMIT,
      }),
    [account, step],
  );
  const { data, error, refresh } = usePolling(load, REFRESH_SECONDS * 1000);
  // The calls chart comes with the overview's charts; it is drawn once they arrive, the runs do not wait for it.
  const loadCharts = useCallback(() => dashboardApi.overview(), []);
  const { data: overview } = usePolling(loadCharts, REFRESH_SECONDS * 1000);

  return (
    <>
      <PageHead
        title={t('title')}
        lead={t('lead', { limit: LIMIT })}
        aside={data && <LiveStatus error={error} everySeconds={REFRESH_SECONDS} />}
      />
      <div className="filters" role="search" aria-label={t('filters')}>
        <SelectField
          id="runs-account"
          label={t('account')}
          value={account}
          options={[
            { value: '', label: t('allAccounts') },
            ...(accounts ?? []).map((a) => ({ value: a.id, label: a.name })),
          ]}
          onChange={(value) => {
            setAccount(value);
            writeQuery({ account: value });
          }}
        />
        <SelectField
          id="runs-step"
          label={t('step')}
          value={step}
          options={[
            { value: '', label: t('allSteps') },
            ...STEPS.map((s) => ({ value: s, label: STEP_LABELS[s].name })),
          ]}
          onChange={(value) => {
            setStep(value);
            writeQuery({ step: value });
          }}
        />
      </div>
      {overview && (
        <section className="section" aria-labelledby="calls-heading">
          <h2 id="calls-heading">{t('callsHeading')}</h2>
          <div className="chart-grid">
            <CallsChart
              calls={overview.charts.callsPerMinute}
              now={now}
              marketplace={systemName(overview.accounts[0]?.type, t('theMarketplace'))}
            />
          </div>
        </section>
      )}
      {!data && !error && <p className="muted">{t('loading')}</p>}
      {!data && error && <LoadFailed what={t('what')} message={error} onRetry={() => void refresh()} />}
      {data && (
        <section className="section card card-flush" aria-label={t('section')}>
          {data.length === 0 ? (
            <p className="empty empty-flush">{t('none')}</p>
          ) : (
            <RunsTable runs={data} accounts={accounts ?? []} now={now} />
          )}
        </section>
      )}
    </>
  );
}
