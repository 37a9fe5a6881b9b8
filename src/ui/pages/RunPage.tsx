import { useCallback } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
import { codedText } from '../lib/coded-text.ts';

// A running step finishes within seconds; a finished run no longer changes, but polling costs one small read.
const REFRESH_SECONDS = 3;

const COUNTS: (keyof RunCounts)[] = ['read', 'created', 'updated', 'skipped', 'failed'];

/** One step run: when and why it ran, what it read and wrote, the API calls it made and why it stopped. */
export function RunPage({ id }: { id: string }) {
  const { t } = useTranslation('runs');
  useDocumentTitle(t('run.docTitle'));
  const { accounts } = useAccounts();
  const load = useCallback(() => dashboardApi.run(id), [id]);
  const { data: run, error, refresh } = usePolling(load, REFRESH_SECONDS * 1000);
  const account = run && accounts?.find((a) => a.id === run.accountId);

  return (
    <>
      <p className="back">
        <Link to="/runs">{t('run.back')}</Link>
      </p>
      {!run && !error && <p className="muted">{t('run.loading')}</p>}
      {!run && error && <LoadFailed what={t('run.what')} message={error} onRetry={() => void refresh()} />}
      {run && (
        <>
          <div className="page-head">
            <h1>
              {t('run.heading', { step: stepName(run.step) })}{' '}
              <Pill tone={RUN_STATUS[run.status].tone}>{RUN_STATUS[run.status].label}</Pill>
            </h1>
            <p className="lead">
              {account ? `${account.name} · ` : ''}
              {TRIGGER_LABELS[run.trigger]} ·{' '}
              <Trans
                t={t}
                i18nKey="run.started"
                components={{ time: <time dateTime={run.startedAt}>{absoluteTime(run.startedAt)}</time> }}
              />
              {' · '}
              {run.durationMs != null
                ? t('run.took', { duration: formatDuration(run.durationMs) })
                : t('run.stillRunning')}
            </p>
          </div>
          {run.errorMessage && (
            <div className="alert alert-warning" role="alert">
              <p className="alert-title">{t('run.whyStopped')}</p>
              <p>{codedText(run.errorCode, run.errorMessage)}</p>
            </div>
          )}
          <section className="section card" aria-labelledby="run-counts-heading">
            <h2 id="run-counts-heading">{t('run.whatItDid')}</h2>
            <dl className="facts run-counts">
              {COUNTS.map((key) => (
                <div key={key}>
                  <dt>{t(`run.count.${key}`)}</dt>
                  <dd className={key === 'failed' && run.counts[key] > 0 ? 'text-bad' : undefined}>
                    {formatCount(run.counts[key] ?? 0)}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="section card card-flush" aria-labelledby="run-calls-heading">
            <h2 id="run-calls-heading" className="card-flush-heading">
              {t('run.calls', { summary: callsSummary(run) })}
            </h2>
            <RunCalls calls={run.apiCalls} />
          </section>
        </>
      )}
    </>
  );
}
