import { useTranslation } from 'react-i18next';
import type { Account } from '../api-types.ts';
import type { Run } from '../dashboard-types.ts';
import { formatCount, formatDuration } from '../lib/format.ts';
import { RUN_STATUS, stepName, TRIGGER_LABELS } from '../lib/labels.ts';
import { callsSummary, countsSummary, stoppedWithoutWork } from '../lib/run-summary.ts';
import { absoluteTime, shortAgo } from '../lib/time.ts';
import { Link } from './Link.tsx';
import { Pill } from './Pill.tsx';
import { codedText } from '../lib/coded-text.ts';

interface Props {
  runs: Run[];
  accounts: Account[];
  now: number;
}

/** The run log: one row per step run, newest first. */
export function RunsTable({ runs, accounts, now }: Props) {
  const { t } = useTranslation('runs');
  return (
    <div className="table-wrap">
      <table className="data-table runs-table">
        <thead>
          <tr>
            <th scope="col">{t('col.started')}</th>
            <th scope="col">{t('col.account')}</th>
            <th scope="col">{t('col.step')}</th>
            <th scope="col">{t('col.status')}</th>
            <th scope="col" className="num">
              {t('col.duration')}
            </th>
            <th scope="col">{t('col.result')}</th>
            <th scope="col">{t('col.calls')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td data-label={t('col.started')}>
                <time dateTime={run.startedAt} title={absoluteTime(run.startedAt)}>
                  {shortAgo(run.startedAt, now)}
                </time>
                <span className="cell-note">{TRIGGER_LABELS[run.trigger]}</span>
              </td>
              <td data-label={t('col.account')}>
                {accounts.find((a) => a.id === run.accountId)?.name ?? '–'}
              </td>
              <th scope="row" data-label={t('col.step')}>
                {/* The way into the run: its calls per endpoint, counts and error. */}
                <Link to={`/runs/${run.id}`}>{stepName(run.step)}</Link>
              </th>
              <td data-label={t('col.status')}>
                <Pill tone={RUN_STATUS[run.status].tone}>{RUN_STATUS[run.status].label}</Pill>
              </td>
              <td data-label={t('col.duration')} className="num">
                {run.durationMs != null ? formatDuration(run.durationMs) : '–'}
              </td>
              <td data-label={t('col.result')}>
                {run.status === 'running' ? (
                  <span className="muted">{t('running')}</span>
                ) : stoppedWithoutWork(run) ? null : (
                  <span className={run.counts.failed > 0 ? 'text-bad' : undefined}>
                    {countsSummary(run.counts)}
                  </span>
                )}
                {/* The reason in words; the code stays in the API and the logs. */}
                {run.errorMessage && (
                  <span className="cell-error">{codedText(run.errorCode, run.errorMessage)}</span>
                )}
              </td>
              <td
                data-label={t('col.calls')}
                title={Object.entries(run.apiCalls)
                  .map(([call, n]) => t('callTimes', { n: formatCount(n), call }))
                  .join('\n')}
              >
                {callsSummary(run)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
