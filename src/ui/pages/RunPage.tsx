import { useCallback } from 'react';
import { Link } from '../components/Link.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { Pill } from '../components/Pill.tsx';
import { RunCalls } from '../components/RunCalls.tsx';
import { dashboardApi } from '../dashboard-api.ts';
import type { RunCounts } from '../dashboard-types.ts';
import { formatCount, formatDuration } from '../lib/format.ts';
import { RUN_STATUS, stepName, TRIGGER_LABELS } from '../lib/labels.ts';
import { callsSummary } from '../lib/run-summary.ts';
import { absoluteTime } from '../lib/time.ts';
import { useAccounts } from '../lib/use-accounts.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { usePolling } from '../lib/use-polling.ts';

// A running step finishes within seconds; a finished run no longer changes, but polling costs one small read.
const REFRESH_SECONDS = 3;

const COUNT_WORDS: [keyof RunCounts, string][] = [
  ['read', 'Read'],
  ['created', 'Created'],
  ['updated', 'Updated'],
  ['skipped', 'Skipped'],
  ['failed', 'Failed'],
];

/** One step run: when and why it ran, what it read and wrote, the API calls it made and why it stopped. */
export function RunPage({ id }: { id: string }) {
  useDocumentTitle('Run');
  const { accounts } = useAccounts();
  const load = useCallback(() => dashboardApi.run(id), [id]);
  const { data: run, error, refresh } = usePolling(load, REFRESH_SECONDS * 1000);
  const account = run && accounts?.find((a) => a.id === run.accountId);

  return (
    <>
      <p className="back">
        <Link to="/runs">← All runs</Link>
      </p>
      {!run && !error && <p className="muted">Loading the run…</p>}
      {!run && error && <LoadFailed what="The run" message={error} onRetry={() => void refresh()} />}
      {run && (
        <>
          <div className="page-head">
            <h1>
              {stepName(run.step)} run{' '}
              <Pill tone={RUN_STATUS[run.status].tone}>{RUN_STATUS[run.status].label}</Pill>
            </h1>
            <p className="lead">
              {account ? `${account.name} · ` : ''}
              {TRIGGER_LABELS[run.trigger]} · started{' '}
              <time dateTime={run.startedAt}>{absoluteTime(run.startedAt)}</time>
              {run.durationMs != null ? ` · took ${formatDuration(run.durationMs)}` : ' · still running'}
            </p>
          </div>
          {run.errorMessage && (
            <div className="alert alert-warning" role="alert">
              <p className="alert-title">Why it stopped</p>
              <p>{run.errorMessage}</p>
            </div>
          )}
          <section className="section card" aria-labelledby="run-counts-heading">
            <h2 id="run-counts-heading">What it did</h2>
            <dl className="facts run-counts">
              {COUNT_WORDS.map(([key, word]) => (
                <div key={key}>
                  <dt>{word}</dt>
                  <dd className={key === 'failed' && run.counts[key] > 0 ? 'text-bad' : undefined}>
                    {formatCount(run.counts[key] ?? 0)}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="section card card-flush" aria-labelledby="run-calls-heading">
            <h2 id="run-calls-heading" className="card-flush-heading">
              API calls: {callsSummary(run)}
            </h2>
            <RunCalls calls={run.apiCalls} />
          </section>
        </>
      )}
    </>
  );
}
