import { useCallback, useState } from 'react';
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
  useDocumentTitle('Runs');
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
        title="Runs"
        lead={`The last ${LIMIT} runs of the sync steps, newest first: what each read and wrote, its API calls and errors.`}
        aside={data && <LiveStatus error={error} everySeconds={REFRESH_SECONDS} />}
      />
      <div className="filters" role="search" aria-label="Filter runs">
        <SelectField
          id="runs-account"
          label="Account"
          value={account}
          options={[
            { value: '', label: 'All accounts' },
            ...(accounts ?? []).map((a) => ({ value: a.id, label: a.name })),
          ]}
          onChange={(value) => {
            setAccount(value);
            writeQuery({ account: value });
          }}
        />
        <SelectField
          id="runs-step"
          label="Step"
          value={step}
          options={[
            { value: '', label: 'All steps' },
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
          <h2 id="calls-heading">API calls</h2>
          <div className="chart-grid">
            <CallsChart
              calls={overview.charts.callsPerMinute}
              now={now}
              marketplace={systemName(overview.accounts[0]?.type, 'the marketplace')}
            />
          </div>
        </section>
      )}
      {!data && !error && <p className="muted">Loading runs…</p>}
      {!data && error && <LoadFailed what="The runs" message={error} onRetry={() => void refresh()} />}
      {data && (
        <section className="card card-flush" aria-label="Runs">
          {data.length === 0 ? (
            <p className="empty empty-flush">
              No runs yet. The scheduler starts the steps of a connected account within seconds.
            </p>
          ) : (
            <RunsTable runs={data} accounts={accounts ?? []} now={now} />
          )}
        </section>
      )}
    </>
  );
}
